import zlib from 'node:zlib'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { type CachedResponse, type PageCache, etagOf } from './page-cache.js'
import { isOnionHost, isValidHost, originOf } from './origin.js'
import { AppError } from '../lib/errors.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** `https://host` the reader used; set for every request with a valid Host. */
    origin: string
    /** Where this response will be stored in the page cache, when it may be. */
    pageCacheId: string | null
    pageCacheGeneration: number
  }
}

export const CACHE_CONTROL_PAGE =
  'public, max-age=60, stale-while-revalidate=600, stale-if-error=86400'

/** Sent with every response. The reader site loads nothing from anyone else. */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  // A reader's next site should not learn which of our pages they came from.
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'x-frame-options': 'DENY',
}

export interface PageResponse {
  body: string | Buffer
  type: string
  status?: number
  /** Content keys this response was built from (see ContentKey). */
  keys?: readonly string[]
}

export function buildEntry(p: PageResponse): CachedResponse {
  const body = typeof p.body === 'string' ? Buffer.from(p.body) : p.body
  const etag = etagOf(body)
  const keys = p.keys ?? []
  const headers: Record<string, string> = {
    'content-type': p.type,
    'cache-control': CACHE_CONTROL_PAGE,
    etag,
    vary: 'Accept-Encoding',
  }
  // For a CDN in front: purge by the same keys we purge by.
  if (keys.length) headers['surrogate-key'] = keys.map((k) => k.replace(':', '-')).join(' ')
  return { status: p.status ?? 200, body, etag, headers, keys }
}

function acceptsGzip(req: FastifyRequest): boolean {
  const ae = req.headers['accept-encoding']
  return typeof ae === 'string' && ae.includes('gzip')
}

function notModified(req: FastifyRequest, etag: string): boolean {
  const inm = req.headers['if-none-match']
  if (!inm) return false
  return (
    inm === etag ||
    inm === `W/${etag}` ||
    inm.split(/\s*,\s*/).some((t) => t === etag || t === `W/${etag}` || t === '*')
  )
}

export function sendEntry(
  req: FastifyRequest,
  reply: FastifyReply,
  entry: CachedResponse,
  cache: PageCache | null,
): FastifyReply {
  reply.headers(entry.headers)
  if (entry.status === 200 && notModified(req, entry.etag)) {
    reply.removeHeader('content-type')
    return reply.code(304).send()
  }
  reply.code(entry.status)
  if (entry.body.length > 860 && acceptsGzip(req)) {
    const gz = cache ? cache.gzipOf(entry) : (entry.gzip ??= zlibGzip(entry.body))
    reply.header('content-encoding', 'gzip')
    return reply.send(gz)
  }
  return reply.send(entry.body)
}

function zlibGzip(b: Buffer): Buffer {
  return zlib.gzipSync(b, { level: 6 })
}

/** Sends a rendered page, storing it in the page cache when the request allows. */
export function sendPage(
  req: FastifyRequest,
  reply: FastifyReply,
  cache: PageCache | null,
  p: PageResponse,
): FastifyReply {
  const entry = buildEntry(p)
  if (cache && req.pageCacheId && entry.status === 200) {
    cache.set(req.pageCacheId, entry, req.pageCacheGeneration)
  }
  return sendEntry(req, reply, entry, cache)
}

/**
 * The page cache's place in the request: derive the origin, refuse a bad Host, answer hits
 * before routing. Only GET and HEAD without credentials are cached; the query is
 * reduced to what pages understand (`page`) so junk parameters cannot bypass the cache.
 */
export function registerRequestBasics(
  app: FastifyInstance,
  opts: { cache: PageCache | null; onionUrl?: string | undefined },
): { inFlight(): number } {
  // Counted so a shutdown can wait for handlers still running before it closes the database.
  let inFlight = 0
  app.addHook('onRequest', (_req, _reply, done) => {
    inFlight++
    done()
  })
  const finished = (_req: unknown, _reply: unknown, done: () => void) => {
    inFlight--
    done()
  }
  app.addHook('onResponse', finished)
  app.addHook('onRequestAbort', (_req, done) => finished(null, null, done))
  app.decorateRequest('origin', '')
  app.decorateRequest('pageCacheId', null)
  app.decorateRequest('pageCacheGeneration', 0)
  const { cache, onionUrl } = opts
  app.addHook('onRequest', async (req, reply) => {
    reply.headers(SECURITY_HEADERS)
    const host = req.host
    if (!isValidHost(host))
      throw new AppError('INVALID_HOST', { status: 400, message: 'Invalid Host header' })
    req.origin = originOf(req.protocol, host)
    if (onionUrl && !isOnionHost(host)) reply.header('onion-location', onionUrl + req.url)
    if (!cache || (req.method !== 'GET' && req.method !== 'HEAD')) return
    // Reader pages are the same for every reader; only a credentialed request skips the cache.
    if (req.headers.authorization) return
    const id = cacheIdOf(req.origin, req.url)
    if (id === null) return
    const hit = cache.get(id)
    if (hit) return sendEntry(req, reply, hit, cache)
    req.pageCacheId = id
    req.pageCacheGeneration = cache.currentGeneration()
  })
  return { inFlight: () => inFlight }
}

/** `origin + path [+ ?page=N]`, or null for a URL we would not cache. */
export function cacheIdOf(origin: string, url: string): string | null {
  const q = url.indexOf('?')
  if (q === -1) return origin + url
  const path = url.slice(0, q)
  const m = /(?:^|&)page=([1-9][0-9]{0,5})(?:&|$)/.exec(url.slice(q + 1))
  return m ? `${origin}${path}?page=${m[1]}` : origin + path
}
