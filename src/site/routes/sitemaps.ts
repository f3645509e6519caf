import { z } from 'zod'
import type { TypedApp } from '../../http/schemas.js'
import { sendPage } from '../../http/responses.js'
import { createStreamGate, sendGatedStreamedPage } from '../../http/streamed-page.js'
import {
  articlesSitemap,
  newsSitemap,
  pagesSitemap,
  robotsTxt,
  sitemapIndex,
} from '../pages/sitemaps.js'
import type { SiteRouteContext } from './context.js'

const XML = 'application/xml; charset=utf-8'

/** `/sitemaps/:file`: the pages, the news, or the nth file of articles. */
const SitemapFile = z.union([
  z.literal('pages.xml').transform(() => ({ kind: 'pages' as const })),
  z.literal('news.xml').transform(() => ({ kind: 'news' as const })),
  z
    .string()
    .regex(/^articles-[1-9][0-9]{0,4}\.xml$/, 'articles-N.xml')
    .transform((f) => ({ kind: 'articles' as const, n: Number(f.slice(9, -4)) })),
])

export interface SitemapRouteOptions {
  /** URLs a sitemap file holds; tests lower it to see pagination. */
  perFile?: number | undefined
}

/** robots.txt, the sitemap index and its files, on the request's own host. */
export function registerSitemapRoutes(
  app: TypedApp,
  { shell, deps, cache }: SiteRouteContext,
  o: SitemapRouteOptions,
) {
  // Two article sitemaps render at once per process; more crawlers wait (memory stays bounded).
  const sitemapGate = createStreamGate(2)
  app.get('/robots.txt', async (req, reply) =>
    sendPage(req, reply, cache, { body: robotsTxt(req.origin), type: 'text/plain; charset=utf-8' }),
  )

  app.get('/sitemap.xml', async (req, reply) => {
    const doc = await sitemapIndex(deps, req.origin, o.perFile)
    return sendPage(req, reply, cache, { body: doc.xml, type: XML, keys: doc.keys })
  })

  app.get(
    '/sitemaps/:file',
    { schema: { params: z.object({ file: SitemapFile }) } },
    async (req, reply) => {
      const f = req.params.file
      if (f.kind === 'articles') {
        const sent = await sendGatedStreamedPage(req, reply, cache, sitemapGate, async () => {
          const parts = await articlesSitemap(deps, req.origin, f.n, o.perFile)
          return parts ? { parts, type: XML, keys: ['list'] } : null
        })
        return sent === 'sent' ? reply : shell.notFound(req, reply)
      }
      const doc =
        f.kind === 'pages'
          ? await pagesSitemap(deps, req.origin)
          : await newsSitemap(deps, req.origin)
      return sendPage(req, reply, cache, { body: doc.xml, type: XML, keys: doc.keys })
    },
  )
}
