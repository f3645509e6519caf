/**
 * Ghost's lexical body (Ghost 5's editor: a JSON tree) as plain HTML, enough of it for our
 * sanitizer (ADR 028): text with its formats and links, paragraphs, headings, quotes, lists,
 * images and galleries, code, rules, HTML cards, and embeds and bookmarks as links. A card we
 * do not know is dropped and named in the report. Used only when a post has no `html`.
 */
import { escapeHtml } from '../../lib/text.js'
import { link } from '../body-images.js'

type Node = Record<string, unknown>

const str = (v: unknown) => (typeof v === 'string' ? v : '')
const kids = (n: Node): Node[] =>
  Array.isArray(n['children'])
    ? n['children'].filter((c): c is Node => typeof c === 'object' && c !== null)
    : []

/** Lexical's text format bits, innermost first. */
const FORMATS: [number, string][] = [
  [16, 'code'],
  [64, 'sup'],
  [32, 'sub'],
  [8, 'u'],
  [4, 's'],
  [2, 'em'],
  [1, 'strong'],
]

function text(n: Node): string {
  let out = escapeHtml(str(n['text']))
  const format = typeof n['format'] === 'number' ? n['format'] : 0
  for (const [bit, tag] of FORMATS) if (format & bit) out = `<${tag}>${out}</${tag}>`
  return out
}

const image = (src: string, alt: string, caption: string) =>
  src
    ? `<figure><img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}">${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`
    : ''

function render(n: Node, dropped: Set<string>): string {
  const inner = () =>
    kids(n)
      .map((c) => render(c, dropped))
      .join('')
  const type = str(n['type'])
  switch (type) {
    case 'root':
      return inner()
    case 'text':
    case 'extended-text':
      return text(n)
    case 'linebreak':
      return '<br>'
    case 'tab':
      return ' '
    case 'paragraph':
      return `<p>${inner()}</p>`
    case 'heading':
    case 'extended-heading': {
      const tag = /^h[1-6]$/.test(str(n['tag'])) ? str(n['tag']) : 'h2'
      return `<${tag}>${inner()}</${tag}>`
    }
    case 'quote':
    case 'extended-quote':
    case 'aside':
      return `<blockquote><p>${inner()}</p></blockquote>`
    case 'list': {
      const tag = str(n['listType']) === 'number' || str(n['tag']) === 'ol' ? 'ol' : 'ul'
      return `<${tag}>${inner()}</${tag}>`
    }
    case 'listitem':
      return `<li>${inner()}</li>`
    case 'link':
    case 'autolink':
      return `<a href="${escapeHtml(str(n['url']))}">${inner()}</a>`
    case 'horizontalrule':
      return '<hr>'
    case 'codeblock':
      return `<pre><code>${escapeHtml(str(n['code']))}</code></pre>`
    case 'image':
      return image(str(n['src']), str(n['alt']), str(n['caption']))
    case 'gallery':
      return Array.isArray(n['images'])
        ? (n['images'] as Node[]).map((i) => image(str(i['src']), str(i['alt']), '')).join('')
        : ''
    case 'html':
      return str(n['html'])
    case 'markdown':
      return plainParagraphs(str(n['markdown']))
    case 'embed':
    case 'bookmark':
    case 'video':
    case 'audio':
    case 'file':
      return link(
        str(n['url']) || str(n['src']),
        str((n['metadata'] as Node | undefined)?.['title']),
      )
    case 'button':
      return link(str(n['buttonUrl']), str(n['buttonText']))
    case 'callout':
      return `<p>${str(n['calloutText'])}</p>`
    case 'toggle':
      return `<h3>${str(n['heading'])}</h3>${str(n['content'])}`
    default:
      if (kids(n).length) return inner()
      dropped.add(`ghost card ${type || '?'}`)
      return ''
  }
}

/** Text we do not render (a markdown card) as escaped paragraphs: its words are kept. */
export function plainParagraphs(s: string): string {
  return s
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('')
}

/** The HTML of a lexical document, or null when the text is not one. */
export function lexicalHtml(source: string, dropped: Set<string>): string | null {
  let doc: unknown
  try {
    doc = JSON.parse(source)
  } catch {
    return null
  }
  const root = (doc as Node | null)?.['root']
  if (typeof root !== 'object' || root === null) return null
  return render(root as Node, dropped)
}
