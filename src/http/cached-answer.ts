/**
 * What a stored page becomes for one request (fresh, gzip or 304), and the header lists for
 * each, made once per page: shared by Fastify's hook and the front that answers before it
 * (responses.ts, ADR 039).
 */
import type { IncomingHttpHeaders } from 'node:http'
import zlib from 'node:zlib'
import type { CachedResponse, PageCache } from './page-cache.js'

export function acceptsGzip(req: { headers: IncomingHttpHeaders }): boolean {
  const ae = req.headers['accept-encoding']
  return typeof ae === 'string' && ae.includes('gzip')
}

function notModified(headers: IncomingHttpHeaders, etag: string): boolean {
  const inm = headers['if-none-match']
  if (!inm) return false
  return (
    inm === etag ||
    inm === `W/${etag}` ||
    inm.split(/\s*,\s*/).some((t) => t === etag || t === `W/${etag}` || t === '*')
  )
}

/** What a stored page becomes for one request: 304, gzip or as stored. */
export interface Answer {
  kind: 'fresh' | 'gzip' | 'notModified'
  status: number
  headers: Readonly<Record<string, string>>
  body: Buffer | null
}

export function answerOf(
  headers: IncomingHttpHeaders,
  entry: CachedResponse,
  cache: PageCache | null,
): Answer {
  if (entry.status === 200 && notModified(headers, entry.etag)) {
    return { kind: 'notModified', status: 304, headers: notModifiedHeaders(entry), body: null }
  }
  if (entry.body.length > 860 && acceptsGzip({ headers })) {
    const gz = cache ? cache.gzipOf(entry) : (entry.gzip ??= zlibGzip(entry.body))
    return { kind: 'gzip', status: entry.status, headers: gzipHeaders(entry), body: gz }
  }
  return { kind: 'fresh', status: entry.status, headers: entry.headers, body: entry.body }
}

// A page's headers for its other two answers, made once: copying them per request is dear.
const gzipped = new WeakMap<CachedResponse, Record<string, string>>()
const unmodified = new WeakMap<CachedResponse, Record<string, string>>()

function gzipHeaders(entry: CachedResponse): Record<string, string> {
  let h = gzipped.get(entry)
  if (!h) gzipped.set(entry, (h = { ...entry.headers, 'content-encoding': 'gzip' }))
  return h
}

/** A 304 has no body, so it says no Content-Type. */
function notModifiedHeaders(entry: CachedResponse): Record<string, string> {
  let h = unmodified.get(entry)
  if (!h) {
    const { 'content-type': _type, ...rest } = entry.headers
    unmodified.set(entry, (h = rest))
  }
  return h
}

function zlibGzip(b: Buffer): Buffer {
  return zlib.gzipSync(b, { level: 6 })
}

/**
 * The whole header list the front writes for a stored page: built once per page and kind of
 * answer (fresh, gzip, 304), since copying a dozen headers into a new object for every request
 * cost the front more than everything else it does (ADR 039). Every request that finds a page
 * has the page's origin and path, so the same security headers and onion address; kept only
 * while they are.
 */
interface FrontHeaders {
  first: Readonly<Record<string, string>>
  onion: string | null
  kinds: Partial<Record<Answer['kind'], Record<string, string>>>
}

const frontHeaderMemo = new WeakMap<CachedResponse, FrontHeaders>()

export function frontHeaders(
  entry: CachedResponse,
  answer: Answer,
  first: Readonly<Record<string, string>>,
  onion: string | null,
): Record<string, string> {
  let memo = frontHeaderMemo.get(entry)
  if (!memo || memo.first !== first || memo.onion !== onion) {
    memo = { first, onion, kinds: {} }
    frontHeaderMemo.set(entry, memo)
  }
  let headers = memo.kinds[answer.kind]
  if (!headers) {
    // In the order Fastify writes them: the hook's, then the page's, then the length.
    headers = { ...first }
    if (onion) headers['onion-location'] = onion
    Object.assign(headers, answer.headers)
    if (answer.body) headers['content-length'] = String(answer.body.length)
    memo.kinds[answer.kind] = headers
  }
  return headers
}
