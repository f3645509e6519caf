/// <reference lib="dom" />
import type { Editor } from '@tiptap/core'
import { el } from './dom.client.js'

/** One photo of the library as `/admin/media.json` lists it. */
interface LibraryPhoto {
  id: number
  alt: string
  caption: string
  thumb: string
}

let picker: { dialog: HTMLDialogElement; search: HTMLInputElement; list: HTMLElement } | null = null
let editorOf: Editor | null = null

/**
 * The "Photo" button: a dialog that searches the whole media library (by alt text, caption or
 * credit) and puts the chosen photo in the body where the cursor is, as the placeholder the
 * reader site expands. Without JavaScript the body's HTML takes `<figure data-image-id>`.
 */
export function pickImage(editor: Editor, say: (text: string) => void): void {
  editorOf = editor
  picker ??= buildPicker(say)
  picker.search.value = ''
  void fill('', say)
  picker.dialog.showModal()
  picker.search.focus()
}

function buildPicker(say: (text: string) => void) {
  const dialog = el('dialog', 'mh-image-picker')
  dialog.setAttribute('aria-labelledby', 'mh-image-picker-title')
  const title = el('h2', '', 'Put a photo from the library in the text')
  title.id = 'mh-image-picker-title'
  const label = el('label', '', 'Search by alt text, caption or credit')
  label.htmlFor = 'mh-image-picker-q'
  const search = el('input', '')
  search.id = 'mh-image-picker-q'
  search.type = 'search'
  const list = el('ul', 'mh-image-picker-list')
  const close = el('button', 'secondary', 'Close')
  close.type = 'button'
  close.addEventListener('click', () => dialog.close())
  let timer: ReturnType<typeof setTimeout> | undefined
  search.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(() => void fill(search.value, say), 250)
  })
  dialog.addEventListener('close', () => editorOf?.commands.focus())
  dialog.append(title, label, search, list, close)
  document.body.append(dialog)
  return { dialog, search, list }
}

async function fill(q: string, say: (text: string) => void): Promise<void> {
  if (!picker) return
  const { list, dialog } = picker
  let photos: LibraryPhoto[]
  try {
    const res = await fetch(`/admin/media.json?q=${encodeURIComponent(q)}`, {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    })
    if (!res.ok) throw new Error(String(res.status))
    photos = ((await res.json()) as { images: LibraryPhoto[] }).images
  } catch {
    list.replaceChildren(el('li', '', 'The library could not be read; try again.'))
    return
  }
  if (photos.length === 0) {
    list.replaceChildren(el('li', '', 'No photo matches.'))
    return
  }
  list.replaceChildren(
    ...photos.map((p) => {
      const li = el('li', '')
      const b = el('button', 'mh-image-picker-choice')
      b.type = 'button'
      const img = el('img', '')
      img.src = p.thumb
      img.alt = ''
      img.width = 96
      b.append(img, el('span', '', `${p.id}: ${p.caption || p.alt}`))
      b.addEventListener('click', () => {
        editorOf
          ?.chain()
          .focus()
          .insertContent({ type: 'imagePlaceholder', attrs: { imageId: String(p.id) } })
          .run()
        say('')
        dialog.close()
      })
      li.append(b)
      return li
    }),
  )
}
