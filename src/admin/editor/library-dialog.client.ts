/// <reference lib="dom" />
import { el } from './dom.client.js'

/** One photo of the library as `/admin/media.json` lists it. */
export interface LibraryPhoto {
  id: number
  alt: string
  caption: string
  thumb: string
}

/** A dialog that searches the library; each caller chooses what a chosen photo does. */
export interface LibraryDialog {
  /** Opens it with an empty search; `choose` gets the photo picked, `closed` runs after. */
  open(choose: (photo: LibraryPhoto) => void, closed?: () => void): void
}

/**
 * The whole media library searched by alt text, caption or credit (24 at a time, newest first),
 * in a modal dialog: the editor's Photo button and the lead photo's search share it. `id` names
 * the dialog's parts, so two dialogs on one page never share an id. Built on first use.
 */
export function libraryDialog(id: string, title: string): LibraryDialog {
  let built: { dialog: HTMLDialogElement; search: HTMLInputElement; list: HTMLElement } | null =
    null
  let onChoose: (photo: LibraryPhoto) => void = () => {}
  let onClosed: () => void = () => {}
  let asked = 0

  const build = () => {
    const dialog = el('dialog', 'mh-image-picker')
    dialog.id = id
    dialog.setAttribute('aria-labelledby', `${id}-title`)
    const heading = el('h2', '', title)
    heading.id = `${id}-title`
    const label = el('label', '', 'Search by alt text, caption or credit')
    label.htmlFor = `${id}-q`
    const search = el('input', '')
    search.id = `${id}-q`
    search.type = 'search'
    const list = el('ul', 'mh-image-picker-list')
    list.setAttribute('aria-label', 'Photos')
    const close = el('button', 'secondary', 'Close')
    close.type = 'button'
    close.addEventListener('click', () => dialog.close())
    let timer: ReturnType<typeof setTimeout> | undefined
    search.addEventListener('input', () => {
      clearTimeout(timer)
      timer = setTimeout(() => void fill(search.value), 250)
    })
    // Enter in the search box must not submit the story form the dialog sits beside.
    search.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter') ev.preventDefault()
    })
    dialog.addEventListener('close', () => onClosed())
    dialog.append(heading, label, search, list, close)
    document.body.append(dialog)
    return { dialog, search, list }
  }

  const fill = async (q: string): Promise<void> => {
    if (!built) return
    const { list, dialog } = built
    // Answers can come back out of order: only the last question's is shown.
    const mine = ++asked
    let photos: LibraryPhoto[]
    try {
      const res = await fetch(`/admin/media.json?q=${encodeURIComponent(q)}`, {
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
      })
      if (!res.ok) throw new Error(String(res.status))
      photos = ((await res.json()) as { images: LibraryPhoto[] }).images
    } catch {
      if (mine === asked)
        list.replaceChildren(el('li', '', 'The library could not be read; try again.'))
      return
    }
    if (mine !== asked) return
    if (photos.length === 0) {
      list.replaceChildren(el('li', '', 'No photo matches.'))
      return
    }
    list.replaceChildren(
      ...photos.map((p) => {
        const li = el('li', '')
        const b = el('button', 'mh-image-picker-choice')
        b.type = 'button'
        b.dataset['imageId'] = String(p.id)
        const img = el('img', '')
        img.src = p.thumb
        img.alt = ''
        img.width = 96
        b.append(img, el('span', '', `${p.id}: ${p.caption || p.alt}`))
        b.addEventListener('click', () => {
          onChoose(p)
          dialog.close()
        })
        li.append(b)
        return li
      }),
    )
  }

  return {
    open(choose, closed = () => {}) {
      onChoose = choose
      onClosed = closed
      built ??= build()
      built.search.value = ''
      void fill('')
      built.dialog.showModal()
      built.search.focus()
    },
  }
}
