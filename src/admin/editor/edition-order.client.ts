/// <reference lib="dom" />
/**
 * The edition page's stories reordered by dragging, as progressive enhancement: without
 * JavaScript (and from the keyboard) the Up and Down buttons move them. The form posts the
 * stories in the order of their `item_id` fields (admin/edition-form.ts itemsFromForm), so a
 * drop moves the story's row and saves the form, as an Up or Down button would. Bundled by
 * scripts/build-editor.mjs into dist/admin-assets/edition.js; only the edition page loads it.
 */
import { el } from './dom.client.js'
import { dropInto } from './picker-rules.client.js'

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start, { once: true })
} else {
  start()
}

function start(): void {
  const list = document.querySelector<HTMLOListElement>('ol.edition-items')
  const form = list?.closest('form')
  const save = form?.querySelector<HTMLButtonElement>('button[name="action"][value="save"]')
  if (!list || !form || !save) return
  const rows = () => Array.from(list.children).filter((c): c is HTMLLIElement => c.tagName === 'LI')
  if (rows().length < 2) return
  const status = el('p', 'small order-status')
  status.setAttribute('aria-live', 'polite')
  list.before(status)
  let moving: HTMLLIElement | null = null

  for (const row of rows()) {
    // A handle, not the whole row: text in the blurb stays selectable with the mouse. Hidden
    // from assistive technology, which has the Up and Down buttons.
    const handle = el('span', 'drag-handle', '⠿ Drag')
    handle.setAttribute('aria-hidden', 'true')
    handle.title = 'Drag to move this story'
    row.querySelector('.item-head')?.prepend(handle)
    handle.addEventListener('pointerdown', () => (row.draggable = true))
    row.addEventListener('dragstart', (ev) => {
      if (!row.draggable) return
      moving = row
      row.classList.add('dragging')
      ev.dataTransfer?.setData('text/plain', row.id)
      if (ev.dataTransfer) ev.dataTransfer.effectAllowed = 'move'
    })
    row.addEventListener('dragend', () => {
      row.draggable = false
      row.classList.remove('dragging')
      clearMarks()
      moving = null
    })
  }

  const clearMarks = () => rows().forEach((r) => r.classList.remove('drop-before', 'drop-after'))
  const place = (ev: DragEvent) => {
    const target = (ev.target as Element | null)?.closest('li')
    if (!target || target.parentElement !== list) return null
    const box = target.getBoundingClientRect()
    return { target: target as HTMLLIElement, after: ev.clientY > box.top + box.height / 2 }
  }

  list.addEventListener('dragover', (ev) => {
    const at = moving && place(ev)
    if (!at) return
    ev.preventDefault()
    if (ev.dataTransfer) ev.dataTransfer.dropEffect = 'move'
    clearMarks()
    if (at.target !== moving) at.target.classList.add(at.after ? 'drop-after' : 'drop-before')
  })
  list.addEventListener('drop', (ev) => {
    const at = moving && place(ev)
    if (!at || !moving) return
    ev.preventDefault()
    clearMarks()
    const before = rows()
    const order = dropInto(before, moving, at.target, at.after)
    if (order.every((r, i) => r === before[i])) return
    list.append(...order)
    status.textContent = 'Saving the new order…'
    form.requestSubmit(save)
  })
}
