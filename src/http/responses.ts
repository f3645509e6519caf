import zlib from 'node:zlib'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { type CachedResponse, type PageCache, etagOf } from './page-cache.js'
import { hostAllowed, isOnionHost, isValidHost, originOf } from './origin.js'
import { AppError } from '../lib/errors.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** `https://host` the reader used; set for every request with a valid Host. */
    origin: string
    /** Where this response will be stored in the page cache, when it may be. */
    pageCacheId: string | null
    pageCacheGeneration: number
    /** Which variant of a page this reader gets ('' or e.g. '#quiet'): part of the cache id. */
    pageVariant: string
  }
}

export const CACHE_CONTROL_PAGE =
  'public, max-age=60, stale-while-revalidate=600, stale-if-error=86400'

/**
 * The Content-Security-Policy: nothing from anyone else. `styleHashes` allow the exact
 * stylesheets written inside pages (SOS mode's text-first pages, ADR 022), and no other.
 */
export function contentSecurityPolicy(styleHashes: readonly string[] = []): string {
  const style = ["'self'", ...styleHashes].join(' ')
  return `default-src 'none'; style-src ${style}; img-src 'self' data:; script-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`
}

/** Sent with every response. The reader site loads nothing from anyone else. */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': contentSecurityPolicy(),
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
  /** The page number actually rendered, for lists: part of where the cache stores it. */
  page?: number
  /**
   * Request headers the page differs by besides Accept-Encoding: `Cookie` where the support
   * banner and appeal hide after "Remind me later" or a contribution, the CDN's country header
   * where safety rules apply. Browsers and CDNs must not reuse the page across them.
   */
  vary?: readonly string[]
  /** Other headers kept with the page in the cache (a download's Content-Disposition). */
  headers?: Readonly<Record<string, string>>
}

/** The content keys as a CDN's Surrogate-Key header: purge there by the keys we purge by. */
export function surrogateKey(keys: readonly string[]): string {
  return keys.map((k) => k.replace(':', '-')).join(' ')
}

export function buildEntry(p: PageResponse): CachedResponse {
  const body = typeof p.body === 'string' ? Buffer.from(p.body) : p.body
  const etag = etagOf(body)
  const keys = p.keys ?? []
  const headers: Record<string, string> = {
    'content-type': p.type,
    'cache-control': CACHE_CONTROL_PAGE,
    etag,
    vary: ['Accept-Encoding', ...(p.vary ?? [])].join(', '),
    ...p.headers,
  }
  // For a CDN in front: purge by the same keys we purge by.
  if (keys.length) headers['surrogate-key'] = surrogateKey(keys)
  return { status: p.status ?? 200, body, etag, headers, keys }
}

export function acceptsGzip(req: FastifyRequest): boolean {
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
  let stored = false
  if (cache && req.pageCacheId !== null && entry.status === 200) {
    // Stored under what was rendered, not under what the URL seemed to ask: a query the
    // handler read differently can then only miss, never poison another address.
    let id = cacheIdOf(
      req.origin,
      pathOf(req.url) + (p.page && p.page > 1 ? `?page=${p.page}` : ''),
    )
    if (id !== null && req.pageVariant) id += req.pageVariant
    if (id !== null) stored = cache.set(id, entry, req.pageCacheGeneration)
  }
  return sendEntry(req, reply, entry, stored ? cache : null)
}

/**
 * The page cache's place in the request: derive the origin, refuse a bad Host, answer hits
 * before routing. Only GET and HEAD without credentials are cached; the query is
 * reduced to what pages understand (`page`) so junk parameters cannot bypass the cache.
 */
