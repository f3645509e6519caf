/// <reference lib="dom" />
import { IMAGE_ID, RICH_ATTRIBUTES, RICH_TAGS } from './rules.client.js'

/**
 * Markup the server keeps but the editor's schema would drop on parsing (tables, sub/sup, a
 * paragraph's lang or dir, ...). Such a body is edited as HTML rather than losing part of it.
 */
export function unsupportedMarkup(html: string): string[] {
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

/** Says, above the textarea, why the rich editor stayed off and what it could not keep. */
export function explainTextarea(textarea: HTMLTextAreaElement, lost: string[]): void {
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
