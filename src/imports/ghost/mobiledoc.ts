/**
 * Ghost's mobiledoc body (Ghost 1 to 4) as plain HTML, enough of it for our sanitizer
 * (ADR 028): markup sections with their markups, lists, images, and the common cards (image,
 * gallery, HTML, markdown as plain paragraphs, code, rule, embeds and bookmarks as links).
 * Used only when a post has no `html`.
 */
import { escapeHtml } from '../../lib/text.js'
import { link } from '../body-images.js'
import { plainParagraphs } from './lexical.js'

type Any = Record<string, unknown>

const str = (v: unknown) => (typeof v === 'string' ? v : '')
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
const MARKUP_TAGS = new Set(['a', 'b', 'strong', 'i', 'em', 's', 'u', 'code', 'sub', 'sup'])
const SECTION_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'aside'])

interface Doc {
  markups: unknown[]
  atoms: unknown[]
  cards: unknown[]
}

/** A run of markers: text (or an atom) opening and closing markups as it goes. */
function markers(list: unknown[], doc: Doc): string {
  let out = ''
  const open: string[] = []
  for (const m of list) {
    const [type, opens, closes, value] = arr(m) as [number, unknown, unknown, unknown]
    for (const i of arr(opens)) {
      const [tag, attrs] = arr(doc.markups[Number(i)]) as [unknown, unknown]
      const t = str(tag).toLowerCase()
      if (!MARKUP_TAGS.has(t)) {
        open.push('')
        continue
      }
      const a = arr(attrs)
      const href = a[0] === 'href' ? ` href="${escapeHtml(str(a[1]))}"` : ''
      out += `<${t}${t === 'a' ? href : ''}>`
      open.push(t)
    }
    if (type === 1) {
      const [name, words] = arr(doc.atoms[Number(value)]) as [unknown, unknown]
      out += name === 'soft-return' ? '<br>' : escapeHtml(str(words))
    } else out += escapeHtml(str(value))
    for (let i = 0; i < Number(closes) && open.length; i++) {
      const t = open.pop()
      if (t) out += `</${t}>`
    }
  }
  while (open.length) {
    const t = open.pop()
    if (t) out += `</${t}>`
  }
  return out
}

function card(name: string, p: Any, dropped: Set<string>): string {
  const img = (src: unknown, alt: unknown, caption: unknown) =>
    str(src)
      ? `<figure><img src="${escapeHtml(str(src))}" alt="${escapeHtml(str(alt))}">${str(caption) ? `<figcaption>${str(caption)}</figcaption>` : ''}</figure>`
      : ''
  switch (name) {
    case 'image':
      return img(p['src'], p['alt'], p['caption'])
    case 'gallery':
      return arr(p['images'])
        .map((i) => img((i as Any)['src'], (i as Any)['alt'], ''))
        .join('')
    case 'html':
      return str(p['html'])
    case 'markdown':
    case 'card-markdown':
      return plainParagraphs(str(p['markdown']))
    case 'code':
      return `<pre><code>${escapeHtml(str(p['code']))}</code></pre>`
    case 'hr':
      return '<hr>'
    case 'embed':
    case 'bookmark':
      return link(str(p['url']), str((p['metadata'] as Any | undefined)?.['title']))
    default:
      dropped.add(`ghost card ${name || '?'}`)
      return ''
  }
}

/** The HTML of a mobiledoc document, or null when the text is not one. */
export function mobiledocHtml(source: string, dropped: Set<string>): string | null {
  let raw: unknown
  try {
    raw = JSON.parse(source)
  } catch {
    return null
  }
  if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as Any)['sections']))
    return null
  const r = raw as Any
  const doc: Doc = { markups: arr(r['markups']), atoms: arr(r['atoms']), cards: arr(r['cards']) }
  let out = ''
  for (const s of arr(r['sections'])) {
    const [type, a, b] = arr(s)
    if (type === 1) {
      const tag = SECTION_TAGS.has(str(a).toLowerCase()) ? str(a).toLowerCase() : 'p'
      const body = markers(arr(b), doc)
      out +=
        tag === 'blockquote' || tag === 'aside'
          ? `<blockquote><p>${body}</p></blockquote>`
          : `<${tag}>${body}</${tag}>`
    } else if (type === 2) {
      out += str(a) ? `<figure><img src="${escapeHtml(str(a))}" alt=""></figure>` : ''
    } else if (type === 3) {
      const tag = str(a).toLowerCase() === 'ol' ? 'ol' : 'ul'
      out += `<${tag}>${arr(b)
        .map((item) => `<li>${markers(arr(item), doc)}</li>`)
        .join('')}</${tag}>`
    } else if (type === 10) {
      const [name, payload] = arr(doc.cards[Number(a)]) as [unknown, unknown]
      out += card(str(name), (payload ?? {}) as Any, dropped)
    }
  }
  return out
}
