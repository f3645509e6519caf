/// <reference lib="dom" />
/**
 * Unsaved text kept through a crash, a closed tab or a lost laptop: a copy in this browser
 * (localStorage) and, for an article that exists, a side copy on the server; offered back when the
 * page opens again; and a question before leaving with changes the server does not have.
 */
import type { Editor } from '@tiptap/core'
import { Selection } from '@tiptap/pm/state'
import { el } from './dom.client.js'
import { type LocalDraft, draftKey, fingerprint, parseDraft } from './rules.client.js'

const AUTOSAVE_MS = 5_000
/** Unsaved copies older than this are forgotten: the article has surely moved on. */
const DRAFT_MAX_AGE_MS = 30 * 24 * 3600 * 1000
const DRAFT_PREFIX = draftKey('')

/** The editor's text as the form and the server see it (made by editor.client.ts). */
export interface EditorText {
  /** The body as stored: no trailing empty paragraph. */
  html: () => string
  /** Any HTML as this editor would write it, to compare texts without markup noise. */
  normalise: (text: string) => string
  /** What the server has: edits are measured against this, not against the raw textarea text. */
  savedHtml: string
  /** Put the editor's HTML in the submitted textarea. */
  sync: () => void
}

export interface AutosaveParts {
  editor: Editor
  form: HTMLFormElement
  text: EditorText
  /** The body exactly as the server sent it. */
  serverText: string
  /** Where the offer to restore appears. */
  banner: HTMLElement
  /** Where what was kept, and when, is said. */
  status: HTMLElement
}

/** Offers back a kept copy, then keeps the text every few seconds and whenever the page goes. */
export function startAutosave(parts: AutosaveParts): void {
  const { editor, form, text, serverText, banner, status } = parts
  const { html, normalise, savedHtml, sync } = text
  const action = new URL(form.getAttribute('action') ?? '', location.href).pathname
  const key = draftKey(action)
  const base = fingerprint(serverText)
  let storedHtml = savedHtml
  let submitting = false
  let offerOpen = false

  // Autosave into this browser only: keeps text through a crash or a closed tab until saved.
  const store = (submitted = false) => {
    if (offerOpen) return
    const now = html()
    if (now === storedHtml && !submitted) return
    try {
      if (now === savedHtml && !submitted) localStorage.removeItem(key)
      else {
        const draft: LocalDraft = { html: now, savedAt: Date.now(), base, submitted }
        localStorage.setItem(key, JSON.stringify(draft))
        status.textContent = `Unsaved changes kept in this browser at ${clock(draft.savedAt)}.`
        if (!submitted) keepOnServer(now, draft.savedAt)
      }
      storedHtml = now
    } catch {
      status.textContent = 'This browser cannot keep a copy: save the article to keep changes.'
    }
  }

  offerRestore()

  function offerRestore(): void {
    let draft: LocalDraft | null = null
    try {
      forgetOldDrafts()
      draft = parseDraft(localStorage.getItem(key))
    } catch {
      return
    }
    if (!draft) return
    const theirs = normalise(draft.html)
    // Nothing to offer: it matches what the server has (saved, or never changed).
    // A submitted copy on top of a text that has since changed was answered by the server.
    if (theirs === savedHtml || (draft.submitted && draft.base !== base)) {
      localStorage.removeItem(key)
      return
    }
    offerOpen = true
    const text = el(
      'p',
      '',
      draft.base === base
        ? `This browser kept newer, unsaved changes to this text (${clock(draft.savedAt)}).`
        : `This browser kept unsaved changes from ${clock(draft.savedAt)}, ` +
            'but the article was saved since then: restoring replaces the saved text.',
    )
    const restore = el('button', 'mh-editor-restore-yes', 'Restore unsaved changes')
    restore.type = 'button'
    const discard = el('button', 'mh-editor-restore-no secondary', 'Discard them')
    discard.type = 'button'
    const close = () => {
      offerOpen = false
      banner.hidden = true
      banner.replaceChildren()
    }
    restore.addEventListener('click', () => {
      close()
      editor.commands.setContent(draft.html, { emitUpdate: true })
      // The caret after the last text, never on an image box: typing would replace the image.
      const doc = editor.state.doc
      const end = Selection.findFrom(doc.resolve(doc.content.size), -1, true)
      editor
        .chain()
        .focus()
        .setTextSelection(end?.from ?? 0)
        .run()
      store()
    })
    discard.addEventListener('click', () => {
      close()
      try {
        localStorage.removeItem(key)
      } catch {
        // Nothing kept, nothing to remove.
      }
      storedHtml = html()
      editor.commands.focus()
    })
    banner.setAttribute('role', 'region')
    banner.setAttribute('aria-label', 'Unsaved changes in this browser')
    banner.append(text, restore, discard)
    banner.hidden = false
  }

  /**
   * For an article that exists, the same copy goes to the server too, so a lost laptop loses no
   * words. It is a side copy: the article itself changes only when someone presses Save.
   */
  function keepOnServer(bodyHtml: string, at: number) {
    if (!/\/admin\/articles\/[1-9][0-9]*$/.test(new URL(form.action).pathname)) return
    const csrf = form.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? ''
    const headline = form.querySelector<HTMLInputElement>('#headline')?.value ?? ''
    fetch(`${new URL(form.action).pathname}/autosave`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ _csrf: csrf, headline, body: bodyHtml }),
    })
      .then((r) => {
        if (r.ok)
          status.textContent = `Unsaved changes kept in this browser and on the server at ${clock(at)}.`
      })
      .catch(() => {
        // Offline: the browser's copy is still there.
      })
  }

  setInterval(store, AUTOSAVE_MS)
  form.addEventListener('submit', (ev) => {
    sync()
    submitting = true
    store(true)
    // Another handler may have cancelled the submit: then we are still on the page.
    setTimeout(() => {
      if (ev.defaultPrevented) submitting = false
    }, 0)
  })
  // Before leaving: keep the text, and ask when it is not saved on the server.
  window.addEventListener('beforeunload', (ev) => {
    if (submitting) return
    store()
    if (html() !== savedHtml) {
      ev.preventDefault()
      // Older browsers need returnValue set to show the prompt.
      ev.returnValue = ''
    }
  })
  window.addEventListener('pagehide', () => {
    if (!submitting) store()
  })
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && !submitting) store()
  })
  // Back from the next page out of the back/forward cache: this page is live again.
  window.addEventListener('pageshow', (ev) => {
    if (ev.persisted) submitting = false
  })
}

function forgetOldDrafts(): void {
  const cutoff = Date.now() - DRAFT_MAX_AGE_MS
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const k = localStorage.key(i)
    if (!k?.startsWith(DRAFT_PREFIX)) continue
    const d = parseDraft(localStorage.getItem(k))
    if (!d || d.savedAt < cutoff) localStorage.removeItem(k)
  }
}

function clock(t: number): string {
  const d = new Date(t)
  const sameDay = d.toDateString() === new Date().toDateString()
  const time = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
  return sameDay ? time : `${d.toLocaleDateString()} ${time}`
}
