import type { FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { type MediaStore, storedSize } from '../../files/index.js'
import type { TypedApp } from '../../http/schemas.js'
import { sendPage } from '../../http/responses.js'
import { type FeedScope, loadFeedData } from '../pages/feed-data.js'
import { feedIdAuthority } from '../pages/page-deps.js'
import { FEED_FILES, type FeedFormat, feedDoc } from '../views/feed-doc.js'
import { jsonFeed } from '../views/feed-json.js'
import { atom, rss } from '../views/feed-xml.js'
import type { SiteRouteContext } from './context.js'
import { Slug } from './schemas.js'

// The file names come from the views (FEED_FILES), which also link them: one list.
const FORMAT_OF_FILE = new Map(
  Object.entries(FEED_FILES).map(([format, file]) => [file, format as FeedFormat]),
)
const FeedFile = z
  .string()
  .transform((file, ctx) => FORMAT_OF_FILE.get(file) ?? (ctx.addIssue('not a feed'), z.NEVER))

const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
}
const WRITERS = { rss, atom, json: jsonFeed }

/**
 * Full-text feeds (RSS, Atom, JSON Feed) for the whole site, a section, a topic or an author:
 * `/feed.xml`, `/world/feed.atom`, `/topic/courts/feed.json`.
 */
export function registerFeedRoutes(
  app: TypedApp,
  { shell, deps, cache }: SiteRouteContext,
  o: { media: MediaStore },
) {
  async function send(req: FastifyRequest, reply: FastifyReply, scope: FeedScope, f: FeedFormat) {
    const data = await loadFeedData(deps, scope)
    if (!data) return shell.notFound(req, reply)
    const doc = await feedDoc(
      data,
      {
        origin: req.origin,
        language: deps.site.language,
        siteName: deps.site.name,
        idAuthority: feedIdAuthority(deps.site),
      },
      // The enclosure's length is the file's: read from the media store, once per cached feed.
      (image, width) => storedSize(o.media, image.storageKey, `${width}.webp`),
    )
    return sendPage(req, reply, cache, {
      body: WRITERS[f](doc),
      type: FEED_TYPES[f],
      keys: data.keys,
    })
  }

  for (const [file, format] of FORMAT_OF_FILE) {
    app.get(`/${file}`, async (req, reply) => send(req, reply, { kind: 'site' }, format))
  }
  app.get(
    '/:section/:file',
    { schema: { params: z.object({ section: Slug, file: FeedFile }) } },
    async (req, reply) =>
      send(req, reply, { kind: 'section', slug: req.params.section }, req.params.file),
  )
  for (const kind of ['topic', 'author'] as const) {
    app.get(
      `/${kind}/:slug/:file`,
      { schema: { params: z.object({ slug: Slug, file: FeedFile }) } },
      async (req, reply) => send(req, reply, { kind, slug: req.params.slug }, req.params.file),
    )
  }
}
