/**
 * An author's own addresses elsewhere: typed in the admin one per line, stored as JSON, shown
 * on the author page and given to search engines as the Person's `sameAs`. Rules only; no I/O.
 */
import type { Author, Image } from './article.js'

export interface AuthorLink {
  url: string
  /** What the page shows: the host without "www.", and the path when the host alone is vague. */
  label: string
}

/** An author as the author page shows them. */
export interface AuthorProfile extends Author {
  photo: Image | null
  links: AuthorLink[]
}

export const MAX_AUTHOR_LINKS = 8
const MAX_URL = 300

/** The label a reader sees for an address: "example.org", "mastodon.social/@ana". */
export function linkLabel(url: URL): string {
  const host = url.hostname.replace(/^www\./, '')
  const path = url.pathname.replace(/\/+$/, '')
  // A profile on a shared host is told apart by its path; a site of one's own by its host.
  return path && path.length <= 40 ? `${host}${path}` : host
}

export type LinksResult = { ok: true; links: AuthorLink[] } | { ok: false; problem: string }

/**
 * The textarea's lines to links. Blank lines are dropped and repeats kept once; every other
 * line must be a whole http(s) address. A line that is not says which line, so the editor can
 * find it.
 */
export function parseAuthorLinks(text: string): LinksResult {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
  const links: AuthorLink[] = []
  for (const [i, line] of lines.entries()) {
    let url: URL
    try {
      url = new URL(line)
    } catch {
      return { ok: false, problem: `line ${i + 1} is not a web address (https://…)` }
    }
    if (!/^https?:$/.test(url.protocol) || line.length > MAX_URL || url.username || url.password)
      return {
        ok: false,
        problem: `line ${i + 1} must be an https:// address of at most ${MAX_URL} characters`,
      }
    if (!links.some((l) => l.url === url.href)) links.push({ url: url.href, label: linkLabel(url) })
  }
  if (links.length > MAX_AUTHOR_LINKS)
    return { ok: false, problem: `at most ${MAX_AUTHOR_LINKS} links, one per line` }
  return { ok: true, links }
}

/** Stored JSON back to links; anything unreadable reads as none rather than failing a page. */
export function storedAuthorLinks(json: string | null | undefined): AuthorLink[] {
  if (!json) return []
  try {
    const parsed: unknown = JSON.parse(json)
    if (!Array.isArray(parsed)) return []
    return parsed.filter(
      (l): l is AuthorLink =>
        typeof l === 'object' &&
        l !== null &&
        typeof (l as AuthorLink).url === 'string' &&
        /^https?:\/\//.test((l as AuthorLink).url) &&
        typeof (l as AuthorLink).label === 'string',
    )
  } catch {
    return []
  }
}

/** Links as the admin's textarea shows them, one address per line. */
export function authorLinksText(json: string | null | undefined): string {
  return storedAuthorLinks(json)
    .map((l) => l.url)
    .join('\n')
}
