/// <reference lib="dom" />
/**
 * Small helps on the article form beside the body editor, each optional (the form works
 * without them): the byline grows a row as its last one is filled, the main save button
 * says what it will do as the status changes ("Update", "Schedule", "Save draft"…), the topics
 * are searched and made (topic-picker), the lead photo is searched or dropped (lead-photo).
 */
import { mountLeadPhoto } from './lead-photo.client.js'
import { mountTopicPicker } from './topic-picker.client.js'

const MAIN_LABELS: Record<string, (live: boolean) => string> = {
  published: (live) => (live ? 'Update' : 'Publish'),
  scheduled: () => 'Schedule',
  review: () => 'Send for review',
  draft: () => 'Save draft',
  unpublished: () => 'Save, unpublished',
}

export function mountFormHelpers(form: HTMLFormElement): void {
  growByline(form)
  relabelSave(form)
  mountTopicPicker(form)
  mountLeadPhoto(form)
}

function growByline(form: HTMLFormElement): void {
  const box = form.querySelector<HTMLFieldSetElement>('fieldset.byline-rows')
  if (!box) return
  const max = Number(box.dataset['max'] ?? 6)
  box.addEventListener('input', () => {
    const inputs = Array.from(box.querySelectorAll<HTMLInputElement>('input[name="byline"]'))
    const last = inputs.at(-1)
    if (!last || !last.value.trim() || inputs.length >= max) return
    const n = inputs.length
    const label = document.createElement('label')
    label.htmlFor = `byline-${n}`
    label.className = 'visually-hidden'
    label.textContent = `Byline name ${n + 1}`
    const input = last.cloneNode(false) as HTMLInputElement
    input.id = `byline-${n}`
    input.value = ''
    last.after(label, input)
  })
}

function relabelSave(form: HTMLFormElement): void {
  const select = form.querySelector<HTMLSelectElement>('select#status')
  const button = form.querySelector<HTMLButtonElement>('button[data-save-label]')
  if (!select || !button) return
  const live = button.dataset['live'] === 'true'
  select.addEventListener('change', () => {
    const label = MAIN_LABELS[select.value]
    if (label) button.textContent = label(live)
  })
}
