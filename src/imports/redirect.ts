/**
 * Redirects from old addresses: the rules, as pure functions. A redirect maps a path that no
 * page answers (an old WordPress address, `/?p=123`) to a path on this site. The site asks for
 * one only where it would answer 404, so a redirect never hides a live page.
 */

/** A path checker that knows what "local" means for this site (http/local-path.ts, injected). */
export type LocalPath = (value: unknown) => string | null

export interface Redirect {
  id: number
  from: string
  to: string
  /** `manual` (the admin) or the importer that made it (`wordpress`). */
  source: string
  createdAt: Date
}

export const MAX_PATH = 2000

export type RedirectProblem =
  | 'REDIRECT_PATH_REQUIRED'
  | 'REDIRECT_PATH_TOO_LONG'
  | 'REDIRECT_PATH_CONTROL'
  | 'REDIRECT_PATH_NOT_LOCAL'
  | 'REDIRECT_PATH_DOT_SEGMENT'
  | 'REDIRECT_FROM_QUERY'
  | 'REDIRECT_FROM_RESERVED'
  | 'REDIRECT_LOOP'

const SENTENCES: Record<RedirectProblem, string> = {
  REDIRECT_PATH_REQUIRED: 'write a path starting with /',
  REDIRECT_PATH_TOO_LONG: `a path of at most ${MAX_PATH} characters`,
  REDIRECT_PATH_CONTROL: 'a path holds no line breaks, tabs or other control characters',
  REDIRECT_PATH_NOT_LOCAL:
    'a path on this site, starting with a single / (no https://, no //host, no spaces or backslashes)',
  REDIRECT_PATH_DOT_SEGMENT: 'a path without . or .. parts',
  REDIRECT_FROM_QUERY: 'only / may carry a query (/?p=123 or /?page_id=45)',
  REDIRECT_FROM_RESERVED: 'the admin (/admin) and media (/media) addresses cannot be redirected',
  REDIRECT_LOOP: 'the old and new paths are the same',
}

export type PathCheck = { ok: true; path: string } | { ok: false; code: RedirectProblem }

function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true
  }
  return false
}

/** `..` or `.` as a path segment, also percent-encoded: the URL parser would fold them away. */
function hasDotSegment(path: string): boolean {
  const pathname = path.split(/[?#]/, 1)[0] ?? ''
  return pathname.split('/').some((seg) => /^(?:\.|%2e){1,2}$/i.test(seg))
}

/** One side of a redirect, checked and normalised (re-serialised by the URL parser). */
export function checkPath(value: string, side: 'from' | 'to', local: LocalPath): PathCheck {
  const v = value.trim()
  if (v.length === 0) return { ok: false, code: 'REDIRECT_PATH_REQUIRED' }
  if (v.length > MAX_PATH) return { ok: false, code: 'REDIRECT_PATH_TOO_LONG' }
  if (hasControl(v)) return { ok: false, code: 'REDIRECT_PATH_CONTROL' }
  if (v.includes('#')) return { ok: false, code: 'REDIRECT_PATH_NOT_LOCAL' }
  if (hasDotSegment(v)) return { ok: false, code: 'REDIRECT_PATH_DOT_SEGMENT' }
  const path = local(v)
  if (path === null || path.length > MAX_PATH) return { ok: false, code: 'REDIRECT_PATH_NOT_LOCAL' }
  if (side === 'from') {
    const q = path.indexOf('?')
    if (q !== -1 && (path.slice(0, q) !== '/' || oldQueryKey(path.slice(q)) === null))
      return { ok: false, code: 'REDIRECT_FROM_QUERY' }
    if (q === -1 && (path === '/' || /^\/(?:admin|media)(?:\/|$)/.test(path)))
      return { ok: false, code: 'REDIRECT_FROM_RESERVED' }
  }
  return { ok: true, path }
}

/** WordPress's address by number: `?p=123`, `?page_id=45` (one of them, digits), else null. */
function oldQueryKey(search: string): string | null {
  const params = new URLSearchParams(search)
  const keys = [...params.keys()]
  if (keys.length !== 1) return null
  const key = keys[0]!
  const value = params.get(key) ?? ''
  if ((key !== 'p' && key !== 'page_id') || !/^[1-9][0-9]{0,18}$/.test(value)) return null
  return `/?${key}=${value}`
}

export interface RedirectCheck {
  ok: boolean
  from: string
  to: string
  /** One line per problem, `from: reason [CODE]`, in the form's order. */
  problems: string[]
}

/** A whole redirect: both sides checked, and not pointing at itself. */
export function checkRedirect(from: string, to: string, local: LocalPath): RedirectCheck {
  const problems: string[] = []
  const f = checkPath(from, 'from', local)
  const t = checkPath(to, 'to', local)
  if (!f.ok) problems.push(`from: ${SENTENCES[f.code]} [${f.code}]`)
  if (!t.ok) problems.push(`to: ${SENTENCES[t.code]} [${t.code}]`)
  if (f.ok && t.ok && f.path === t.path)
    problems.push(`to: ${SENTENCES.REDIRECT_LOOP} [REDIRECT_LOOP]`)
  return {
    ok: problems.length === 0,
    from: f.ok ? f.path : from,
    to: t.ok ? t.path : to,
    problems,
  }
}

/**
 * The keys a request may be stored under, best first: `/?p=N` for the front page with an old
 * number, else the path without its query, then the same path with or without its trailing
 * slash (WordPress addresses end in one; people often drop it). Empty: nothing to look up.
 */
export function lookupKeys(url: string, local: LocalPath): string[] {
  const q = url.indexOf('?')
  const pathname = q === -1 ? url : url.slice(0, q)
  if (pathname === '/') {
    const key = q === -1 ? null : oldQueryKey(url.slice(q))
    return key ? [key] : []
  }
  const path = local(pathname)
  if (path === null || path.length > MAX_PATH) return []
  const other = path.endsWith('/') ? path.slice(0, -1) : `${path}/`
  return other.length > 1 ? [path, other] : [path]
}
