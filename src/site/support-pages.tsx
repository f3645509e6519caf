import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { VNode } from 'preact'
import type { ContributionsService } from '../contributions/index.js'
import type { Clock } from '../lib/clock.js'
import { isAppError } from '../lib/errors.js'
import { parseCountry } from '../contributions/index.js'
import { quietCookie, safeBack } from './support-cookie.js'
import {
  ReminderPage,
  ManageGiftPage,
  ManageRequestPage,
  CancelledPage,
  InstructionsPage,
  SupportPage,
  TestCheckoutPage,
  ThanksPage,
} from './views/support-views.js'

export interface SupportPagesOptions {
  service: ContributionsService
  clock: Clock
  siteName: string
  language: string
  hideDays: number
  laterDays: number
  show: (
    req: FastifyRequest,
    reply: FastifyReply,
    title: string,
    node: VNode,
    status?: number,
  ) => Promise<FastifyReply>
  notFound: (req: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>
  /** The country the CDN's header names, if COUNTRY_HEADER is set. */
  countryOf: (req: FastifyRequest) => string | undefined
  /** Where emailed links may point (http/origin.ts mailOrigin); null: email is not set up. */
  mailOriginOf: (req: FastifyRequest) => string | null
}

type Form = Record<string, string>
const one = (v: unknown): string => (typeof v === 'string' ? v : '')

function wantsJson(req: FastifyRequest): boolean {
  const accept = req.headers.accept ?? ''
  return accept.includes('application/json') && !accept.includes('text/html')
}

/**
 * The contribution pages: /support (the chooser in any currency), checkout, the test
 * checkout, thanks and cancel pages, "Remind me later", and Stripe's webhook. Never cached:
 * each answers one reader.
 */
export function registerSupportPages(root: FastifyInstance, o: SupportPagesOptions) {
  const { service, show } = o
  const secure = (req: FastifyRequest) => req.protocol === 'https'

  root.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 10_000 },
      (_req, body, done) => {
        const out = Object.create(null) as Form
        for (const [k, v] of new URLSearchParams(String(body))) if (!(k in out)) out[k] = v
        done(null, out)
      },
    )

    scope.get('/support', async (req, reply) => {
      const q = req.query as Record<string, unknown>
      // The reader's own choice wins over what the CDN guessed.
      const country = parseCountry(q['country']) ?? o.countryOf(req)
      const appeal = await service.appealIn(o.language, country)
      if (!appeal) return o.notFound(req, reply)
      return show(
        req,
        reply,
        appeal.headline,
        <SupportPage
          appeal={appeal}
          currency={service.chooseCurrency(appeal, one(q['currency']))}
          siteName={o.siteName}
          values={{ frequency: one(q['frequency']) }}
          testMode={service.testMode}
          country={country}
        />,
      )
    })

    scope.post('/support/checkout', async (req, reply) => {
      const f = (req.body ?? {}) as Form
      const frequency = one(f['frequency'])
      const input = {
        frequency,
        amount: one(f[`amount_${frequency}`]),
        custom: one(f['custom']),
        currency: one(f['currency']),
        method: one(f['method']),
        language: one(f['language']) || o.language,
        country: parseCountry(f['country']) ?? o.countryOf(req) ?? '',
      }
      try {
        const r = await service.startCheckout(input, req.origin)
        if (r.kind === 'redirect')
          return reply.header('cache-control', 'no-store').redirect(r.to, 303)
        return show(
          req,
          reply,
          r.method === 'bank' ? 'Bank transfer' : 'Cryptocurrency',
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
          'Check the amount',
          <SupportPage
            appeal={appeal}
            currency={service.chooseCurrency(appeal, input.currency)}
            siteName={o.siteName}
            values={input}
            problem={err.message}
            testMode={service.testMode}
            country={input.country}
          />,
          err.status,
        )
      }
    })

    scope.post('/support/later', async (req, reply) => {
      const f = (req.body ?? {}) as Form
      return reply
        .header('set-cookie', quietCookie(o.laterDays, o.clock.now(), secure(req)))
        .header('cache-control', 'no-store')
        .redirect(safeBack(f['back']), 303)
    })

    // Stripe sends readers here after paying; the test gateway too. The cookie hides the
    // banner and appeal on this device: no account, nothing about the reader.
    scope.get('/support/thanks', async (req, reply) => {
      reply.header('set-cookie', quietCookie(o.hideDays, o.clock.now(), secure(req)))
      return show(
        req,
        reply,
        'Thank you',
        <ThanksPage siteName={o.siteName} hideDays={o.hideDays} testMode={service.testMode} />,
      )
    })

    // Supporters manage a recurring gift through a link sent to the email the provider gave
    // us: no account, no password.
    // A few requests in ten minutes from one address is a person; more is a script. In memory
    // only: addresses are not stored.
    const limiter = () => {
      const recent = new Map<string, number[]>()
      return (ip: string) => {
        const now = Date.now()
        const times = (recent.get(ip) ?? []).filter((t) => now - t < 10 * 60_000)
        times.push(now)
        recent.set(ip, times)
        if (recent.size > 10_000) recent.clear()
        return times.length > 10
      }
    }
    const tooManyReminders = limiter()
    const tooMany = limiter()
    const months = () =>
      service.reminderMonths().map((m) => ({
        value: m,
        label: new Date(`${m}-01T00:00:00Z`).toLocaleString('en', {
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
        }),
      }))
    const consent = service.reminderConsent('the month I choose')
    scope.get('/support/remind', async (req, reply) =>
      show(req, reply, 'Remind me by email', <ReminderPage months={months()} consent={consent} />),
    )
    scope.post('/support/remind', async (req, reply) => {
      const f = (req.body ?? {}) as Form
      if (tooManyReminders(req.ip))
        return show(
          req,
          reply,
          'Too many requests',
          <ReminderPage
            months={months()}
            consent={consent}
            problem="Too many requests from here. Please wait a few minutes."
          />,
          429,
        )
      try {
        await service.requestReminder({
          email: one(f['email']),
          month: one(f['month']),
          language: o.language,
        })
      } catch (err) {
        if (isAppError(err) && err.status < 500)
          return show(
            req,
            reply,
            'Check the form',
            <ReminderPage months={months()} consent={consent} problem={err.message} />,
            err.status,
          )
        throw err
      }
      // They said "later": the banner and appeal rest on this device too.
      reply.header('set-cookie', quietCookie(o.laterDays, o.clock.now(), secure(req)))
      return show(req, reply, 'Reminder set', <ReminderPage months={[]} sent />)
    })

    scope.get('/support/manage', async (req, reply) =>
      show(req, reply, 'Manage your support', <ManageRequestPage />),
    )
    scope.post('/support/manage', async (req, reply) => {
      const f = (req.body ?? {}) as Form
      if (tooMany(req.ip))
        return show(
          req,
          reply,
          'Too many requests',
          <ManageRequestPage problem="Too many requests from here. Please wait a few minutes." />,
          429,
        )
      const origin = o.mailOriginOf(req)
      if (!origin) {
        req.log.error('PUBLIC_URL is not set: supporter manage links are not sent')
        return show(
          req,
          reply,
          'Not available',
          <ManageRequestPage problem="The newsroom has to finish setting up its email. Please try again later." />,
          503,
        )
      }
      try {
        await service.requestManageLink(one(f['email']), origin)
      } catch (err) {
        if (isAppError(err) && err.status < 500)
          return show(
            req,
            reply,
            'Check the address',
            <ManageRequestPage problem={err.message} />,
            err.status,
          )
        throw err
      }
      return show(req, reply, 'Check your inbox', <ManageRequestPage sent />)
    })
    scope.get<{ Params: { id: string; exp: string; sig: string } }>(
      '/support/manage/:id/:exp/:sig',
      async (req, reply) => {
        const p = req.params
        const c = await service.checkManageLink(p.id, p.exp, p.sig)
        if (!c) return show(req, reply, 'Link expired', <ManageRequestPage expired />, 404)
        return show(
          req,
          reply,
          'Your support',
          <ManageGiftPage contribution={c} action={req.url} />,
        )
      },
    )
    scope.post<{ Params: { id: string; exp: string; sig: string } }>(
      '/support/manage/:id/:exp/:sig',
      async (req, reply) => {
        const p = req.params
        const c = await service.checkManageLink(p.id, p.exp, p.sig)
        if (!c) return show(req, reply, 'Link expired', <ManageRequestPage expired />, 404)
        if (c.provider === 'test') {
          const after = await service.cancelTestGift(c)
          return show(
            req,
            reply,
            'Your support',
            <ManageGiftPage contribution={after ?? c} action={req.url} />,
          )
        }
        const portal = await service.portalFor(c, `${req.origin}/support`)
        if (!portal)
          return show(
            req,
            reply,
            'Your support',
            <ManageGiftPage contribution={c} action={req.url} />,
          )
        return reply.header('cache-control', 'no-store').redirect(portal, 303)
      },
    )

    scope.get('/support/cancelled', async (req, reply) =>
      show(req, reply, 'No payment was made', <CancelledPage />),
    )

    scope.get<{ Params: { ref: string } }>('/support/test-checkout/:ref', async (req, reply) => {
      const c = await service.findTestCheckout(req.params.ref)
      if (!c) return o.notFound(req, reply)
      return show(
        req,
        reply,
        'Test checkout',
        <TestCheckoutPage contribution={c} siteName={o.siteName} />,
      )
    })

    scope.post<{ Params: { ref: string } }>('/support/test-checkout/:ref', async (req, reply) => {
      const f = (req.body ?? {}) as Form
      const outcome = one(f['outcome']) === 'pay' ? 'pay' : 'cancel'
      const c = await service.finishTestCheckout(req.params.ref, outcome, one(f['email']))
      if (!c) return o.notFound(req, reply)
      return reply
        .header('cache-control', 'no-store')
        .redirect(outcome === 'pay' ? '/support/thanks' : '/support/cancelled', 303)
    })
  })

  // The webhook reads the raw bytes: the signature covers them exactly as sent.
  root.register(async (scope) => {
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: 1_000_000 },
      (_req, body, done) => done(null, body),
    )
    scope.post('/webhooks/stripe', async (req, reply) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
      const sig = req.headers['stripe-signature']
      const outcome = await service.handleStripeWebhook(
        raw,
        typeof sig === 'string' ? sig : undefined,
      )
      return reply.header('cache-control', 'no-store').send({ received: true, outcome })
    })
  })
}
