import { Readable, pipeline } from 'node:stream'
import zlib from 'node:zlib'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { acceptsGzip } from './cached-answer.js'
import type { PageCache } from './page-cache.js'
import {
  CACHE_CONTROL_PAGE,
  buildEntry,
  cacheIdOf,
  pathOf,
  sendEntry,
  surrogateKey,
} from './responses.js'

export interface StreamedPage {
  /** The page in parts, written to the reader as they come. */
  parts: AsyncIterable<string>
  type: string
  keys?: readonly string[]
}

/** How many long pages render at once; the others wait their turn (see createStreamGate). */
export interface StreamGate {
  /** Resolves when a place is free, with the function that frees it again. */
  acquire(): Promise<() => void>
}

/**
 * A long page holds database rows and text while it streams, and a client that reads slowly
 * keeps it open: fifty crawlers (or one attacker) asking for uncached sitemaps at once would each
 * hold their own. At most `limit` render at a time; the rest wait, first come first served, so
 * memory stays bounded whatever the number of connections.
 */
export function createStreamGate(limit: number): StreamGate {
  let running = 0
  const waiting: (() => void)[] = []
  const release = () => {
    const next = waiting.shift()
    if (next) next()
    else running--
  }
  return {
    acquire() {
      if (running < limit) {
        running++
        return Promise.resolve(once(release))
      }
      return new Promise((resolve) => waiting.push(() => resolve(once(release))))
    },
  }
}

function once(fn: () => void): () => void {
  let done = false
  return () => {
    if (!done) {
      done = true
      fn()
    }
  }
}

/**
 * Sends a long page (a sitemap of 10,000 URLs) as it is rendered, so neither its rows nor its
 * text are held whole before the first byte leaves; once complete it is stored in the page
 * cache like any page, and later readers get it from there (with ETag and gzip).
 */
export function sendStreamedPage(
  req: FastifyRequest,
  reply: FastifyReply,
  cache: PageCache | null,
  p: StreamedPage,
  /** Gives back a place taken at a StreamGate, once the page ends or the reader leaves. */
  release?: () => void,
): FastifyReply {
  if (release) {
    // A reader gone before this point has closed already, and 'close' will not come again: the
    // place would be held for good, and every later long page would wait for it.
    if (readerLeft(req, reply)) release()
    else reply.raw.once('close', release)
  }
  const keys = p.keys ?? []
  const base = cache && req.pageCacheId !== null ? cacheIdOf(req.origin, pathOf(req.url)) : null
  const id = base === null ? null : base + req.pageVariant
  const generation = req.pageCacheGeneration
  async function* bytes() {
    try {
      const kept: Buffer[] = []
      for await (const part of p.parts) {
        const b = Buffer.from(part)
        if (id !== null) kept.push(b)
        yield b
      }
      if (cache && id !== null) {
        cache.set(id, buildEntry({ body: Buffer.concat(kept), type: p.type, keys }), generation)
      }
    } finally {
      release?.()
    }
  }
  reply
    .header('content-type', p.type)
    .header('cache-control', CACHE_CONTROL_PAGE)
    .header('vary', 'Accept-Encoding')
  if (keys.length) reply.header('surrogate-key', surrogateKey(keys))
  const stream = Readable.from(bytes())
  if (!acceptsGzip(req)) return reply.send(stream)
  // pipeline, not pipe: a database error halfway through must end the gzip stream too.
  const gzip = zlib.createGzip({ level: 6 })
  pipeline(stream, gzip, (err) => {
    if (err) req.log.error({ err }, 'a streamed page broke off')
  })
  return reply.header('content-encoding', 'gzip').send(gzip)
}

/**
 * A long page rendered with a place at `gate`, taken before its first query: requests beyond
 * the gate's limit wait holding nothing. One that waited looks in the page cache again, since
 * the page may have been rendered meanwhile. `load` gives the page, or null: then nothing is
 * sent and the caller answers (a 404).
 *
 * Says `sent` rather than handing back the reply: a Fastify reply is a thenable, so an async
 * function returning one resolves, once the page has gone, to undefined; the caller took that
 * for "nothing sent" and answered 404 on top of every sitemap ("Reply was already sent").
 */
export async function sendGatedStreamedPage(
  req: FastifyRequest,
  reply: FastifyReply,
  cache: PageCache | null,
  gate: StreamGate,
  load: () => Promise<StreamedPage | null>,
): Promise<'sent' | 'not-found'> {
  const release = await gate.acquire()
  let handedOver = false
  try {
    // Gone while it waited (a crawler's timeout): render nothing for nobody.
    if (readerLeft(req, reply)) return 'sent'
    const hit = cache && req.pageCacheId !== null ? cache.get(req.pageCacheId) : undefined
    if (hit) {
      void sendEntry(req, reply, hit, cache)
      return 'sent'
    }
    const page = await load()
    if (!page) return 'not-found'
    handedOver = true
    void sendStreamedPage(req, reply, cache, page, release)
    return 'sent'
  } finally {
    if (!handedOver) release()
  }
}

/** The reader's connection is closed: nothing written now would reach anyone. */
function readerLeft(req: FastifyRequest, reply: FastifyReply): boolean {
  return reply.raw.destroyed || req.raw.socket?.destroyed === true
}
