/// <reference lib="dom" />
/**
 * The article body's rich editor, as progressive enhancement of the admin form's
 * `<textarea id="body" name="body">`. Without this script (or when it fails) the textarea is the
 * editor; with it the textarea is hidden but stays the submitted field, kept in step with the
 * editor. Bundled by scripts/build-editor.mjs into dist/admin-assets/editor.js; never loaded by
 * reader pages.
 *
 * Strict CSP (`style-src 'self'`, `script-src 'self'`): no inline <style> (TipTap's injected
 * stylesheet is off, editor.css carries it) and no `style=` attributes; ProseMirror's own
 * CSSOM writes (element.style.x) are allowed by CSP.
 */
import { Editor, createDocument, getHTMLFromFragment } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import Link from '@tiptap/extension-link'
import { Selection } from '@tiptap/pm/state'
import { ImagePlaceholder } from './image-placeholder.client.js'
import {
  IMAGE_ID,
  RICH_ATTRIBUTES,
  RICH_TAGS,
  type LocalDraft,
  countWords,
  draftKey,
  fingerprint,
  isAllowedStoredHref,
  linkHref,
  parseDraft,
  statsText,
} from './rules.client.js'

const AUTOSAVE_MS = 5_000
/** The live region is read aloud: settle on a number instead of announcing every keystroke. */
const STATS_DELAY_MS = 400
/** Unsaved copies older than this are forgotten: the article has surely moved on. */
const DRAFT_MAX_AGE_MS = 30 * 24 * 3600 * 1000
const DRAFT_PREFIX = draftKey('')
/** TipTap's "Mod" key: Command on Apple keyboards, Control elsewhere. */
const MOD = /Mac|iPhone|iPad/.test(navigator.platform) ? 'Meta' : 'Control'

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start, { once: true })
} else {
  start()
}

function start(): void {
  const textarea = document.querySelector<HTMLTextAreaElement>('form textarea#body')
  const form = textarea?.form
  if (!textarea || !form) return
  const lost = unsupportedMarkup(textarea.value)
  if (lost.length > 0) {
    explainTextarea(textarea, lost)
    return
  }
  try {
    mount(textarea, form)
  } catch (err) {
    // The textarea still works: say why the rich editor is missing and leave the form as it was.
    console.warn('Rich editor not started:', err)
    textarea.hidden = false
    textarea.classList.remove('mh-editor-source')
    document.querySelector('.mh-editor')?.remove()
  }
}

/**
 * Markup the server keeps but the editor's schema would drop on parsing (tables, sub/sup, a
 * paragraph's lang or dir, ...). Such a body is edited as HTML rather than losing part of it.
 */
function unsupportedMarkup(html: string): string[] {
  // An inert document: nothing in it loads or runs.
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html')
  const found = new Set<string>()
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    const tag = el.localName
    if (!RICH_TAGS.has(tag)) {
      found.add(`<${tag}>`)
      continue
    }
    if (tag === 'figure' && !IMAGE_ID.test(el.getAttribute('data-image-id') ?? '')) {
      found.add('<figure> without an image')
    }
    const allowed = RICH_ATTRIBUTES[tag] ?? []
    for (const attr of Array.from(el.attributes)) {
      if (!allowed.includes(attr.name)) found.add(`${tag} ${attr.name}="…"`)
    }
  }
  return [...found]
}

function explainTextarea(textarea: HTMLTextAreaElement, lost: string[]): void {
  const note = document.createElement('p')
  note.className = 'mh-editor-off'
  note.id = `${textarea.id}-editor-off`
  note.textContent =
    `The rich editor is off for this article: the body uses ${lost.slice(0, 5).join(', ')}` +
    `${lost.length > 5 ? ' and more' : ''}, which it cannot keep. Edit the HTML here instead.`
  textarea.before(note)
  textarea.setAttribute(
    'aria-describedby',
    [textarea.getAttribute('aria-describedby'), note.id].filter(Boolean).join(' '),
  )
}

interface Tool {
  name: string
  /** Visible text; the accessible name is `label`. */
  text: string
  label: string
  keys?: string
  run: (editor: Editor) => void
  /** Toggle buttons report aria-pressed; actions (undo, redo) report aria-disabled instead. */
  active?: (editor: Editor) => boolean
  enabled?: (editor: Editor) => boolean
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text = '',
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  node.className = className
  if (text) node.textContent = text
  return node
}

