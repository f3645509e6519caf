import fs from 'node:fs'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { type Article, bodyImageIds } from '../content/index.js'
import { isAppError } from '../lib/errors.js'
import { mailOrigin } from '../http/origin.js'
import type { EditionService, NewsletterService, SubscriberService } from '../newsletter/index.js'
import { registerPreferencePages } from './preference-pages.js'
import { type SiteTextService, defaultPrivacyHtml } from '../content/index.js'
import {
  NewsletterMessage,
  NewsletterPreview,
  NewsletterArchive,
  EditionWebView,
  NewslettersPage,
  PrivacyPage,
  UnsubscribeConfirm,
} from './views/newsletter-views.js'
import type { MediaStore } from '../files/index.js'
import { isSlug } from '../lib/slug.js'
import type { PageCache } from '../http/page-cache.js'
import { sendPage } from '../http/responses.js'
import { loadStylesheet, serveAsset } from '../http/assets.js'
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
import { type ContributionsService } from '../contributions/index.js'
import { type SupportSlots, SupportContext } from './views/support-views.js'
import { registerSupportPages } from './support-pages.js'
import { isQuiet } from './support-cookie.js'
import { parseCountry } from '../contributions/index.js'

export interface SiteOptions {
  deps: PageDeps
  /** Sign-up, confirmation and unsubscribe pages, when newsletters are on. */
  newsletters?: NewsletterService
  /** Archive and web versions of sent editions. */
  editions?: EditionService
  /** The reader's preferences page (every newsletter, one signed link). */
  subscribers?: SubscriberService
  /** The privacy page's text as the newsroom edited it. */
  siteText?: SiteTextService
  /** ALLOWED_HOSTS, for where emailed links may point (http/origin.ts mailOrigin). */
  allowedHosts?: readonly string[]
  media: MediaStore
  cache: PageCache | null
  /** PUBLIC_URL: the canonical origin, when configured. */
  publicUrl?: string | undefined
  sitemapPerFile?: number
  /** The banner, the appeal and the contribution pages, when contributions are on. */
  contributions?: ContributionsService
  /** SUPPORTER_HIDE_DAYS, REMIND_LATER_DAYS and COUNTRY_HEADER (lower case; '' for none). */
  support?: { hideDays: number; laterDays: number; countryHeader?: string }
}

const HTML = 'text/html; charset=utf-8'
/** Editions per archive page. */
const ARCHIVE_PAGE = 50
const FEED_FILES: Record<string, FeedFormat> = {
  'feed.xml': 'rss',
  'feed.atom': 'atom',
  'feed.json': 'json',
}

export type SitePlugin = ReturnType<typeof createSite>

