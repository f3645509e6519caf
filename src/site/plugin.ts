import crypto from 'node:crypto'
import cookie from '@fastify/cookie'
import formbody from '@fastify/formbody'
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit'
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify'
import { type SiteTextService, languagePrefix } from '../content/index.js'
import type { ContributionsService } from '../contributions/index.js'
import type { MediaStore } from '../files/index.js'
import { loadStylesheet, minifyCss, serveAsset, sourceDir } from '../http/assets.js'
import { mailOrigin } from '../http/origin.js'
import type { PageCache } from '../http/page-cache.js'
import type { VariantOf } from '../http/responses.js'
import { addressLimit, registerRateLimits } from '../http/rate-limit.js'
import { typed } from '../http/schemas.js'
import { isAppError } from '../lib/errors.js'
import type { EditionService, NewsletterService, SubscriberService } from '../newsletter/index.js'
import type { ReachService } from '../reach/index.js'
import type { RedirectService } from '../imports/index.js'
import { pageVariantOf } from './page-variant.js'
import { textFirstOf } from './text-first.js'
import { type PageDeps, languagesOf } from './pages/page-deps.js'
import { registerArticleRoutes } from './routes/article.js'
import type { SiteRouteContext } from './routes/context.js'
import { registerFeedRoutes } from './routes/feeds.js'
import { registerHomeRoutes } from './routes/home.js'
import { registerListRoutes } from './routes/lists.js'
import { registerLogoRoutes } from './routes/logo.js'
import { registerMediaRoutes } from './routes/media.js'
import { registerNewsletterRoutes } from './routes/newsletters.js'
import { registerPreferenceRoutes } from './routes/preferences.js'
import { type RenderPreview, createPreview } from './routes/preview.js'
import { type OfflineEditions, createOfflineEditions } from './offline/edition.js'
import { registerOfflineRoutes } from './routes/offline.js'
import { registerPrivacyRoutes } from './routes/privacy.js'
import { registerReachRoutes } from './routes/reach.js'
import { registerSearchRoutes } from './routes/search.js'
import { registerSitemapRoutes } from './routes/sitemaps.js'
import { registerSupportRoutes } from './routes/support.js'
import { oldNumberRedirect, withRedirects } from './redirects.js'
import { type SiteShell, createShell } from './shell.js'

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
  /** The newsroom's addresses: /reach and /reach.json, which every page's footer links. */
  reach: ReachService
  /** Old addresses answered with 301 where the site would answer 404 (ADR 025). */
  redirects?: Pick<RedirectService, 'lookup'>
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
  /**
   * Where request limits are counted (http/rate-limit.ts): the database, so every instance
   * shares one count. Without it they are counted in this process only.
   */
  rateLimitStore?: FastifyRateLimitStoreCtor
}

/** The public reader site, as app.tsx wires it. */
export interface Site {
  /** Registers the reader routes (in a scope of their own) and the site's 404 page on `app`. */
  register(app: FastifyInstance): void
  /** The error page in the site's design, for http/errors.ts. */
  renderError: SiteShell['renderError']
  /** An article as readers would see it, for the admin's preview. */
  renderPreview: RenderPreview
  /** Which copy of a cached page a request gets (http/responses.ts `variantOf`). */
  pageVariant: VariantOf
  cssHref: string
  /** The offline edition (site/offline/, ADR 021): the file /reach/edition.html serves. */
  offlineEditions: OfflineEditions
  /**
   * What http/responses.ts registerRequestBasics needs from the site: the page variant, and the
   * CSP hashes (`'sha256-…'`) of the stylesheets written inside pages (SOS mode's, ADR 022),
   * which `style-src` must allow besides the site's own files.
   */
  requestBasics: {
    variantOf: VariantOf
    styleHashes: readonly string[]
  }
}

/** A few requests in ten minutes from one address is a person; more is a script. */
const LIMIT = { max: 10, windowMs: 10 * 60_000 }