function mount(textarea: HTMLTextAreaElement, form: HTMLFormElement): void {
  const serverText = textarea.value
  const action = new URL(form.getAttribute('action') ?? '', location.href).pathname
  const key = draftKey(action)
  const base = fingerprint(serverText)

  const wrapper = el('div', 'mh-editor')
  const banner = el('div', 'mh-editor-restore')
  banner.hidden = true
  const toolbar = el('div', 'mh-editor-toolbar')
  const surface = el('div', 'mh-editor-surface')
  const stats = el('p', 'mh-editor-stats')
  stats.setAttribute('aria-live', 'polite')
  stats.id = `${textarea.id}-editor-stats`
  const status = el('p', 'mh-editor-status')
  const alert = el('p', 'mh-editor-alert')
  alert.setAttribute('role', 'alert')
  wrapper.append(banner, toolbar, surface, stats, status, alert)

  const label = document.querySelector<HTMLLabelElement>(`label[for="${textarea.id}"]`)
  if (label && !label.id) label.id = `${textarea.id}-label`

  const editor = new Editor({
    element: surface,
    // TipTap would add a <style> element, which `style-src 'self'` blocks: editor.css has it.
    injectCSS: false,
    content: serverText,
    extensions: [
      StarterKit.configure({
        // The page's title is the h1; the allow-list keeps h2–h4.
        heading: { levels: [2, 3, 4] },
        // <u> is not in the allow-list: it would vanish on save.
        underline: false,
        // Configured below with our scheme rules.
        link: false,
        // Coloured by editor.css instead of an inline colour.
        dropcursor: { color: false, class: 'mh-editor-dropcursor', width: 2 },
      }),
      Link.configure({
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: 'https',
        // What the server's transform adds, so a saved body parses back unchanged; no target,
        // which the allow-list drops.
        HTMLAttributes: { target: null, rel: 'noopener noreferrer' },
        isAllowedUri: (url) => isAllowedStoredHref(url),
      }),
      ImagePlaceholder,
    ],
    editorProps: {
      attributes: {
        id: `${textarea.id}-editor`,
        class: 'mh-editor-content',
        role: 'textbox',
        'aria-multiline': 'true',
        ...(label ? { 'aria-labelledby': label.id } : { 'aria-label': 'Article body' }),
        'aria-describedby': stats.id,
        'aria-keyshortcuts': 'Alt+F10',
        spellcheck: 'true',
      },
    },
  })

  toolbar.setAttribute('role', 'toolbar')
  toolbar.setAttribute('aria-label', 'Body formatting')
  toolbar.setAttribute('aria-controls', `${textarea.id}-editor`)

  /** The body as stored: no trailing empty paragraph (TipTap adds one after a final image). */
  const html = (): string => (editor.isEmpty ? '' : editor.getHTML().replace(/(<p><\/p>)+$/, ''))
  /** Any HTML as this editor would write it, to compare texts without markup noise. */
  const normalise = (text: string): string =>
    getHTMLFromFragment(createDocument(text, editor.schema).content, editor.schema).replace(
      /(<p><\/p>)+$/,
      '',
    )
  // What the server has: edits are measured against this, not against the raw textarea text.
  const savedHtml = html()
  let storedHtml = savedHtml
  let submitting = false
  let offerOpen = false

  const alertMessage = (text: string) => {
    alert.textContent = text
  }

  /** The textarea is the submitted field: it gets the editor's HTML once the text differs. */
  const sync = () => {
    const now = html()
    textarea.value = now === savedHtml ? serverText : now
  }

  let statsTimer: ReturnType<typeof setTimeout> | undefined
  const showStats = () => {
    stats.textContent = statsText(countWords(editor.getText({ blockSeparator: ' ' })))
  }

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

  const tools: Tool[] = [
    {
      name: 'paragraph',
      text: '¶',
      label: 'Paragraph',
      keys: 'Control+Alt+0',
      run: (e) => e.chain().focus().setParagraph().run(),
      active: (e) => e.isActive('paragraph'),
    },
    ...([2, 3] as const).map((level): Tool => ({
      name: `heading-${level}`,
      text: `H${level}`,
      label: `Heading ${level}`,
      keys: `Control+Alt+${level}`,
      run: (e) => e.chain().focus().toggleHeading({ level }).run(),
      active: (e) => e.isActive('heading', { level }),
    })),
    {
      name: 'bold',
      text: 'B',
      label: 'Bold',
      keys: 'Control+B',
      run: (e) => e.chain().focus().toggleBold().run(),
      active: (e) => e.isActive('bold'),
    },
    {
      name: 'italic',
      text: 'I',
      label: 'Italic',
      keys: 'Control+I',
      run: (e) => e.chain().focus().toggleItalic().run(),
      active: (e) => e.isActive('italic'),
    },
    {
      name: 'link',
      text: 'Link',
      label: 'Link',
      run: (e) => editLink(e, alertMessage),
      active: (e) => e.isActive('link'),
    },
    {
      name: 'bullet-list',
      text: '• List',
      label: 'Bulleted list',
      keys: 'Control+Shift+8',
      run: (e) => e.chain().focus().toggleBulletList().run(),
      active: (e) => e.isActive('bulletList'),
    },
    {
      name: 'numbered-list',
      text: '1. List',
      label: 'Numbered list',
      keys: 'Control+Shift+7',
      run: (e) => e.chain().focus().toggleOrderedList().run(),
      active: (e) => e.isActive('orderedList'),
    },
    {
      name: 'quote',
      text: '“ Quote',
      label: 'Quote',
      keys: 'Control+Shift+B',
      run: (e) => e.chain().focus().toggleBlockquote().run(),
      active: (e) => e.isActive('blockquote'),
    },
    {
      name: 'undo',
      text: '↶ Undo',
      label: 'Undo',
      keys: 'Control+Z',
      run: (e) => e.chain().focus().undo().run(),
      enabled: (e) => e.can().undo(),
    },
    {
      name: 'redo',
      text: '↷ Redo',
      label: 'Redo',
      keys: 'Control+Shift+Z',
      run: (e) => e.chain().focus().redo().run(),
      enabled: (e) => e.can().redo(),
    },
  ]

  const buttons = tools.map((tool, i) => {
    const b = el('button', `mh-editor-button mh-editor-${tool.name}`)
    b.type = 'button'
    b.setAttribute('aria-label', tool.label)
    const keys = tool.keys?.replace('Control', MOD)
    b.title = keys ? `${tool.label} (${keys.replace('Control', 'Ctrl')})` : tool.label
    if (keys) b.setAttribute('aria-keyshortcuts', keys)
    const face = el('span', '', tool.text)
    face.setAttribute('aria-hidden', 'true')
    b.append(face)
    // One tab stop for the whole toolbar; arrow keys move within it (ARIA toolbar pattern).
    b.tabIndex = i === 0 ? 0 : -1
    // Keep the editor's selection: a click must not move focus before the command runs.
    b.addEventListener('mousedown', (ev) => ev.preventDefault())
    b.addEventListener('click', () => {
      alertMessage('')
      if (tool.enabled && !tool.enabled(editor)) return
      tool.run(editor)
    })
    toolbar.append(b)
    return b
  })

  toolbar.addEventListener('keydown', (ev) => {
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement)
    if (i < 0) return
    const next =
      ev.key === 'ArrowRight'
        ? (i + 1) % buttons.length
        : ev.key === 'ArrowLeft'
          ? (i - 1 + buttons.length) % buttons.length
          : ev.key === 'Home'
            ? 0
            : ev.key === 'End'
              ? buttons.length - 1
              : -1
    if (ev.key === 'Escape') {
      ev.preventDefault()
      editor.commands.focus()
      return
    }
    if (next < 0) return
    ev.preventDefault()
    buttons[i]!.tabIndex = -1
    buttons[next]!.tabIndex = 0
    buttons[next]!.focus()
  })

  const refreshToolbar = () => {
    tools.forEach((tool, i) => {
      const b = buttons[i]!
      if (tool.active) b.setAttribute('aria-pressed', String(tool.active(editor)))
      if (tool.enabled) b.setAttribute('aria-disabled', String(!tool.enabled(editor)))
    })
  }

  editor.on('transaction', refreshToolbar)
  editor.on('update', () => {
    sync()
    clearTimeout(statsTimer)
    statsTimer = setTimeout(showStats, STATS_DELAY_MS)
  })

  editor.view.dom.addEventListener('keydown', (ev) => {
    // Alt+F10 reaches the toolbar from the text, as in other editors.
    if (ev.altKey && ev.key === 'F10') {
      ev.preventDefault()
      ;(buttons.find((b) => b.tabIndex === 0) ?? buttons[0])?.focus()
    }
  })

  // The label points at the hidden textarea; send its clicks to the editor instead.
  label?.addEventListener('click', (ev) => {
    ev.preventDefault()
    editor.commands.focus()
  })

  textarea.hidden = true
  textarea.classList.add('mh-editor-source')
  textarea.after(wrapper)
  refreshToolbar()
  showStats()

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
  // requestSubmit() and form.submit() alike build the form data here: last chance to sync.
  form.addEventListener('formdata', (ev) => {
    const now = html()
    if (now !== savedHtml) ev.formData.set(textarea.name, now)
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

function editLink(editor: Editor, say: (text: string) => void): void {
  const current = (editor.getAttributes('link').href as string | undefined) ?? ''
  const answer = window.prompt(
    'Link address (https://…, http://… or mailto:…). Leave it empty to remove the link.',
    current,
  )
  if (answer === null) {
    editor.commands.focus()
    return
  }
  if (answer.trim() === '') {
    editor.chain().focus().extendMarkRange('link').unsetLink().run()
    return
  }
  const href = linkHref(answer)
  if (!href) {
    say('Not a link: addresses start with https://, http:// or mailto:.')
    editor.commands.focus()
    return
  }
  if (editor.state.selection.empty && !editor.isActive('link')) {
    // Nothing selected: the address becomes the link's text.
    editor
      .chain()
      .focus()
      .insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] })
      .run()
    return
  }
  editor.chain().focus().extendMarkRange('link').setLink({ href }).run()
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
