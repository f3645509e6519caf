import { Readable, pipeline } from 'node:stream'
import zlib from 'node:zlib'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { PageCache } from './page-cache.js'
import {
  CACHE_CONTROL_PAGE,
  acceptsGzip,
  buildEntry,
  cacheIdOf,
  pathOf,
  surrogateKey,
} from './responses.js'

export interface StreamedPage {
  /** The page in parts, written to the reader as they come. */
  parts: AsyncIterable<string>
  type: string
  keys?: readonly string[]
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
): FastifyReply {
  const keys = p.keys ?? []
  const base = cache && req.pageCacheId !== null ? cacheIdOf(req.origin, pathOf(req.url)) : null
  const id = base === null ? null : base + req.pageVariant
  const generation = req.pageCacheGeneration
  async function* bytes() {
    const kept: Buffer[] = []
    for await (const part of p.parts) {
      const b = Buffer.from(part)
      if (id !== null) kept.push(b)
      yield b
    }
    if (cache && id !== null) {
      cache.set(id, buildEntry({ body: Buffer.concat(kept), type: p.type, keys }), generation)
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
