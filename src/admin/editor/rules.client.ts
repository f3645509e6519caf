/**
 * The editor's pure rules: no DOM, no TipTap, so node:test checks them without a browser.
 * Bundled into the admin editor only (the `.client.ts` suffix keeps it out of the server build).
 */
import { IMAGE_ID, LINK_SCHEMES, RICH_ALLOW_LIST } from '../../content/allow-list.js'
import { readingMinutes } from '../../content/article.js'

/**
 * The same word pattern as countWords in src/content/body.ts. That module pulls in sanitize-html,
 * which must not reach the browser bundle, so the pattern is repeated here; editor.test.ts checks
 * both count the same.
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu

export function countWords(text: string): number {
  const m = text.match(WORD)
  return m ? m.length : 0
}

/** "1 word · 1 min read": the reading time is the one readers see on the article page. */
export function statsText(words: number): string {
  return `${words} ${words === 1 ? 'word' : 'words'} · ${readingMinutes(words)} min read`
}

/** The body's link schemes as URL.protocol spells them. */
const SCHEMES = new Set(LINK_SCHEMES.map((s) => `${s}:`))

/**
 * What the link prompt accepts, as the href to store, or null. Only http, https and mailto: the
 * server's allow-list keeps no other scheme, and refusing here tells the writer at once instead of
 * losing the link on save. A bare "example.org/x" gets https:// because that is what people mean.
 */
export function linkHref(input: string): string | null {
  let s = input.trim()
  if (!s || /\s/.test(s)) return null
  if (!/^[a-z][a-z0-9+.-]*:/i.test(s)) {
    if (/^[^/?#@]+\.[a-z]{2,}([/?#]|$)/i.test(s)) s = `https://${s}`
    else if (/^[^/?#\s]+@[^/?#\s]+\.[a-z]{2,}$/i.test(s)) s = `mailto:${s}`
    else return null
  }
  let url: URL
  try {
    url = new URL(s)
  } catch {
    return null
  }
  if (!SCHEMES.has(url.protocol)) return null
  if (url.protocol !== 'mailto:' && !url.hostname) return null
  // Keep what was typed (URL would lower-case and re-encode it); it is known to parse.
  return s
}

/**
 * Links already in a stored body: the allowed schemes, or a relative address (the server keeps
 * those too, e.g. /politics/2024/05/a-story). Anything else is dropped when the body is parsed.
 */
export function isAllowedStoredHref(href: string): boolean {
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(href)
  if (!scheme) return !href.trim().startsWith('//')
  return SCHEMES.has(`${scheme[1]!.toLowerCase()}:`)
}

/** Where the unsaved copy of one form lives in localStorage: one key per form address. */
export function draftKey(formAction: string): string {
  return `masthead:editor:${formAction}`
}

/** A copy saved in this browser that the server has not seen (yet). */
export interface LocalDraft {
  html: string
  savedAt: number
  /** Hash of the textarea's content when editing began: tells a later server save apart. */
  base: string
  /** Set when the form was submitted with this text. */
  submitted?: boolean
}

export function parseDraft(raw: string | null): LocalDraft | null {
  if (!raw) return null
  try {
    const d = JSON.parse(raw) as Partial<LocalDraft>
    if (typeof d.html !== 'string' || typeof d.savedAt !== 'number' || typeof d.base !== 'string')
      return null
    return { html: d.html, savedAt: d.savedAt, base: d.base, submitted: d.submitted === true }
  } catch {
    return null
  }
}

/** FNV-1a: a short fingerprint of the server's text, not a security measure. */
export function fingerprint(s: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return `${s.length.toString(36)}.${(h >>> 0).toString(36)}`
}

/**
 * The tags the rich editor can represent: the rich part of the body's allow-list
 * (src/content/allow-list.ts). A body holding any other tag the server allows (tables, sub/sup,
 * abbr, cite...) stays in the HTML textarea rather than be silently dropped. Lower-case names.
 */
export const RICH_TAGS: ReadonlySet<string> = new Set(Object.keys(RICH_ALLOW_LIST))

/** Attributes the editor keeps, per tag; any other attribute means the editor would lose it. */
export const RICH_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = RICH_ALLOW_LIST

export { IMAGE_ID }