/** Form bodies as the handlers always read them: one value a field, the last one given. */
const lastValueWins = (s: string) => Object.fromEntries(new URLSearchParams(s))
/** The contribution forms keep the first value of a repeated field, in a prototype-less object. */
function firstValueWins(s: string): Record<string, string> {
  const out = Object.create(null) as Record<string, string>
  for (const [k, v] of new URLSearchParams(s)) if (!(k in out)) out[k] = v
  return out
}

/** A CSP source allowing exactly this inline stylesheet. */
export function styleHash(css: string): string {
  return `'sha256-${crypto.createHash('sha256').update(css).digest('base64')}'`
}

/** The public reader site: every route parses, calls a loader or service and renders. */
export function createSite(opts: SiteOptions): Site {
  const { deps, cache, newsletters, contributions } = opts
  const css = loadStylesheet(sourceDir('site'))
  // The text-first pages' stylesheet is never served as a file: it is written into each page.
  const sosCss = minifyCss(loadStylesheet(sourceDir('site'), 'sos').body.toString('utf8'))
  const countryHeader = opts.support?.countryHeader ?? ''
  // SOS mode (ADR 022): while it is on, reader pages are text-first.
  const textFirst = textFirstOf(() => opts.reach.sos.active())
  const languages = languagesOf(deps)
  // One edition per language (ADR 026): the same routes, loaders and views, each with its
  // language and path prefix; the first language at the root.
  const editionsByPrefix = languages.map((language) => {
    // Each edition's own name and description (SITE_NAME_RU…), in titles, feeds and its file.
    const site = deps.site
    const editionDeps: PageDeps = {
      ...deps,
      site: {
        ...site,
        language,
        languages,
        name: site.names?.[language] ?? site.name,
        description: site.descriptions?.[language] ?? site.description,
      },
    }
    const shell = withRedirects(
      createShell({
        deps: editionDeps,
        cssHref: css.href,
        publicUrl: opts.publicUrl,
        contributions,
        countryHeader,
        textFirst: {
          of: textFirst,
          css: sosCss,
          addresses: () => opts.reach.shortList(),
        },
      }),
      opts.redirects,
    )
    const ctx: SiteRouteContext = { shell, deps: editionDeps, cache }
    return { prefix: languagePrefix(language, languages), ctx }
  })
  const primary = editionsByPrefix[0]!
  const notFoundOf = (req: FastifyRequest) => editionOf(req.url).ctx.shell.notFound
  const { shell, deps: primaryDeps } = primary.ctx
  /** The edition a path belongs to: the one whose prefix starts it, else the first. */
  const editionOf = (url: string) =>
    editionsByPrefix.find(
      (e) =>
        e.prefix &&
        (url === e.prefix || url.startsWith(`${e.prefix}/`) || url.startsWith(`${e.prefix}?`)),
    ) ?? primary
  const editions = createOfflineEditions({
    deps: primaryDeps,
    // One file per edition, in its language with its stories (/ru/reach/edition.html).
    editions: new Map(editionsByPrefix.map((e) => [e.ctx.deps.site.language, e.ctx.deps])),
    reach: opts.reach,
    media: opts.media,
    publicUrl: opts.publicUrl,
    ...(cache ? { generation: () => cache.currentGeneration() } : {}),
  })
  const mailOriginOf = (req: FastifyRequest) =>
    mailOrigin(req.origin, req.hostname, {
      publicUrl: opts.publicUrl,
      allowedHosts: opts.allowedHosts ?? [],
    })

  /** One edition's routes, in a scope whose prefix is the edition's. */
  async function registerEdition(
    scope: FastifyInstance,
    { prefix, ctx }: (typeof editionsByPrefix)[number],
  ) {
    const { shell } = ctx
    // Not the first language: its unknown paths get its own 404 page.
    if (prefix) scope.setNotFoundHandler(shell.notFound)
    // A path that fails its schema names no page: the site's 404 (or the route's own page),
    // as an unknown slug gets. Every other error goes on to http/errors.ts.
    scope.setErrorHandler(async (err: FastifyError, req, reply) => {
      if (err.validationContext !== 'params' || !isAppError(err)) throw err
      // `/ru/a/b/c` can match the first edition's article route: its 404 is still Russian.
      return (req.routeOptions.config.onBadPath ?? notFoundOf(req))(req, reply)
    })
    const site = typed(scope)
    registerHomeRoutes(site, ctx)
    registerArticleRoutes(site, ctx)
    registerListRoutes(site, ctx)
    registerFeedRoutes(site, ctx, { media: opts.media })
    registerPrivacyRoutes(site, ctx, { siteText: opts.siteText })
    registerReachRoutes(site, ctx, { reach: opts.reach, editions })
    registerSearchRoutes(site, ctx)
    if (!prefix) {
      // One of each for the whole site: the logo, pictures and the sitemaps (every edition's
      // stories, with their translations as alternates).
      registerLogoRoutes(site, ctx)
      registerSitemapRoutes(site, ctx, { perFile: opts.sitemapPerFile })
      registerMediaRoutes(site, ctx, { media: opts.media })
    }
    // The offline edition file: one per edition, in its language.
    registerOfflineRoutes(site, ctx, { editions })

    if (newsletters)
      await scope.register(async (forms) => {
        await forms.register(formbody, { bodyLimit: 20_000, parser: lastValueWins })
        // One-click unsubscribe may arrive as multipart from a mail provider: its body is not
        // needed.
        forms.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 20_000 }, (_r, _b, done) =>
          done(null, {}),
        )
        const t = typed(forms)
        registerNewsletterRoutes(t, ctx, {
          newsletters,
          editions: opts.editions,
          preferences: opts.subscribers
            ? registerPreferenceRoutes(t, ctx, { subscribers: opts.subscribers })
            : null,
          mailOriginOf,
          tooManySignUps: addressLimit(forms, { name: 'newsletter-sign-up', ...LIMIT }),
        })
      })

    if (contributions)
      await scope.register(async (forms) => {
        await forms.register(formbody, { bodyLimit: 10_000, parser: firstValueWins })
        registerSupportRoutes(typed(forms), ctx, {
          contributions,
          hideDays: opts.support?.hideDays ?? 180,
          laterDays: opts.support?.laterDays ?? 14,
          mailOriginOf,
          tooManyReminders: addressLimit(forms, { name: 'support-reminder', ...LIMIT }),
          tooManyManageLinks: addressLimit(forms, { name: 'support-manage-link', ...LIMIT }),
        })
      })
  }

  function register(app: FastifyInstance) {
    app.setNotFoundHandler((req, reply) => notFoundOf(req)(req, reply))
    // Cookies, limits and form bodies are the site's own: registered here, not on the root, so
    // the admin keeps its own and a cached page (answered by the root onRequest hook, before the
    // site's hooks run) pays for none of it.
    void app.register(async (scope) => {
      await scope.register(cookie)
      await registerRateLimits(scope, opts.rateLimitStore)
      // `/?p=123` is the front page's address with WordPress's old number (never cached:
      // http/responses.ts cacheIdOf); the front page answers it when no redirect does.
      if (opts.redirects) scope.addHook('preHandler', oldNumberRedirect(opts.redirects))
      serveAsset(scope, css)
      for (const edition of editionsByPrefix)
        await scope.register((s) => registerEdition(s, edition), { prefix: edition.prefix })
    })
  }

  const pageVariant = pageVariantOf({
    clock: deps.clock,
    countryHeader,
    isRiskyAnywhere: contributions && ((country) => contributions.isRiskyAnywhere(country)),
    textFirst,
  })
  return {
    register,
    // An error page in the language of the edition the path belongs to.
    renderError: (req, ...rest) => editionOf(req.url).ctx.shell.renderError(req, ...rest),
    renderPreview: createPreview(shell, primaryDeps),
    pageVariant,
    cssHref: css.href,
    offlineEditions: editions,
    requestBasics: { variantOf: pageVariant, styleHashes: [styleHash(sosCss)] },
  }
}
