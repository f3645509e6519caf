import type { FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { LimitCheck } from '../../http/rate-limit.js'
import { Id, IdString, type TypedApp, parseId } from '../../http/schemas.js'
import { languagePrefix } from '../../content/index.js'
import { translator } from '../../i18n/index.js'
import { isAppError } from '../../lib/errors.js'
import { type EditionService, type NewsletterService, inSentence } from '../../newsletter/index.js'
import {
  loadArchive,
  loadEditionWebVersion,
  loadNewsletterPreview,
} from '../pages/newsletter-pages.js'
import { editionNewsletters, languagesOf } from '../pages/page-deps.js'
import {
  EditionWebView,
  NewsletterSignUpProblem,
  NewsletterArchive,
  NewsletterMessage,
  NewsletterPreview,
  NewslettersPage,
  UnsubscribeConfirm,
} from '../views/newsletter-views.js'
import type { SiteRouteContext } from './context.js'
import type { PreferencePages } from './preferences.js'
import { readerProblem } from './reader-problems.js'
import { Expiry, Field, Signature, SlugParams, formBody, lenient } from './schemas.js'

export interface NewsletterRouteOptions {
  newsletters: NewsletterService
  /** Archive and web versions of sent editions, when editions are on. */
  editions?: EditionService | undefined
  /** The preferences page, which an unsubscribe link opens when subscribers are on. */
  preferences: PreferencePages | null
  /** Where emailed links may point (http/origin.ts mailOrigin); null: email is not set up. */
  mailOriginOf: (req: FastifyRequest) => string | null
  /** The limit on sign-ups from one address. */
  tooManySignUps: LimitCheck
}

/** `?page=` of the archive: absent is page 1; anything but 1–9999 is no page (0, a 404). */
const ArchiveQuery = z.object({
  page: lenient((v) =>
    v === undefined ? 1 : typeof v === 'string' && /^[1-9][0-9]{0,3}$/.test(v) ? Number(v) : 0,
  ),
})
const SignUpBody = formBody({
  email: Field,
  newsletter: lenient((v) => parseId(v) ?? 0),
  // The old honeypot field (ADR 023): absent from our forms now, still refused when filled.
  website: Field,
})
const ConfirmParams = z.object({ sub: IdString, nl: IdString, exp: Expiry, sig: Signature })
const UnsubscribeParams = z.object({ sub: IdString, nl: IdString, sig: Signature })
const OneClickBody = formBody({ 'List-Unsubscribe': Field })

/**
 * The newsletter pages: the list, a sample, the archive and web versions, sign-up with double
 * opt-in, and unsubscribe. Never cached (most answer one reader), no cookies, plain forms.
 */
export function registerNewsletterRoutes(
  app: TypedApp,
  { shell, deps }: SiteRouteContext,
  o: NewsletterRouteOptions,
) {
  const { newsletters: service, editions } = o
  const languages = languagesOf(deps)
  /** This edition's prefix, and the one of a newsletter's language ('' for the first). */
  const prefix = languagePrefix(deps.site.language, languages)
  const newsletterEdition = (language: string) =>
    languages.includes(language) ? languagePrefix(language, languages) : prefix
  const message = (
    req: FastifyRequest,
    reply: FastifyReply,
    title: string,
    m: { title: string; message: string },
    status?: number,
  ) => shell.personal(req, reply, title, <NewsletterMessage {...m} />, status)

  app.get('/newsletters', async (req, reply) =>
    shell.personal(
      req,
      reply,
      shell.locale(req).t('newsletter.listTitle'),
      <NewslettersPage
        newsletters={editionNewsletters(deps, await service.listNewsletters())}
        siteName={deps.site.name}
      />,
    ),
  )

  app.get('/newsletters/:slug/preview', { schema: { params: SlugParams } }, async (req, reply) => {
    const p = await loadNewsletterPreview(deps, service, req.params.slug)
    if (!p) return shell.notFound(req, reply)
    const { t } = shell.locale(req)
    return shell.personal(
      req,
      reply,
      t('newsletter.previewTitle', { name: p.newsletter.name }),
      <NewsletterPreview {...p} />,
    )
  })

  if (editions) {
    app.get(
      '/newsletters/:slug/archive',
      { schema: { params: SlugParams, querystring: ArchiveQuery } },
      async (req, reply) => {
        const a = await loadArchive(service, editions, req.params.slug, req.query.page)
        if (!a) return shell.notFound(req, reply)
        return shell.personal(
          req,
          reply,
          shell.locale(req).t('newsletter.archiveTitle', { name: a.newsletter.name }),
          <NewsletterArchive {...a} />,
        )
      },
    )
    app.get(
      '/newsletters/:slug/issues/:id',
      { schema: { params: SlugParams.extend({ id: Id }) } },
      async (req, reply) => {
        const e = await loadEditionWebVersion(service, editions, req.params.slug, req.params.id)
        if (!e) return shell.notFound(req, reply)
        return shell.personal(req, reply, e.subject, <EditionWebView {...e} />)
      },
    )
  }

  app.post('/newsletters/subscribe', { schema: { body: SignUpBody } }, async (req, reply) => {
    const body = req.body
    const { t } = shell.locale(req)
    const sent = () =>
      message(req, reply, t('common.checkInbox'), {
        title: t('common.checkInbox'),
        message: t('newsletter.sentText'),
      })
    // Forms saved from before (caches, mirrors) had a field people left empty and bots filled.
    if (body.website) return sent()
    // A few sign-ups in ten minutes from one address is a person; hundreds is a bot.
    if (await o.tooManySignUps(req))
      return message(
        req,
        reply,
        t('newsletter.tooMany'),
        { title: t('newsletter.tooManyTitle'), message: t('newsletter.tooManyText') },
        429,
      )
    try {
      const origin = o.mailOriginOf(req)
      if (!origin) {
        // A confirmation link built from this request's Host could point anywhere.
        req.log.error('PUBLIC_URL is not set: newsletter confirmations are not sent')
        return message(
          req,
          reply,
          t('common.notAvailable'),
          { title: t('newsletter.closed'), message: t('common.emailNotReady') },
          503,
        )
      }
      await service.signUp(body.email, body.newsletter, origin)
    } catch (err) {
      if (isAppError(err) && err.status < 500) {
        // The form again, with what was typed and why it was refused, in the edition's words.
        const all = editionNewsletters(deps, await service.listNewsletters())
        const chosen = all.find((n) => n.id === body.newsletter)
        return shell.personal(
          req,
          reply,
          t('common.checkAddress'),
          <NewsletterSignUpProblem
            problem={
              // The form's hidden field named no newsletter (an old page, a hand-made post).
              err.code === 'NOT_FOUND'
                ? t('problem.noNewsletter')
                : readerProblem(err, shell.locale(req))
            }
            newsletters={chosen ? [chosen] : all}
            email={body.email}
            siteName={deps.site.name}
          />,
          err.status,
        )
      }
      throw err
    }
    return sent()
  })

  const linkExpired = (req: FastifyRequest, reply: FastifyReply) => {
    const { t } = shell.locale(req)
    return message(
      req,
      reply,
      t('common.linkExpired'),
      { title: t('newsletter.expiredTitle'), message: t('newsletter.expiredText') },
      404,
    )
  }
  app.get(
    '/newsletters/confirm/:sub/:nl/:exp/:sig',
    { schema: { params: ConfirmParams }, config: { onBadPath: linkExpired } },
    async (req, reply) => {
      const p = req.params
      const n = await service.confirm(p.sub, p.nl, p.exp, p.sig)
      if (!n) return linkExpired(req, reply)
      const { t } = shell.locale(req)
      return shell.personal(
        req,
        reply,
        t('newsletter.subscribed'),
        <NewsletterMessage
          title={t('newsletter.subscribedTitle', { name: n.name })}
          message={
            n.cadence
              ? t('newsletter.subscribedCadence', { cadence: inSentence(n.cadence, n.language) })
              : t('newsletter.subscribedText')
          }
          // The reader's own page: their newsletters, to change or leave (issue 15).
          manage={o.preferences ? await o.preferences.pathFor(Number(p.sub)) : undefined}
        />,
      )
    },
  )

  app.get(
    '/newsletters/unsubscribe/:sub/:nl/:sig',
    { schema: { params: UnsubscribeParams } },
    async (req, reply) => {
      const p = req.params
      const n = await service.checkUnsubscribe(p.sub, p.nl, p.sig)
      if (!n) return shell.notFound(req, reply)
      // A link from an older email names the first edition: the page opens in the newsletter's.
      const own = newsletterEdition(n.language)
      if (own !== prefix)
        return reply
          .header('cache-control', 'no-store')
          .redirect(`${own}/newsletters/unsubscribe/${p.sub}/${p.nl}/${p.sig}`, 303)
      if (o.preferences) return o.preferences.unsubscribePage(req, reply, Number(p.sub), n)
      return shell.personal(
        req,
        reply,
        shell.locale(req).t('newsletter.unsubscribe'),
        <UnsubscribeConfirm newsletter={n} action={req.url} />,
      )
    },
  )

  // RFC 8058: a mail provider POSTs "List-Unsubscribe=One-Click" with no cookies; it gets 200,
  // no redirect.
  app.post(
    '/newsletters/unsubscribe/:sub/:nl/:sig',
    { schema: { params: UnsubscribeParams, body: OneClickBody } },
    async (req, reply) => {
      const p = req.params
      const n = await service.unsubscribe(p.sub, p.nl, p.sig)
      if (!n) return shell.notFound(req, reply)
      // The mail provider's answer, in the newsletter's language whichever address it used.
      if (req.body['List-Unsubscribe'] === 'One-Click')
        return reply
          .code(200)
          .type('text/plain; charset=utf-8')
          .header('content-language', n.language)
          .header('cache-control', 'no-store')
          .send(`${translator(n.language)('newsletter.oneClick')}\n`)
      const { t } = shell.locale(req)
      return message(req, reply, t('newsletter.unsubscribed'), {
        title: t('newsletter.unsubscribedTitle', { name: n.name }),
        message: t('newsletter.unsubscribedText'),
      })
    },
  )
}