/** The public reader site: every route parses, calls a loader and renders. */
export function createSite(opts: SiteOptions) {
  const { deps, cache } = opts
  const css = loadStylesheet(new URL('.', import.meta.url))

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

  function html(
    site: SiteContext,
    meta: PageMeta,
    body: VNode,
    support: SupportSlots | null = null,
  ): string {
    return `<!doctype html>${renderToString(
      <SupportContext.Provider value={support}>
        <Layout site={site} meta={meta}>
          {body}
        </Layout>
      </SupportContext.Provider>,
    )}`
  }

  const countryHeader = opts.support?.countryHeader ?? ''
  /** The country the newsroom's CDN says the reader is in; never looked up anywhere. */
  const countryOf = (req: FastifyRequest) =>
    countryHeader ? parseCountry(req.headers[countryHeader]) : undefined
  const supportVary = countryHeader ? ['Cookie', countryHeader] : ['Cookie']

  /** What the banner and appeal show on this page for this reader: null when nothing. */
  async function supportSlots(
    req: FastifyRequest,
    place: { language: string; section?: string; topics?: readonly string[] },
  ): Promise<SupportSlots | null> {
    const c = opts.contributions
    if (!c || isQuiet(req.headers.cookie, deps.clock.now())) return null
    const appeal = await c.appealFor({ ...place, country: countryOf(req) })
    if (!appeal || appeal.methods.length === 0) return null
    return {
      appeal,
      country: countryOf(req),
      currency: c.chooseCurrency(appeal, undefined),
      siteName: deps.site.name,
      back: req.url.split('?')[0] ?? '/',
    }
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
      const support = await supportSlots(req, { language: deps.site.language })
      const body = html(site, page.meta, <HomeView {...page.view} />, support)
      return sendPage(req, reply, cache, {
        body,
        type: HTML,
        keys: opts.contributions ? [...page.keys, 'appeal'] : page.keys,
        ...(opts.contributions ? { vary: supportVary } : {}),
      })
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
        const support = await supportSlots(req, {
          language: page.article.language,
          section: page.article.section.slug,
          topics: page.article.topics.map((t) => t.slug),
        })
        const body = html(
          site,
          meta,
          <ArticleView
            article={page.article}
            bodyHtml={expandBody(page.article.body, page.bodyImages)}
            related={page.related}
            siteLanguage={deps.site.language}
            siteName={deps.site.name}
            newsletter={page.newsletter}
          />,
          support,
        )
        return sendPage(req, reply, cache, {
          body,
          type: HTML,
          keys: opts.contributions ? [...page.keys, 'appeal'] : page.keys,
          ...(opts.contributions ? { vary: supportVary } : {}),
        })
      },
    )

    if (opts.newsletters) registerNewsletterPages(app, opts.newsletters)
    if (opts.contributions)
      registerSupportPages(app, {
        service: opts.contributions,
        clock: deps.clock,
        siteName: deps.site.name,
        language: deps.site.language,
        hideDays: opts.support?.hideDays ?? 180,
        laterDays: opts.support?.laterDays ?? 14,
        countryOf,
        mailOriginOf: (req) =>
          mailOrigin(req.origin, req.hostname, {
            publicUrl: opts.publicUrl,
            allowedHosts: opts.allowedHosts ?? [],
          }),
        show: async (req, reply, title, node, status = 200) => {
          const site = await siteContext(req)
          return reply
            .code(status)
            .type(HTML)
            .header('cache-control', 'no-store')
            .send(
              html(
                site,
                { title: `${title} | ${site.name}`, description: title, robots: 'noindex' },
                node,
              ),
            )
        },
        notFound,
      })
    app.setNotFoundHandler(notFound)
  }

  /** Newsletter pages: never cached (they answer one reader), no cookies, plain forms. */
  function registerNewsletterPages(root: FastifyInstance, service: NewsletterService) {
    const show = async (
      req: FastifyRequest,
      reply: FastifyReply,
      title: string,
      node: VNode,
      status = 200,
    ) => {
      const site = await siteContext(req)
      return reply
        .code(status)
        .type(HTML)
        .header('cache-control', 'no-store')
        .send(
          html(
            site,
            { title: `${title} | ${site.name}`, description: title, robots: 'noindex' },
            node,
          ),
        )
    }
    // A few sign-ups a minute from one address is a person; hundreds is a bot. Kept in memory:
    // addresses are not stored anywhere.
    const recent = new Map<string, number[]>()
    const tooMany = (ip: string) => {
      const now = Date.now()
      const times = (recent.get(ip) ?? []).filter((t) => now - t < 10 * 60_000)
      times.push(now)
      recent.set(ip, times)
      if (recent.size > 10_000) recent.clear()
      return times.length > 10
    }
    root.register(async (scope) => {
      scope.addContentTypeParser(
        'application/x-www-form-urlencoded',
        { parseAs: 'string', bodyLimit: 20_000 },
        (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
      )
      // One-click unsubscribe may arrive as multipart from a mail provider: its body is not needed.
      scope.addContentTypeParser(
        '*',
        { parseAs: 'string', bodyLimit: 20_000 },
        (_req, _body, done) => done(null, {}),
      )

      const prefs = opts.subscribers
        ? registerPreferencePages(scope, {
            subscribers: opts.subscribers,
            newsletters: service,
            siteName: deps.site.name,
            show,
            notFound,
          })
        : null

      scope.get('/newsletters', async (req, reply) =>
        show(
          req,
          reply,
          'Newsletters',
          <NewslettersPage
            newsletters={await service.listNewsletters()}
            siteName={deps.site.name}
          />,
        ),
      )

      scope.get<{ Params: { slug: string } }>('/newsletters/:slug/preview', async (req, reply) => {
        const n = isSlug(req.params.slug)
          ? await service.findNewsletterBySlug(req.params.slug)
          : undefined
        if (!n) return notFound(req, reply)
        const { items } = await deps.repo.listPublished(
          { kind: 'all' },
          { limit: 6, offset: 0 },
          deps.clock.now(),
        )
        return show(
          req,
          reply,
          `Preview: ${n.name}`,
          <NewsletterPreview newsletter={n} articles={items} />,
        )
      })

      const editions = opts.editions
      if (editions) {
        scope.get<{ Params: { slug: string }; Querystring: { page?: string } }>(
          '/newsletters/:slug/archive',
          async (req, reply) => {
            const n = isSlug(req.params.slug)
              ? await service.findNewsletterBySlug(req.params.slug)
              : undefined
            const raw = req.query.page ?? '1'
            const page = /^[1-9][0-9]{0,3}$/.test(raw) ? Number(raw) : 0
            if (!n || page === 0) return notFound(req, reply)
            const { items, hasMore } = await editions.listSent(
              n.id,
              ARCHIVE_PAGE,
              (page - 1) * ARCHIVE_PAGE,
            )
            if (page > 1 && items.length === 0) return notFound(req, reply)
            return show(
              req,
              reply,
              `${n.name}: archive`,
              <NewsletterArchive
                newsletter={n}
                issues={items}
                page={page}
                hasMore={hasMore}
                language={deps.site.language}
              />,
            )
          },
        )
        scope.get<{ Params: { slug: string; id: string } }>(
          '/newsletters/:slug/issues/:id',
          async (req, reply) => {
            const n = isSlug(req.params.slug)
              ? await service.findNewsletterBySlug(req.params.slug)
              : undefined
            const e =
              n && /^[1-9][0-9]{0,11}$/.test(req.params.id)
                ? await editions.findEdition(Number(req.params.id))
                : undefined
            if (
              !n ||
              !e ||
              e.newsletterId !== n.id ||
              !(e.status === 'sending' || e.status === 'sent')
            )
              return notFound(req, reply)
            const items = await editions.sentItems(e.id)
            return show(
              req,
              reply,
              e.subject,
              <EditionWebView
                newsletter={n}
                subject={e.subject}
                intro={e.intro}
                sentAt={e.startedAt ?? e.updatedAt}
                items={items.map((i) => ({
                  headline: i.sent_headline ?? '',
                  path: i.sent_path ?? '/',
                  blurb: i.blurb,
                }))}
                language={deps.site.language}
              />,
            )
          },
        )
      }

      scope.post('/newsletters/subscribe', async (req, reply) => {
        const body = (req.body ?? {}) as Record<string, string>
        const sent = () =>
          show(
            req,
            reply,
            'Check your inbox',
            <NewsletterMessage
              title="Check your inbox"
              message="If the address is right, a message is on its way: follow its link to confirm. Nothing else is sent until you do."
            />,
          )
        // Bots fill the hidden field; they get the same answer and nothing happens.
        if (body['website']) return sent()
        if (tooMany(req.ip)) {
          return show(
            req,
            reply,
            'Too many sign-ups',
            <NewsletterMessage
              title="Too many sign-ups from here"
              message="Please wait a few minutes and try again."
            />,
            429,
          )
        }
        const id = /^[1-9][0-9]{0,11}$/.test(body['newsletter'] ?? '')
          ? Number(body['newsletter'])
          : 0
        try {
          const origin = mailOrigin(req.origin, req.hostname, {
            publicUrl: opts.publicUrl,
            allowedHosts: opts.allowedHosts ?? [],
          })
          if (!origin) {
            // A confirmation link built from this request's Host could point anywhere.
            req.log.error('PUBLIC_URL is not set: newsletter confirmations are not sent')
            return show(
              req,
              reply,
              'Not available',
              <NewsletterMessage
                title="Sign-ups are closed for now"
                message="The newsroom has to finish setting up its email. Please try again later."
              />,
              503,
            )
          }
          await service.signUp(body['email'] ?? '', id, origin)
        } catch (err) {
          if (isAppError(err) && err.status < 500) {
            return show(
              req,
              reply,
              'Check the address',
              <NewsletterMessage title="Check the address" message={err.message} />,
              err.status,
            )
          }
          throw err
        }
        return sent()
      })

      scope.get<{ Params: { sub: string; nl: string; exp: string; sig: string } }>(
        '/newsletters/confirm/:sub/:nl/:exp/:sig',
        async (req, reply) => {
          const p = req.params
          const n = await service.confirm(p.sub, p.nl, p.exp, p.sig)
          if (!n) {
            return show(
              req,
              reply,
              'Link expired',
              <NewsletterMessage
                title="This link does not work any more"
                message="It may be older than a week. Sign up again and a new link will come."
              />,
              404,
            )
          }
          return show(
            req,
            reply,
            'Subscribed',
            <NewsletterMessage
              title={`You are subscribed to ${n.name}`}
              message={`Thank you. ${n.cadence ? `It arrives ${n.cadence.toLowerCase()}.` : ''} Every issue has a link to unsubscribe.`}
            />,
          )
        },
      )

      scope.get<{ Params: { sub: string; nl: string; sig: string } }>(
        '/newsletters/unsubscribe/:sub/:nl/:sig',
        async (req, reply) => {
          const p = req.params
          const n = await service.checkUnsubscribe(p.sub, p.nl, p.sig)
          if (!n) return notFound(req, reply)
          if (prefs) return prefs.unsubscribePage(req, reply, Number(p.sub), n)
          return show(
            req,
            reply,
            'Unsubscribe',
            <UnsubscribeConfirm newsletter={n} action={req.url} />,
          )
        },
      )

      // RFC 8058: a mail provider POSTs "List-Unsubscribe=One-Click" with no cookies; it gets 200, no redirect.
      scope.post<{ Params: { sub: string; nl: string; sig: string } }>(
        '/newsletters/unsubscribe/:sub/:nl/:sig',
        async (req, reply) => {
          const p = req.params
          const n = await service.unsubscribe(p.sub, p.nl, p.sig)
          if (!n) return notFound(req, reply)
          const oneClick =
            (req.body as Record<string, string> | undefined)?.['List-Unsubscribe'] === 'One-Click'
          if (oneClick)
            return reply
              .code(200)
              .type('text/plain; charset=utf-8')
              .header('cache-control', 'no-store')
              .send('Unsubscribed.\n')
          return show(
            req,
            reply,
            'Unsubscribed',
            <NewsletterMessage
              title={`You are unsubscribed from ${n.name}`}
              message="You will get no more issues. If this was a mistake, sign up again at any time."
            />,
          )
        },
      )
    })

    root.get('/privacy', async (req, reply) => {
      const site = await siteContext(req)
      return sendPage(req, reply, cache, {
        body: html(
          site,
          {
            title: `Privacy | ${site.name}`,
            description: "How this site handles readers' data.",
            canonicalPath: '/privacy',
          },
          <PrivacyPage
            siteName={site.name}
            html={opts.siteText ? (await opts.siteText.privacyHtml()).html : defaultPrivacyHtml()}
          />,
        ),
        type: HTML,
        keys: ['all', 'privacy'],
      })
    })
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
