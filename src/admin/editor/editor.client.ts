/// <reference lib="dom" />
/**
 * The article body's rich editor, as progressive enhancement of the admin form's
 * `<textarea id="body" name="body">`. Without this script (or when it fails) the textarea is the
 * editor; with it the textarea is hidden but stays the submitted field, kept in step with the
 * editor. Bundled by scripts/build-editor.mjs into dist/admin-assets/editor.js; never loaded by
 * reader pages.
 *
 * This module boots and puts the parts together: fallback (markup it cannot keep), toolbar,
 * stats (word count), autosave (kept copies, leaving the page).
 *
 * Strict CSP (`style-src 'self'`, `script-src 'self'`): no inline <style> (TipTap's injected
 * stylesheet is off, editor.css carries it) and no `style=` attributes; ProseMirror's own
 * CSSOM writes (element.style.x) are allowed by CSP.
 */
import { Editor, createDocument, getHTMLFromFragment } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import Link from '@tiptap/extension-link'
import { type EditorText, startAutosave } from './autosave.client.js'
import { el } from './dom.client.js'
import { explainTextarea, unsupportedMarkup } from './fallback.client.js'
import { mountFormHelpers } from './form-helpers.client.js'
import { ImagePlaceholder } from './image-placeholder.client.js'
import { isAllowedStoredHref } from './rules.client.js'
import { liveStats } from './stats.client.js'
import { mountToolbar } from './toolbar.client.js'

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start, { once: true })
} else {
  start()
}

function start(): void {
  const textarea = document.querySelector<HTMLTextAreaElement>('form textarea#body')
  const form = textarea?.form
  if (!textarea || !form) return
  mountFormHelpers(form)
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

function mount(textarea: HTMLTextAreaElement, form: HTMLFormElement): void {
  const serverText = textarea.value

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

  const buttons = mountToolbar(editor, toolbar, `${textarea.id}-editor`, (text) => {
    alert.textContent = text
  })
  const count = liveStats(editor, stats)
  const text = editorText(editor, textarea, serverText)

  editor.on('transaction', buttons.refresh)
  editor.on('update', () => {
    text.sync()
    count.settle()
  })

  editor.view.dom.addEventListener('keydown', (ev) => {
    // Alt+F10 reaches the toolbar from the text, as in other editors.
    if (ev.altKey && ev.key === 'F10') {
      ev.preventDefault()
      buttons.focus()
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
  buttons.refresh()
  count.show()

  startAutosave({ editor, form, text, serverText, banner, status })
  // requestSubmit() and form.submit() alike build the form data here: last chance to sync.
  form.addEventListener('formdata', (ev) => {
    const now = text.html()
    if (now !== text.savedHtml) ev.formData.set(textarea.name, now)
  })
}

/** The editor's text as the form and the server see it. */
function editorText(editor: Editor, textarea: HTMLTextAreaElement, serverText: string): EditorText {
  /** The body as stored: no trailing empty paragraph (TipTap adds one after a final image). */
  const html = (): string => (editor.isEmpty ? '' : editor.getHTML().replace(/(<p><\/p>)+$/, ''))
  const normalise = (text: string): string =>
    getHTMLFromFragment(createDocument(text, editor.schema).content, editor.schema).replace(
      /(<p><\/p>)+$/,
      '',
    )
  const savedHtml = html()
  return {
    html,
    normalise,
    savedHtml,
    // The textarea is the submitted field: it gets the editor's HTML once the text differs.
    sync: () => {
      const now = html()
      textarea.value = now === savedHtml ? serverText : now
    },
  }
}
