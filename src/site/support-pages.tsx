import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { VNode } from 'preact'
import type { ContributionsService } from '../contributions/index.js'
import type { Clock } from '../lib/clock.js'
import { isAppError } from '../lib/errors.js'
import { parseCountry } from '../contributions/index.js'
import { quietCookie, safeBack } from './support-cookie.js'
import {
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
      const outcome = one(((req.body ?? {}) as Form)['outcome']) === 'pay' ? 'pay' : 'cancel'
      const c = await service.finishTestCheckout(req.params.ref, outcome)
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
