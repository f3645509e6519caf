import type { FastifyReply, FastifyRequest } from 'fastify'
import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { type ContributionsService, parseCountry } from '../contributions/index.js'
import {
  type PageDeps,
  editionNames,
  editionPrefix,
  languagesOf,
  named,
} from './pages/page-deps.js'
import { QUIET_COOKIE, isQuiet } from './quiet-cookie.js'
import type { PageMeta, SiteContext } from './views/context.js'
import { TimeZoneContext, voidTagsAsHtml } from './views/format.js'
import { Layout } from './views/layout.js'
import { type Locale, LocaleContext, createLocale } from './views/locale.js'
import { ErrorView } from './views/list-views.js'
import { catalogueLanguage } from '../i18n/index.js'
import { type SupportSlots, SupportContext } from './views/support-slots.js'
import type { TextFirstOf } from './text-first.js'

export const HTML = 'text/html; charset=utf-8'

export interface ShellOptions {
  deps: PageDeps
  /** The stylesheet's content-hashed address. */
  cssHref: string
  /** PUBLIC_URL: the canonical origin, when configured. */
  publicUrl?: string | undefined
  /** The banner and the appeal, when contributions are on. */
  contributions?: ContributionsService | undefined
  /** COUNTRY_HEADER, lower case; '' for none. */
  countryHeader: string
  /** SOS mode (ADR 022): who gets text-first pages, their stylesheet, the addresses they name. */
  textFirst?: {
    of: TextFirstOf
    css: string
    addresses(): Promise<readonly string[]>
  }
}

/** Where on the site a page sits, for choosing its appeal. */
export interface SupportPlace {
  language: string
  section?: string
  topics?: readonly string[]
}

