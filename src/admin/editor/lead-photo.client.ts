/// <reference lib="dom" />
import { el } from './dom.client.js'
import { type LibraryPhoto, libraryDialog } from './library-dialog.client.js'

const dialog = libraryDialog('mh-lead-picker', 'Choose the lead photo from the library')

/**
 * The lead photo with JavaScript: "Search the library" opens the library's dialog and the
 * chosen photo joins the choices, checked; a photo file dropped on the fieldset goes into the
 * upload field, its name shown and the alt text then required. Without JavaScript the file
 * field, the latest photos and the number field do the same.
 */
export function mountLeadPhoto(form: HTMLFormElement): void {
  const box = form.querySelector<HTMLFieldSetElement>('fieldset.lead-choices')
  const radios = box?.querySelector<HTMLElement>('.lead-radios')
  const file = box?.querySelector<HTMLInputElement>('input#leadPhotoFile')
  const alt = box?.querySelector<HTMLInputElement>('input#leadPhotoAlt')
  if (!box || !radios || !file || !alt) return
  const note = el('p', 'small lead-note')
  note.setAttribute('aria-live', 'polite')
  file.after(note)
  const tip = el('p', 'small drop-tip', 'You can also drop a photo file on this box.')
  box.querySelector('legend')?.after(tip)

  const open = el('button', 'secondary lead-search', 'Search the library')
  open.type = 'button'
  const row = el('p', 'lead-search-row')
  row.append(open)
  radios.after(row)
  open.addEventListener('click', () => {
    let picked: HTMLInputElement | null = null
    dialog.open(
      (p) => {
        picked = choose(radios, p)
        const number = box.querySelector<HTMLInputElement>('input#leadImageNumber')
        if (number) number.value = ''
        note.textContent = `Lead photo: ${p.id} chosen.`
      },
      () => (picked ?? open).focus(),
    )
  })

  // A new file makes the alt text required: readers who cannot see the photo need it.
  file.addEventListener('change', () => {
    const f = file.files?.[0]
    alt.required = Boolean(f)
    note.textContent = f ? `New photo: ${f.name}. Describe what it shows in the alt text.` : ''
  })

  const hasFiles = (ev: DragEvent) => Array.from(ev.dataTransfer?.types ?? []).includes('Files')
  box.addEventListener('dragover', (ev) => {
    if (!hasFiles(ev)) return
    ev.preventDefault()
    if (ev.dataTransfer) ev.dataTransfer.dropEffect = 'copy'
    box.classList.add('dropping')
  })
  box.addEventListener('dragleave', (ev) => {
    if (!box.contains(ev.relatedTarget as Node | null)) box.classList.remove('dropping')
  })
  box.addEventListener('drop', (ev) => {
    if (!hasFiles(ev)) return
    ev.preventDefault()
    box.classList.remove('dropping')
    const photo = Array.from(ev.dataTransfer?.files ?? []).find((f) => f.type.startsWith('image/'))
    if (!photo) {
      note.textContent = 'Only a photo can be dropped here.'
      return
    }
    const files = new DataTransfer()
    files.items.add(photo)
    file.files = files.files
    file.dispatchEvent(new Event('change', { bubbles: true }))
    alt.focus()
  })
}

/** The photo's radio among the choices, added after "None" when it is not there yet; checked. */
function choose(radios: HTMLElement, p: LibraryPhoto): HTMLInputElement {
  let radio = Array.from(
    radios.querySelectorAll<HTMLInputElement>('input[name="leadImageId"]'),
  ).find((r) => r.value === String(p.id))
  if (!radio) {
    const label = el('label', '')
    radio = el('input', '')
    radio.type = 'radio'
    radio.name = 'leadImageId'
    radio.value = String(p.id)
    const img = el('img', '')
    img.src = p.thumb
    img.alt = ''
    img.width = 96
    label.append(radio, img, el('span', '', `${p.id}: ${p.caption || p.alt}`))
    const none = radios.querySelector('label')
    if (none) none.after(label)
    else radios.prepend(label)
  }
  radio.checked = true
  radio.dispatchEvent(new Event('change', { bubbles: true }))
  return radio
}
