import type { FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { type MediaStore, storedSize } from '../../files/index.js'
import type { TypedApp } from '../../http/schemas.js'
import { sendPage } from '../../http/responses.js'
import { type FeedScope, loadFeedData } from '../pages/feed-data.js'
import { feedIdAuthority } from '../pages/page-deps.js'
import { type FeedFormat, feedDoc } from '../views/feed-doc.js'
import { jsonFeed } from '../views/feed-json.js'
import { atom, rss } from '../views/feed-xml.js'
import type { SiteRouteContext } from './context.js'
import { Slug } from './schemas.js'

const FEED_FILES = { 'feed.xml': 'rss', 'feed.atom': 'atom', 'feed.json': 'json' } as const
const FeedFile = z.enum(['feed.xml', 'feed.atom', 'feed.json'])

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

  for (const [file, format] of Object.entries(FEED_FILES)) {
    app.get(`/${file}`, async (req, reply) => send(req, reply, { kind: 'site' }, format))
  }
  app.get(
    '/:section/:file',
    { schema: { params: z.object({ section: Slug, file: FeedFile }) } },
    async (req, reply) =>
      send(req, reply, { kind: 'section', slug: req.params.section }, FEED_FILES[req.params.file]),
  )
  for (const kind of ['topic', 'author'] as const) {
    app.get(
      `/${kind}/:slug/:file`,
      { schema: { params: z.object({ slug: Slug, file: FeedFile }) } },
      async (req, reply) =>
        send(req, reply, { kind, slug: req.params.slug }, FEED_FILES[req.params.file]),
    )
  }
}
