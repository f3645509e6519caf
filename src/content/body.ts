import { createRequire } from 'node:module'
import type sanitizeHtml from 'sanitize-html'
import { squish, truncateWords } from '../lib/text.js'
import { BODY_ALLOW_LIST, IMAGE_ID, LINK_SCHEMES } from './allow-list.js'

/**
 * The article body's canonical stored form: HTML reduced to the allow-list (allow-list.ts). Everything a
 * reader sees passes through here on save, so rendering can trust it.
 *
 * An image in the body is stored as `<figure data-image-id="12"></figure>`; the reader site
 * expands it from the image table (alt, caption, credit, sizes), so a fixed caption shows
 * everywhere at once. Embeds are stored as links: a reader page makes no third-party request.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: Object.keys(BODY_ALLOW_LIST),
  // Only tags that carry attributes are listed: an empty list and no entry mean the same.
  allowedAttributes: Object.fromEntries(
    Object.entries(BODY_ALLOW_LIST)
      .filter(([, attributes]) => attributes.length > 0)
      .map(([tag, attributes]) => [tag, [...attributes]]),
  ),
  allowedSchemes: [...LINK_SCHEMES],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Drop the contents of these, not just the tags: their text is never prose.
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'iframe',
    'object',
    'template',
  ],
  transformTags: {
    h1: 'h2',
    // Outbound links neither leak the reader's page (referrer) nor give the target a handle.
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }),
  },
  exclusiveFilter: (frame) =>
    frame.tag === 'figure' &&
    frame.attribs['data-image-id'] !== undefined &&
    !IMAGE_ID.test(frame.attribs['data-image-id']),
}

// Read on the first save, not at start-up: reader pages never sanitize (bodies are stored
// clean), and loading sanitize-html and its parser is a tenth of a cold start.
const requireCjs = createRequire(import.meta.url)
let loaded: typeof sanitizeHtml | undefined
const sanitizer = (): typeof sanitizeHtml =>
  (loaded ??= requireCjs('sanitize-html') as typeof sanitizeHtml)

export function sanitizeBody(html: string): string {
  return flattenFigures(sanitizer()(html, OPTIONS)).trim()
}

/**
 * Figures do not nest, and an image placeholder holds nothing (its caption and credit come from
 * the image): nested figure tags are dropped, keeping their text, and whatever sat inside a
 * placeholder goes. The input is sanitize-html's output, so tags are balanced and normalised.
 */
function flattenFigures(html: string): string {
  let out = ''
  let last = 0
  let depth = 0
  let placeholder = false
  for (const m of html.matchAll(/<figure( data-image-id="[0-9]+")?>|<\/figure>/g)) {
    if (!placeholder) out += html.slice(last, m.index)
    last = m.index + m[0].length
    if (m[0] !== '</figure>') {
      depth++
      if (depth === 1) {
        placeholder = m[1] !== undefined
        out += placeholder ? `<figure${m[1]}></figure>` : '<figure>'
      }
    } else if (depth > 0) {
      depth--
      if (depth === 0) {
        if (!placeholder) out += '</figure>'
        placeholder = false
      }
    }
  }
  return out + (placeholder ? '' : html.slice(last))
}

/** Text only: for word counts, summaries and search. */
/**
 * The last body made text, kept: a save reads the same body twice (its summary and word count,
 * then the search index in the same transaction), and parsing it is most of a save's work.
 */
let lastText: { html: string; text: string } | null = null

export function bodyText(html: string): string {
  if (lastText?.html === html) return lastText.text
  const text = plainText(html)
  lastText = { html, text }
  return text
}

function plainText(html: string): string {
  return (
    squish(
      sanitizer()(html.replace(/<\/(p|h[2-4]|li|blockquote|figcaption|td|th)>/g, ' $&'), {
        allowedTags: [],
        allowedAttributes: {},
      }),
    )
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&nbsp;/g, ' ')
      // Last, so "&amp;lt;" becomes the text "&lt;", not "<".
      .replace(/&amp;/g, '&')
  )
}

export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)
  return m ? m.length : 0
}

/** A one-line summary: the standfirst if there is one, else the body's opening, cut at a word. */
export function summarize(standfirst: string | null, bodyPlain: string, max = 200): string {
  if (standfirst && squish(standfirst)) return truncateWords(standfirst, max)
  const firstSentence = bodyPlain.match(/^.{20,}?[.!?…](?=\s|$)/u)?.[0]
  return truncateWords(firstSentence ?? bodyPlain, max)
}

/** Ids of images placed in a stored body, in order of appearance. */
export function bodyImageIds(html: string): number[] {
  return [...html.matchAll(/<figure data-image-id="([0-9]+)">/g)].map((m) => Number(m[1]))
}
