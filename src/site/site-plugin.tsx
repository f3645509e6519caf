import fs from 'node:fs'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { type Article, bodyImageIds } from '../content/index.js'
import type { MediaStore } from '../files/index.js'
import { isSlug } from '../lib/slug.js'
import type { PageCache } from '../http/page-cache.js'
import { sendPage } from '../http/responses.js'
import { loadStylesheet, serveAsset } from './assets.js'
import { type FeedFormat, FEED_TYPES, renderFeed } from './feeds.js'
import { loadArticlePage } from './pages/article-page.js'
import { type FeedScope, loadFeedData } from './pages/feed-data.js'
import { loadAuthorPage, loadHomePage, loadSectionPage, loadTopicPage } from './pages/list-pages.js'
import { type PageDeps, pageNumber } from './pages/page-deps.js'
import { articlesSitemap, newsSitemap, pagesSitemap, robotsTxt, sitemapIndex } from './sitemaps.js'
import { ArticleView } from './views/article-view.js'
import { expandBody } from './views/body.js'
import type { PageMeta, SiteContext } from './views/context.js'
import { Layout } from './views/layout.js'
import { ErrorView, HomeView, ListView } from './views/list-views.js'

export interface SiteOptions {
  deps: PageDeps
  media: MediaStore
  cache: PageCache | null
  /** PUBLIC_URL: the canonical origin, when configured. */
  publicUrl?: string | undefined
  sitemapPerFile?: number
}

const HTML = 'text/html; charset=utf-8'
const FEED_FILES: Record<string, FeedFormat> = {
  'feed.xml': 'rss',
  'feed.atom': 'atom',
  'feed.json': 'json',
}

export type SitePlugin = ReturnType<typeof createSite>

