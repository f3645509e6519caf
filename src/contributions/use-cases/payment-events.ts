import type Stripe from 'stripe'
import { isEmailAddress } from '../../email/index.js'
import type { Clock } from '../../lib/clock.js'
import { AppError } from '../../lib/errors.js'
import { type Contribution, applyChange } from '../contribution.js'
import { loadStripe } from '../gateways/stripe-gateway.js'
import type { ContributionStore, EventTransaction } from '../repositories/contributions.js'
import type { Payment } from '../repositories/rows.js'
import { meaningOf } from '../stripe-events.js'
import { findTestCheckout } from './checkout.js'

/** Where a Stripe webhook is checked: the signing secret, and the API for a test server. */
export interface StripeSettings {
  secretKey: string
  webhookSecret?: string | undefined
  apiUrl?: string | undefined
}

/**
 * Provider events moving contributions: Stripe's signed webhooks, and the test gateway's
 * buttons applied the same way. Each event is applied once, late and repeated ones safely.
 */
export interface PaymentEvents {
  /** The test gateway's "Pay" or "Cancel", applied as Stripe's events would be. */
  finishTestCheckout(
    ref: string,
    outcome: 'pay' | 'cancel',
    email?: string,
  ): Promise<Contribution | undefined>
  /**
   * POST /webhooks/stripe: the signature is checked on the raw bytes, then the event is
   * applied once. Late, repeated and out-of-order events are safe (contribution.ts).
   */
  handleStripeWebhook(
    raw: Buffer,
    signature: string | undefined,
  ): Promise<'applied' | 'duplicate' | 'ignored'>
  /** Stops a test-gateway gift (Stripe gifts are stopped in Stripe's portal, then by webhook). */
  cancelTestGift(c: Contribution): Promise<Contribution | undefined>
}

/** Saves a changed contribution; its first payment is counted the moment it is first paid. */
async function settle(
  tx: EventTransaction,
  before: Contribution,
  next: Contribution,
): Promise<void> {
  await tx.save(next)
  if (!before.paidAt && next.paidAt) {
    await tx.recordPayment({
      contributionId: next.id,
      ref: `first:${next.id}`,
      kind: 'first',
      amount: next.amount,
      currency: next.currency,
      at: next.paidAt,
    } satisfies Payment)
  }
}

/** Stripe's default: a signature older than five minutes is refused (replays). */
const SIGNATURE_TOLERANCE_S = 300

export function createPaymentEvents(deps: {
  repo: Pick<ContributionStore, 'find' | 'onceForEvent'>
  clock: Clock
  stripe?: StripeSettings | undefined
  log?: { warn(o: object, m: string): void } | undefined
}): PaymentEvents {
  const { repo, clock } = deps
  let stripeClient: Promise<Stripe> | undefined
  return {
    async finishTestCheckout(
      ref: string,
      outcome: 'pay' | 'cancel',
      email = '',
    ): Promise<Contribution | undefined> {
      // As a provider would: the email only if the reader gave one, and a real address.
      const given = email.trim().toLowerCase()
      const checkedEmail = isEmailAddress(given) ? given : null
      const c = await findTestCheckout(repo, ref)
      if (!c) return undefined
      const now = clock.now()
      let saved: Contribution | undefined
      await repo.onceForEvent(
        {
          id: `${ref}:${outcome}`,
          provider: 'test',
          type: outcome === 'pay' ? 'test.paid' : 'test.cancelled',
        },
        now,
        async (tx) => {
          const current = (await tx.find({ id: c.id }))!
          const next = applyChange(
            current,
            outcome === 'pay'
              ? {
                  status: c.frequency === 'once' ? 'paid' : 'active',
                  subscriptionRef: c.frequency === 'once' ? null : `test_sub_${c.id}`,
                  email: checkedEmail,
                }
              : { status: 'expired' },
            now,
          )
          await settle(tx, current, next)
          saved = next
        },
      )
      return saved ?? (await repo.find({ id: c.id }))
    },

    /**
     * POST /webhooks/stripe: the signature is checked on the raw bytes, then the event is
     * applied once. Late, repeated and out-of-order events are safe (contribution.ts).
     */
    async handleStripeWebhook(
      raw: Buffer,
      signature: string | undefined,
    ): Promise<'applied' | 'duplicate' | 'ignored'> {
      const s = deps.stripe
      if (!s?.webhookSecret)
        throw new AppError('WEBHOOKS_NOT_CONFIGURED', {
          status: 503,
          message: 'Stripe webhooks are not configured (STRIPE_WEBHOOK_SECRET).',
        })
      if (!signature)
        throw new AppError('PAYMENT_SIGNATURE_INVALID', {
          status: 400,
          message: 'The Stripe-Signature header is missing.',
        })
      const stripe = await (stripeClient ??= loadStripe(s))
      let event: Stripe.Event
      try {
        event = stripe.webhooks.constructEvent(
          raw,
          signature,
          s.webhookSecret,
          SIGNATURE_TOLERANCE_S,
          undefined,
          // Milliseconds: the SDK measures the signature's age against this, not its own clock.
          clock.now().getTime(),
        )
      } catch (err) {
        throw new AppError('PAYMENT_SIGNATURE_INVALID', {
          status: 400,
          message: 'The signature does not match this body, this secret or this time.',
          cause: err,
        })
      }
      const meaning = meaningOf(event as unknown as { type: string; data: { object: unknown } })
      const eventAt = new Date(Number(event.created) * 1000)
      let ignored = !meaning
      const r = await repo.onceForEvent(
        { id: event.id, provider: 'stripe', type: event.type },
        clock.now(),
        async (tx) => {
          if (!meaning) return
          const c = await tx.find(meaning.lookup)
          if (!c) {
            ignored = true
            deps.log?.warn(
              { type: event.type, event: event.id },
              'webhook for no known contribution',
            )
            return
          }
          await settle(tx, c, applyChange(c, meaning.change, eventAt))
          if (meaning.payment)
            await tx.recordPayment({
              contributionId: c.id,
              ...meaning.payment,
              currency: c.currency,
              at: eventAt,
            })
        },
      )
      return r === 'duplicate' ? 'duplicate' : ignored ? 'ignored' : 'applied'
    },
    /** Stops a test-gateway gift (Stripe gifts are stopped in Stripe's portal, then by webhook). */
    async cancelTestGift(c: Contribution): Promise<Contribution | undefined> {
      if (c.provider !== 'test') return undefined
      const now = clock.now()
      await repo.onceForEvent(
        { id: `test_cancel_${c.id}`, provider: 'test', type: 'test.subscription_cancelled' },
        now,
        async (tx) => {
          const current = await tx.find({ id: c.id })
          if (current) await settle(tx, current, applyChange(current, { status: 'cancelled' }, now))
        },
      )
      return repo.find({ id: c.id })
    },
  }
}