/** The page shell every reader route renders through: layout, support slots, error pages. */
export interface SiteShell {
  /** What every page's layout knows: the site, its sections, the request's origin and path. */
  context(req: FastifyRequest): Promise<SiteContext>
  /** The edition a request is in: its language, prefix and text. */
  locale(req: FastifyRequest): Locale
  /** A whole HTML document: the layout around `body`, with the support slots filled if given. */
  document(site: SiteContext, meta: PageMeta, body: VNode, support?: SupportSlots | null): string
  /** What the banner and appeal show on this page for this reader: null when nothing. */
  supportSlots(req: FastifyRequest, place: SupportPlace): Promise<SupportSlots | null>
  /**
   * The cache keys and Vary of a page with support slots: such a page also depends on the
   * appeal, the reader's `mh_quiet` cookie and their country (ADR 009).
   */
  withSupport(keys: readonly string[]): { keys: readonly string[]; vary?: readonly string[] }
  /** The country the newsroom's CDN says the reader is in; never looked up anywhere. */
  countryOf(req: FastifyRequest): string | undefined
  /** The error page in the site's design; http/errors.ts renders every error through it. */
  renderError(req: FastifyRequest, status: number, title: string, message: string): Promise<string>
  /** The site's 404 page (browsers and CDNs may keep it a minute). */
  notFound(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply>
  /** The 410 page of an article the newsroom withdrew. */
  gone(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply>
  /** A page that answers one reader (forms, signed links): never cached, never indexed. */
  personal(
    req: FastifyRequest,
    reply: FastifyReply,
    title: string,
    node: VNode,
    status?: number,
  ): Promise<FastifyReply>
}

export function createShell(o: ShellOptions): SiteShell {
  const { deps } = o
  const countryOf = (req: FastifyRequest) =>
    o.countryHeader ? parseCountry(req.headers[o.countryHeader]) : undefined
  const supportVary = o.countryHeader ? ['Cookie', o.countryHeader] : ['Cookie']

  const isTextFirst = (req: FastifyRequest) => o.textFirst?.of(req) ?? false

  // The shell is made once per edition (ADR 026): its language, under its prefix.
  const edition = createLocale(deps.site.language, editionPrefix(deps), languagesOf(deps))
  const locale = (_req: FastifyRequest): Locale => edition

  async function context(req: FastifyRequest): Promise<SiteContext> {
    const [sections, names] = await Promise.all([
      deps.content.listSections().catch(() => []),
      editionNames(deps).catch(() => null),
    ])
    const tf = o.textFirst
    // The addresses cannot be read: the line still links /reach.
    const sos =
      tf && (await isTextFirst(req))
        ? { css: tf.css, addresses: await tf.addresses().catch(() => []) }
        : undefined
    return {
      name: deps.site.name,
      description: deps.site.description,
      language: deps.site.language,
      // Empty when the request failed before its origin was known (a malformed URL).
      origin: req.origin ?? '',
      canonicalOrigin: o.publicUrl ?? req.origin ?? '',
      sections: sections.map((s) => named(s, 'section', names)),
      cssHref: o.cssHref,
      path: req.url.split('?')[0] ?? '/',
      sos,
      locale: locale(req),
    }
  }

  function document(
    site: SiteContext,
    meta: PageMeta,
    body: VNode,
    support: SupportSlots | null = null,
  ): string {
    // The doctype goes in before the one pass over the page, whose result is then already flat:
    // added after it, the page would be copied once more (a two-byte string of twice its size)
    // when it is encoded.
    return voidTagsAsHtml(
      '<!doctype html>' +
        renderToString(
          <LocaleContext.Provider value={site.locale}>
            <TimeZoneContext.Provider value={deps.site.timeZone ?? 'UTC'}>
              <SupportContext.Provider value={support}>
                <Layout site={site} meta={meta}>
                  {body}
                </Layout>
              </SupportContext.Provider>
            </TimeZoneContext.Provider>
          </LocaleContext.Provider>,
        ),
    )
  }

  async function renderError(req: FastifyRequest, status: number, title: string, message: string) {
    const site = await context(req)
    // The error catalogue speaks English (lib/error-catalogue.ts), each code in its own words.
    // Another edition says what happened in its language, by kind.
    if (catalogueLanguage(site.language) !== 'en') {
      const { t } = site.locale
      ;[title, message] =
        status === 404
          ? [t('error.notFound'), t('error.notFoundText')]
          : status === 429
            ? [t('common.tooMany'), t('common.tooManyText')]
            : status >= 500
              ? [t('error.serverTitle'), t('error.serverText')]
              : [t('error.clientTitle'), t('error.clientText')]
    }
    return document(
      site,
      {
        title: site.locale.t('layout.pageTitle', { title, site: site.name }),
        description: message,
        robots: 'noindex',
      },
      <ErrorView status={status} title={title} message={message} />,
    )
  }

  async function errorPage(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    title: string,
    message: string,
  ) {
    return reply
      .code(status)
      .type(HTML)
      .header('cache-control', 'public, max-age=60')
      .send(await renderError(req, status, title, message))
  }

  return {
    context,
    locale,
    document,
    countryOf,
    renderError,

    async supportSlots(req, place) {
      const c = o.contributions
      // The same cookie reading as the page variant (page-variant.ts), so a page rendered
      // without the banner is only ever stored as the quiet variant.
      if (!c || isQuiet(req.cookies[QUIET_COOKIE], deps.clock.now())) return null
      // Text-first pages carry no banner or appeal: one cached copy for every reader (#sos).
      if (await isTextFirst(req)) return null
      const appeal = await c.appealFor({ country: countryOf(req), ...place })
      if (!appeal || appeal.methods.length === 0) return null
      return {
        appeal,
        country: countryOf(req),
        currency: c.chooseCurrency(appeal, undefined),
        siteName: deps.site.name,
        back: req.url.split('?')[0] ?? '/',
      }
    },

    withSupport(keys) {
      return o.contributions ? { keys: [...keys, 'appeal'], vary: supportVary } : { keys }
    },

    notFound: (req, reply) => {
      const { t } = locale(req)
      return errorPage(req, reply, 404, t('error.notFound'), t('error.notFoundText'))
    },

    gone: (req, reply) => {
      const { t } = locale(req)
      return errorPage(req, reply, 410, t('error.gone'), t('error.goneText'))
    },

    async personal(req, reply, title, node, status = 200) {
      const site = await context(req)
      return reply
        .code(status)
        .type(HTML)
        .header('cache-control', 'no-store')
        .send(
          document(
            site,
            {
              title: site.locale.t('layout.pageTitle', { title, site: site.name }),
              description: title,
              robots: 'noindex',
            },
            node,
          ),
        )
    },
  }
}