/** The public reader site: every route parses, calls a loader and renders. */
export function createSite(opts: SiteOptions) {
  const { deps, cache } = opts
  const css = loadStylesheet()

  async function siteContext(req: FastifyRequest): Promise<SiteContext> {
    const sections = await deps.content.listSections().catch(() => [])
    return {
      name: deps.site.name,
      description: deps.site.description,
      language: deps.site.language,
      // Empty when the request failed before its origin was known (a malformed URL).
      origin: req.origin ?? '',
      canonicalOrigin: opts.publicUrl ?? req.origin ?? '',
      sections,
      cssHref: css.href,
      path: req.url.split('?')[0] ?? '/',
    }
  }

  function html(site: SiteContext, meta: PageMeta, body: VNode): string {
    return `<!doctype html>${renderToString(
      <Layout site={site} meta={meta}>
        {body}
      </Layout>,
    )}`
  }

  async function renderError(req: FastifyRequest, status: number, title: string, message: string) {
    const site = await siteContext(req)
    return html(
      site,
      {
        title: `${title} | ${site.name}`,
        description: message,
        robots: 'noindex',
      },
      <ErrorView status={status} title={title} message={message} />,
    )
  }

  async function notFound(req: FastifyRequest, reply: FastifyReply) {
    return reply
      .code(404)
      .type(HTML)
      .header('cache-control', 'public, max-age=60')
      .send(
        await renderError(
          req,
          404,
          'Page not found',
          'There is nothing at this address. The story may have moved, or the link may be mistyped.',
        ),
      )
  }

  async function sendFeed(
    req: FastifyRequest,
    reply: FastifyReply,
    scope: FeedScope,
    file: string,
  ) {
    const format = FEED_FILES[file]
    if (!format) return notFound(req, reply)
    const data = await loadFeedData(deps, scope)
    if (!data) return notFound(req, reply)
    const body = await renderFeed(data, format, {
      origin: req.origin,
      language: deps.site.language,
      siteName: deps.site.name,
    })
    return sendPage(req, reply, cache, { body, type: FEED_TYPES[format], keys: data.keys })
  }

  function register(app: FastifyInstance) {
    app.get('/', async (req, reply) => {
      const page = await loadHomePage(deps)
      const site = await siteContext(req)
      const body = html(site, page.meta, <HomeView {...page.view} />)
      return sendPage(req, reply, cache, { body, type: HTML, keys: page.keys })
    })

    serveAsset(app, css)

    app.get<{ Params: { key: string; file: string } }>('/media/:key/:file', async (req, reply) => {
      const file = opts.media.resolve(req.params.key, req.params.file)
      if (!file) return notFound(req, reply)
      let handle: fs.promises.FileHandle
      try {
        handle = await fs.promises.open(file, 'r')
      } catch {
        return notFound(req, reply)
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
        return notFound(req, reply)
      }
      return reply.type('image/webp').header('content-length', size).send(handle.createReadStream())
    })

    app.get('/robots.txt', async (req, reply) =>
      sendPage(req, reply, cache, {
        body: robotsTxt(req.origin),
        type: 'text/plain; charset=utf-8',
      }),
    )

    app.get('/sitemap.xml', async (req, reply) => {
      const doc = await sitemapIndex(deps, req.origin, opts.sitemapPerFile)
      return sendPage(req, reply, cache, {
        body: doc.xml,
        type: 'application/xml; charset=utf-8',
        keys: doc.keys,
      })
    })

    app.get<{ Params: { file: string } }>('/sitemaps/:file', async (req, reply) => {
      const f = req.params.file
      const m = /^articles-([1-9][0-9]{0,4})\.xml$/.exec(f)
      const doc =
        f === 'pages.xml'
          ? await pagesSitemap(deps, req.origin)
          : f === 'news.xml'
            ? await newsSitemap(deps, req.origin)
            : m
              ? await articlesSitemap(deps, req.origin, Number(m[1]), opts.sitemapPerFile)
              : undefined
      if (!doc) return notFound(req, reply)
      return sendPage(req, reply, cache, {
        body: doc.xml,
        type: 'application/xml; charset=utf-8',
        keys: doc.keys,
      })
    })

    app.get<{ Params: { file: string } }>('/:file', async (req, reply) => {
      // /feed.xml, /feed.atom, /feed.json for the whole site; otherwise a section page.
      const { file } = req.params
      if (FEED_FILES[file]) return sendFeed(req, reply, { kind: 'site' }, file)
      if (!isSlug(file)) return notFound(req, reply)
      const page = await loadSectionPage(
        deps,
        file,
        pageNumber((req.query as Record<string, unknown>)['page']),
      )
      if (!page) return notFound(req, reply)
      const site = await siteContext(req)
      return sendPage(req, reply, cache, {
        body: html(site, page.meta, <ListView {...page.view} />),
        type: HTML,
        keys: page.keys,
        page: page.view.page,
      })
    })

    app.get<{ Params: { section: string; file: string } }>(
      '/:section/:file',
      async (req, reply) => {
        if (!isSlug(req.params.section)) return notFound(req, reply)
        return sendFeed(req, reply, { kind: 'section', slug: req.params.section }, req.params.file)
      },
    )

    for (const kind of ['topic', 'author'] as const) {
      app.get<{ Params: { slug: string } }>(`/${kind}/:slug`, async (req, reply) => {
        if (!isSlug(req.params.slug)) return notFound(req, reply)
        const n = pageNumber((req.query as Record<string, unknown>)['page'])
        const page =
          kind === 'topic'
            ? await loadTopicPage(deps, req.params.slug, n)
            : await loadAuthorPage(deps, req.params.slug, n)
        if (!page) return notFound(req, reply)
        const site = await siteContext(req)
        return sendPage(req, reply, cache, {
          body: html(site, page.meta, <ListView {...page.view} />),
          type: HTML,
          keys: page.keys,
          page: page.view.page,
        })
      })
      app.get<{ Params: { slug: string; file: string } }>(
        `/${kind}/:slug/:file`,
        async (req, reply) => {
          if (!isSlug(req.params.slug)) return notFound(req, reply)
          return sendFeed(req, reply, { kind, slug: req.params.slug }, req.params.file)
        },
      )
    }

    app.get<{ Params: { section: string; year: string; month: string; slug: string } }>(
      '/:section/:year/:month/:slug',
      async (req, reply) => {
        const p = req.params
        if (
          !isSlug(p.section) ||
          !isSlug(p.slug) ||
          !/^\d{4}$/.test(p.year) ||
          !/^\d{2}$/.test(p.month)
        ) {
          return notFound(req, reply)
        }
        const page = await loadArticlePage(deps, p)
        if (page.kind === 'not-found') return notFound(req, reply)
        if (page.kind === 'gone') {
          return reply
            .code(410)
            .type(HTML)
            .header('cache-control', 'public, max-age=60')
            .send(
              await renderError(
                req,
                410,
                'This article was withdrawn',
                'The newsroom took this article down. Other reporting is on the front page.',
              ),
            )
        }
        if (page.kind === 'redirect') {
          return reply.header('cache-control', 'public, max-age=3600').redirect(page.location, 301)
        }
        const site = await siteContext(req)
        const meta: PageMeta = { ...page.meta, jsonLd: page.meta.jsonLd(site.canonicalOrigin) }
        const body = html(
          site,
          meta,
          <ArticleView
            article={page.article}
            bodyHtml={expandBody(page.article.body, page.bodyImages)}
            related={page.related}
            siteLanguage={deps.site.language}
            siteName={deps.site.name}
          />,
        )
        return sendPage(req, reply, cache, { body, type: HTML, keys: page.keys })
      },
    )

    app.setNotFoundHandler(notFound)
  }

  /**
   * An article as readers would see it, whatever its status, for the newsroom's preview. Never
   * cached, never indexed; "Read more" is left out (it depends on what is live).
   */
  async function renderPreview(
    req: FastifyRequest,
    article: Article,
    note: string,
  ): Promise<string> {
    const site = await siteContext(req)
    const bodyImages = await deps.repo.imagesById(bodyImageIds(article.body))
    return html(
      site,
      {
        title: `Preview: ${article.headline} | ${site.name}`,
        description: article.summary,
        robots: 'noindex, nofollow',
      },
      <>
        <p class="preview-note" role="status">
          {note}
        </p>
        <ArticleView
          article={article}
          bodyHtml={expandBody(article.body, bodyImages)}
          related={[]}
          siteLanguage={deps.site.language}
          siteName={deps.site.name}
        />
      </>,
    )
  }

  return { register, renderError, renderPreview, cssHref: css.href }
}
