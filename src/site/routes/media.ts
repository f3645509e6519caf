import fs from 'node:fs'
import { z } from 'zod'
import type { MediaStore } from '../../files/index.js'
import type { TypedApp } from '../../http/schemas.js'
import type { SiteRouteContext } from './context.js'

/** The media store checks the names (files/media-store.ts); a name it refuses is a 404. */
const MediaParams = z.object({ key: z.string(), file: z.string() })

/**
 * GET /media/:key/:file: an image variant, streamed from disk. Its name never changes for other
 * bytes, so browsers and CDNs keep it for a year.
 */
export function registerMediaRoutes(
  app: TypedApp,
  { shell }: SiteRouteContext,
  o: { media: MediaStore },
) {
  app.get('/media/:key/:file', { schema: { params: MediaParams } }, async (req, reply) => {
    const file = o.media.resolve(req.params.key, req.params.file)
    if (!file) return shell.notFound(req, reply)
    let handle: fs.promises.FileHandle
    try {
      handle = await fs.promises.open(file, 'r')
    } catch {
      return shell.notFound(req, reply)
    }
    const etag = `"${req.params.key}-${req.params.file}"`
    reply.header('cache-control', 'public, max-age=31536000, immutable').header('etag', etag)
    if (req.headers['if-none-match'] === etag) {
      await handle.close()
      return reply.code(304).send()
    }
    let size: number
    try {
      size = (await handle.stat()).size
    } catch {
      await handle.close()
      return shell.notFound(req, reply)
    }
    return reply.type('image/webp').header('content-length', size).send(handle.createReadStream())
  })
}
