import type { FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { type ContributionsService, isFrequency, parseCountry } from '../../contributions/index.js'
import type { LimitCheck } from '../../http/rate-limit.js'
import { IdString, type TypedApp } from '../../http/schemas.js'
import { isAppError } from '../../lib/errors.js'
import { quietCookie, safeBack } from '../quiet-cookie.js'
import {
  CancelledPage,
  InstructionsPage,
  SupportPage,
  TestCheckoutPage,
  ThanksPage,
} from '../views/support-views.js'
import { ManageGiftPage, ManageRequestPage, ReminderPage } from '../views/supporter-views.js'
import { checkoutProblem } from './checkout-problems.js'
import type { SiteRouteContext } from './context.js'
import { readerProblem } from './reader-problems.js'
import { Expiry, Field, Signature, formBody, lenient } from './schemas.js'

export interface SupportRouteOptions {
  contributions: ContributionsService
  /** SUPPORTER_HIDE_DAYS: how long a contribution quiets the banner on this device. */
  hideDays: number
  /** REMIND_LATER_DAYS: how long "Remind me later" does. */
  laterDays: number
  /** Where emailed links may point (http/origin.ts mailOrigin); null: email is not set up. */
  mailOriginOf: (req: FastifyRequest) => string | null
  /** The limits on reminder requests and on manage-link requests from one address. */
  tooManyReminders: LimitCheck
  tooManyManageLinks: LimitCheck
}

const Country = lenient(parseCountry)
const ChooserQuery = z.object({ country: Country, currency: Field, frequency: Field })
const CheckoutBody = formBody({
  frequency: Field,
  amount_once: Field,
  amount_monthly: Field,
  amount_annual: Field,
  custom: Field,
  currency: Field,
  method: Field,
  language: Field,
  country: Country,
})
const ManageLinkParams = z.object({ id: IdString, exp: Expiry, sig: Signature })
const TestCheckoutParams = z.object({ ref: z.string() })

function wantsJson(req: FastifyRequest): boolean {
  const accept = req.headers.accept ?? ''
  return accept.includes('application/json') && !accept.includes('text/html')
}

/**
 * The contribution pages: /support (the chooser in any currency), checkout, the test checkout,
 * thanks and cancel pages, "Remind me later", a reminder by email, and the supporter's manage
 * link. Never cached: each answers one reader.
 */
export function registerSupportRoutes(
  app: TypedApp,
  { shell, deps }: SiteRouteContext,
  o: SupportRouteOptions,
) {
  const service = o.contributions
  const { name: siteName, language } = deps.site
  const secure = (req: FastifyRequest) => req.protocol === 'https'
  const show = shell.personal

  app.get('/support', { schema: { querystring: ChooserQuery } }, async (req, reply) => {
    const q = req.query
    // The reader's own choice wins over what the CDN guessed.
    const country = q.country ?? shell.countryOf(req)
    const appeal = await service.appealIn(language, country)
    if (!appeal) return shell.notFound(req, reply)
    return show(
      req,
      reply,
      appeal.headline,
      <SupportPage
        appeal={appeal}
        currency={service.chooseCurrency(appeal, q.currency)}
        siteName={siteName}
        values={{ frequency: q.frequency }}
        testMode={service.testMode}
        country={country}
      />,
    )
  })

  app.post('/support/checkout', { schema: { body: CheckoutBody } }, async (req, reply) => {
    const f = req.body
    const input = {
      frequency: f.frequency,
      amount: isFrequency(f.frequency) ? f[`amount_${f.frequency}`] : '',
      custom: f.custom,
      currency: f.currency,
      method: f.method,
      language: f.language || language,
      country: f.country ?? shell.countryOf(req) ?? '',
    }
    try {
      const r = await service.startCheckout(input, req.origin)
      if (r.kind === 'redirect')
        return reply.header('cache-control', 'no-store').redirect(r.to, 303)
      return show(
        req,
        reply,
        shell.locale(req).t('money.method', { method: r.method }),
        <InstructionsPage
          method={r.method}
          appeal={r.appeal}
          amount={r.amount}
          currency={r.currency}
          frequency={r.frequency}
        />,
      )
    } catch (err) {
      // A person gets the chooser again with what they typed and one sentence; a program
      // gets the code (http/errors.ts).
      const providerDown = isAppError(err) && err.code === 'PAYMENT_PROVIDER_FAILED'
      if (!isAppError(err) || (err.status >= 500 && !providerDown) || wantsJson(req)) throw err
      if (providerDown) req.log.error({ err }, 'payment provider failed')
      const appeal = await service.appealIn(input.language, input.country)
      if (!appeal) throw err
      return show(
        req,
        reply,
        shell.locale(req).t('support.checkAmount'),
        <SupportPage
          appeal={appeal}
          currency={service.chooseCurrency(appeal, input.currency)}
          siteName={siteName}
          values={input}
          problem={checkoutProblem(err, shell.locale(req), appeal, input)}
          testMode={service.testMode}
          country={input.country}
        />,
        err.status,
      )
    }
  })

  app.post('/support/later', { schema: { body: formBody({ back: Field }) } }, async (req, reply) =>
    reply
      .header('set-cookie', quietCookie(o.laterDays, deps.clock.now(), secure(req)))
      .header('cache-control', 'no-store')
      .redirect(safeBack(req.body.back), 303),
  )

  // Stripe sends readers here after paying; the test gateway too. The cookie hides the
  // banner and appeal on this device: no account, nothing about the reader.
  app.get('/support/thanks', async (req, reply) => {
    reply.header('set-cookie', quietCookie(o.hideDays, deps.clock.now(), secure(req)))
    return show(
      req,
      reply,
      shell.locale(req).t('support.thanks'),
      <ThanksPage siteName={siteName} hideDays={o.hideDays} testMode={service.testMode} />,
    )
  })

  app.get('/support/cancelled', async (req, reply) =>
    show(req, reply, shell.locale(req).t('support.cancelled'), <CancelledPage />),
  )

  const months = (req: FastifyRequest) =>
    service.reminderMonths().map((m) => ({
      value: m,
      label: new Date(`${m}-01T00:00:00Z`).toLocaleString(shell.locale(req).language, {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }),
    }))
  // The words the reader agrees to, in the page's language; stored with the month filled in.
  const consent = service.reminderConsent(null, language)
  const reminderPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    title: string,
    problem?: string,
    status?: number,
  ) =>
    show(
      req,
      reply,
      title,
      <ReminderPage months={months(req)} consent={consent} problem={problem} />,
      status,
    )
  app.get('/support/remind', async (req, reply) =>
    reminderPage(req, reply, shell.locale(req).t('supporter.remindTitle')),
  )
  app.post(
    '/support/remind',
    { schema: { body: formBody({ email: Field, month: Field }) } },
    async (req, reply) => {
      const { t } = shell.locale(req)
      if (await o.tooManyReminders(req))
        return reminderPage(req, reply, t('common.tooMany'), t('common.tooManyText'), 429)
      try {
        await service.requestReminder({ email: req.body.email, month: req.body.month, language })
      } catch (err) {
        if (isAppError(err) && err.status < 500)
          return reminderPage(
            req,
            reply,
            t('support.checkForm'),
            readerProblem(err, shell.locale(req)),
            err.status,
          )
        throw err
      }
      // They said "later": the banner and appeal rest on this device too.
      reply.header('set-cookie', quietCookie(o.laterDays, deps.clock.now(), secure(req)))
      return show(req, reply, t('support.reminderSet'), <ReminderPage months={[]} sent />)
    },
  )

  // Supporters manage a recurring gift through a link sent to the email the provider gave
  // us: no account, no password.
  app.get('/support/manage', async (req, reply) =>
    show(req, reply, shell.locale(req).t('supporter.manageTitle'), <ManageRequestPage />),
  )
  app.post(
    '/support/manage',
    { schema: { body: formBody({ email: Field }) } },
    async (req, reply) => {
      const { t } = shell.locale(req)
      if (await o.tooManyManageLinks(req))
        return show(
          req,
          reply,
          t('common.tooMany'),
          <ManageRequestPage problem={t('common.tooManyText')} />,
          429,
        )
      const origin = o.mailOriginOf(req)
      if (!origin) {
        req.log.error('PUBLIC_URL is not set: supporter manage links are not sent')
        return show(
          req,
          reply,
          t('common.notAvailable'),
          <ManageRequestPage problem={t('common.emailNotReady')} />,
          503,
        )
      }
      try {
        // The email in this edition's language, its links inside this edition.
        await service.requestManageLink(req.body.email, origin, language)
      } catch (err) {
        if (isAppError(err) && err.status < 500)
          return show(
            req,
            reply,
            t('common.checkAddress'),
            <ManageRequestPage problem={readerProblem(err, shell.locale(req))} />,
            err.status,
          )
        throw err
      }
      return show(req, reply, t('common.checkInbox'), <ManageRequestPage sent />)
    },
  )

  const linkExpired = (req: FastifyRequest, reply: FastifyReply) =>
    show(req, reply, shell.locale(req).t('common.linkExpired'), <ManageRequestPage expired />, 404)
  const manageLink = { schema: { params: ManageLinkParams }, config: { onBadPath: linkExpired } }
  app.get('/support/manage/:id/:exp/:sig', manageLink, async (req, reply) => {
    const p = req.params
    const c = await service.checkManageLink(p.id, p.exp, p.sig)
    if (!c) return linkExpired(req, reply)
    return show(
      req,
      reply,
      shell.locale(req).t('supporter.yourSupport'),
      <ManageGiftPage contribution={c} action={req.url} />,
    )
  })
  app.post('/support/manage/:id/:exp/:sig', manageLink, async (req, reply) => {
    const p = req.params
    const c = await service.checkManageLink(p.id, p.exp, p.sig)
    if (!c) return linkExpired(req, reply)
    if (c.provider === 'test') {
      const after = await service.cancelTestGift(c)
      return show(
        req,
        reply,
        shell.locale(req).t('supporter.yourSupport'),
        <ManageGiftPage contribution={after ?? c} action={req.url} />,
      )
    }
    const portal = await service.portalFor(c, `${req.origin}${shell.locale(req).path('/support')}`)
    if (!portal)
      return show(
        req,
        reply,
        shell.locale(req).t('supporter.yourSupport'),
        <ManageGiftPage contribution={c} action={req.url} />,
      )
    return reply.header('cache-control', 'no-store').redirect(portal, 303)
  })

  app.get(
    '/support/test-checkout/:ref',
    { schema: { params: TestCheckoutParams } },
    async (req, reply) => {
      const c = await service.findTestCheckout(req.params.ref)
      if (!c) return shell.notFound(req, reply)
      return show(
        req,
        reply,
        shell.locale(req).t('support.testCheckout'),
        <TestCheckoutPage contribution={c} siteName={siteName} />,
      )
    },
  )
  app.post(
    '/support/test-checkout/:ref',
    { schema: { params: TestCheckoutParams, body: formBody({ outcome: Field, email: Field }) } },
    async (req, reply) => {
      const outcome = req.body.outcome === 'pay' ? 'pay' : 'cancel'
      const c = await service.finishTestCheckout(req.params.ref, outcome, req.body.email)
      if (!c) return shell.notFound(req, reply)
      return reply
        .header('cache-control', 'no-store')
        .redirect(
          shell.locale(req).path(outcome === 'pay' ? '/support/thanks' : '/support/cancelled'),
          303,
        )
    },
  )
}
