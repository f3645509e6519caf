import type { FastifyInstance } from 'fastify'
import type { ContributionsService } from '../contributions/index.js'

/** Stripe's events are a few kilobytes; a megabyte leaves room and no more. */
const BODY_LIMIT = 1_000_000

export interface StripeWebhookOptions {
  contributions: Pick<ContributionsService, 'handleStripeWebhook'>
}

/**
 * POST /webhooks/stripe: payment events from Stripe. The body is kept as the bytes received, as
 * the signature covers them exactly as sent; the contributions service checks it and applies
 * each event once. Answers JSON; refusals are AppErrors (PAYMENT_SIGNATURE_INVALID,
 * WEBHOOKS_NOT_CONFIGURED) answered by http/errors.ts.
 */
export function registerStripeWebhook(app: FastifyInstance, opts: StripeWebhookOptions): void {
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: BODY_LIMIT },
      (_req, body, done) => done(null, body),
    )
    scope.post('/webhooks/stripe', async (req, reply) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
      const sig = req.headers['stripe-signature']
      const outcome = await opts.contributions.handleStripeWebhook(
        raw,
        typeof sig === 'string' ? sig : undefined,
      )
      return reply.header('cache-control', 'no-store').send({ received: true, outcome })
    })
  })
}
