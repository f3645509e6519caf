import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { type CachedResponse, type PageCache, etagOf } from './page-cache.js'
import { hostAllowed, isOnionHost, isValidHost, originOf } from './origin.js'
import { AppError } from '../lib/errors.js'
import { answerOf, frontHeaders } from './cached-answer.js'
import { type Where, answerBeforeRouting } from './server.js'

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

export function sendEntry(
  req: FastifyRequest,
  reply: FastifyReply,
  entry: CachedResponse,
  cache: PageCache | null,
): FastifyReply {
  const a = answerOf(req.headers, entry, cache)
  reply.headers(a.headers)
  reply.code(a.status)
  return a.body ? reply.send(a.body) : reply.send()
}

/** Sends a rendered page, storing it in the page cache when the request allows. */
export function sendPage(
  req: FastifyRequest,
  reply: FastifyReply,
  cache: PageCache | null,
  p: PageResponse,
): FastifyReply {
  const entry = buildEntry(p)
  if (req.routeOptions.url !== undefined) entry.route = req.routeOptions.url
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

/** A request as the page cache sees it, from Fastify's request or straight from Node's. */
interface Arrival extends Where {
  method: string | undefined
  url: string
  headers: IncomingHttpHeaders
}

/** What a page variant may look at: FastifyRequest has it, and so does the front's request. */
export interface VariantRequest {
  headers: IncomingHttpHeaders
  url: string
  /** Node's request, the same object for the front and for Fastify: per-request memos key on it. */
  raw: IncomingMessage
}

export type VariantOf = (req: VariantRequest) => string | Promise<string>

/**
 * The page cache's place in the request: derive the origin, refuse a bad Host, answer hits
 * before routing. Only GET and HEAD without credentials are cached; the query is
 * reduced to what pages understand (`page`) so junk parameters cannot bypass the cache.
 *
 * A hit is answered in front of Fastify, from Node's request (ADR 039): the same headers and
 * body, without building Fastify's request, routing it and running its hooks, which cost as
 * much again as the hit itself. Whatever the front does not answer (a miss, a bad Host, a
 * variant that needs the database, a server closing) goes on to Fastify, whose hook below
 * says the same things for inject() and for those.
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
    variantOf?: VariantOf
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
  const securityHeaders = opts.styleHashes?.length
    ? {
        ...SECURITY_HEADERS,
        'content-security-policy': contentSecurityPolicy(opts.styleHashes),
      }
    : SECURITY_HEADERS
  // Only over HTTPS: browsers ignore it on plain HTTP, and an onion address has no TLS.
  const overHttps = opts.hstsMaxAge
    ? { ...securityHeaders, 'strict-transport-security': `max-age=${opts.hstsMaxAge}` }
    : securityHeaders
  const allowedHosts = opts.allowedHosts ?? []
  const variantOf: VariantOf = opts.variantOf ?? (() => '')

  /** Why this Host is not answered, or null: the front leaves those to Fastify's hook. */
  const hostProblem = (host: string): AppError | null => {
    if (!isValidHost(host)) {
      return new AppError('INVALID_HOST', { status: 400, message: 'Invalid Host header' })
    }
    if (!hostAllowed(host, allowedHosts)) {
      return new AppError('HOST_NOT_SERVED', {
        status: 421,
        message: 'This site is not served at that address',
      })
    }
    return null
  }
  /** The headers every answer starts with, and where the reader is (a Host already checked). */
  const welcome = (a: Arrival) => {
    const headers: Record<string, string> = a.protocol === 'https' ? overHttps : securityHeaders
    const onion = onionUrl && !isOnionHost(a.host) ? onionUrl + pathOf(a.url) : null
    return { headers, onion, origin: originOf(a.protocol, a.host) }
  }
  /** The cache id without its variant, or null where the cache stays out. */
  const baseId = (a: Arrival, origin: string): string | null => {
    if (!cache || (a.method !== 'GET' && a.method !== 'HEAD')) return null
    // Reader pages are the same for every reader; only a credentialed request skips the cache.
    if (a.headers.authorization) return null
    return cacheIdOf(origin, a.url)
  }
  // What the front found for a request it did not answer, so Fastify's hook does not look again.
  const missed = new WeakMap<IncomingMessage, { id: string; variant: string }>()

  answerBeforeRouting(app, (req, res, where) => {
    if (!cache || (req.method !== 'GET' && req.method !== 'HEAD')) return null
    const a: Arrival = {
      protocol: where.protocol,
      host: where.host,
      method: req.method,
      url: req.url ?? '/',
      headers: req.headers,
    }
    if (hostProblem(a.host)) return null
    const w = welcome(a)
    const base = baseId(a, w.origin)
    if (base === null) return null
    const variant = variantOf({ headers: a.headers, url: a.url, raw: req })
    if (typeof variant !== 'string') return null
    const id = base + variant
    const hit = cache.get(id)
    if (!hit) {
      missed.set(req, { id, variant })
      return null
    }
    const answer = answerOf(a.headers, hit, cache)
    res.writeHead(answer.status, frontHeaders(hit, answer, w.headers, w.onion))
    res.end(answer.body)
    return { route: hit.route ?? '(page cache)', status: answer.status }
  })

  app.addHook('onRequest', async (req, reply) => {
    const a: Arrival = req
    reply.headers(a.protocol === 'https' ? overHttps : securityHeaders)
    const problem = hostProblem(a.host)
    if (problem) throw problem
    const w = welcome(a)
    req.origin = w.origin
    if (w.onion) reply.header('onion-location', w.onion)
    const looked = missed.get(req.raw)
    if (looked) {
      req.pageVariant = looked.variant
      req.pageCacheId = looked.id
      req.pageCacheGeneration = cache!.currentGeneration()
      return
    }
    const base = baseId(a, w.origin)
    if (base === null) return
    const variant = variantOf(req)
    req.pageVariant = typeof variant === 'string' ? variant : await variant
    const id = base + req.pageVariant
    const hit = cache!.get(id)
    if (hit) return sendEntry(req, reply, hit, cache)
    req.pageCacheId = id
    req.pageCacheGeneration = cache!.currentGeneration()
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