export function registerRequestBasics(
  app: FastifyInstance,
  opts: {
    cache: PageCache | null
    onionUrl?: string | undefined
    /** Strict-Transport-Security max-age for HTTPS requests; 0 or absent: none. */
    hstsMaxAge?: number
    allowedHosts?: readonly string[]
    /** The variant of cached pages this request gets (see FastifyRequest.pageVariant). */
    variantOf?: (req: FastifyRequest) => string | Promise<string>
    /** CSP hashes of stylesheets written inside pages (see contentSecurityPolicy). */
    styleHashes?: readonly string[]
  },
): { inFlight(): number } {
  // Counted so a shutdown can wait for handlers still running before it closes the database.
  // A request counts until its handler has produced a response (onSend), even if the client
  // went away first: an aborted request gets no onResponse, but its handler still runs and may
  // still query the database.
  let inFlight = 0
  const running = new WeakSet<object>()
  app.addHook('onRequest', (req, _reply, done) => {
    inFlight++
    running.add(req)
    done()
  })
  app.addHook('onSend', (req, _reply, payload, done) => {
    if (running.delete(req)) inFlight--
    done(null, payload)
  })
  app.decorateRequest('origin', '')
  app.decorateRequest('pageCacheId', null)
  app.decorateRequest('pageCacheGeneration', 0)
  app.decorateRequest('pageVariant', '')
  const { cache, onionUrl } = opts
  const hsts = opts.hstsMaxAge ? `max-age=${opts.hstsMaxAge}` : null
  const securityHeaders = opts.styleHashes?.length
    ? {
        ...SECURITY_HEADERS,
        'content-security-policy': contentSecurityPolicy(opts.styleHashes),
      }
    : SECURITY_HEADERS
  const allowedHosts = opts.allowedHosts ?? []
  app.addHook('onRequest', async (req, reply) => {
    reply.headers(securityHeaders)
    // Only over HTTPS: browsers ignore it on plain HTTP, and an onion address has no TLS.
    if (hsts && req.protocol === 'https') reply.header('strict-transport-security', hsts)
    const host = req.host
    if (!isValidHost(host)) {
      throw new AppError('INVALID_HOST', { status: 400, message: 'Invalid Host header' })
    }
    if (!hostAllowed(host, allowedHosts)) {
      throw new AppError('HOST_NOT_SERVED', {
        status: 421,
        message: 'This site is not served at that address',
      })
    }
    req.origin = originOf(req.protocol, host)
    if (onionUrl && !isOnionHost(host)) reply.header('onion-location', onionUrl + pathOf(req.url))
    if (!cache || (req.method !== 'GET' && req.method !== 'HEAD')) return
    // Reader pages are the same for every reader; only a credentialed request skips the cache.
    if (req.headers.authorization) return
    const base = cacheIdOf(req.origin, req.url)
    if (base === null) return
    const variant = opts.variantOf?.(req) ?? ''
    req.pageVariant = typeof variant === 'string' ? variant : await variant
    const id = base + req.pageVariant
    const hit = cache.get(id)
    if (hit) return sendEntry(req, reply, hit, cache)
    req.pageCacheId = id
    req.pageCacheGeneration = cache.currentGeneration()
  })
  return { inFlight: () => inFlight }
}

/** The path of a request target; `/` for the absolute or asterisk forms. */
export function pathOf(url: string): string {
  if (!url.startsWith('/')) return '/'
  const q = url.indexOf('?')
  return q === -1 ? url : url.slice(0, q)
}

/**
 * `origin + path [+ ?page=N]`, or null for a URL we would not cache. The page number is read
 * as the route reads it (decoded, exactly one value, 1–999999); anything else is page 1.
 */
export function cacheIdOf(origin: string, url: string): string | null {
  // The admin is per person and never cached.
  if (!url.startsWith('/') || url.startsWith('/admin')) return null
  const q = url.indexOf('?')
  if (q === -1) return origin + url
  // WordPress's numbered addresses (`/?p=123`) may redirect (site/redirects.ts): never the
  // cached front page.
  if (q === 1 && /(?:^|&)(?:p|page_id)=/.test(url.slice(2))) return null
  const pages = new URLSearchParams(url.slice(q + 1)).getAll('page')
  const page = pages.length === 1 && /^[1-9][0-9]{0,5}$/.test(pages[0]!) ? Number(pages[0]) : 1
  return `${origin}${url.slice(0, q)}${page > 1 ? `?page=${page}` : ''}`
}
