import type { ContributionChange, ContributionStatus } from './contribution.js'
import type { ContributionLookup } from './contributions-repository.js'

/**
 * What a Stripe event means for our records: which contribution it is about and what
 * changed. Read defensively from plain JSON (fields moved between API versions), so an
 * event we do not understand is recorded and ignored, never an error.
 */
export interface StripeEventMeaning {
  lookup: ContributionLookup
  change: ContributionChange
  /** Money that moved with this event beyond the first payment: a renewal or a refund. */
  payment?: { ref: string; kind: 'renewal' | 'refund'; amount: number }
}

const amountOf = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : undefined

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {})
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.length > 0 && v.length < 256 ? v : undefined
/** An id or an expanded object's id. */
const ref = (v: unknown): string | undefined => str(v) ?? str(obj(v)['id'])
const contributionId = (metadata: unknown): number | undefined => {
  const v = str(obj(metadata)['contribution_id'])
  return v && /^[1-9][0-9]{0,11}$/.test(v) ? Number(v) : undefined
}

const SUBSCRIPTION_STATUS: Record<string, ContributionStatus> = {
  active: 'active',
  trialing: 'active',
  past_due: 'past_due',
  unpaid: 'past_due',
  canceled: 'cancelled',
  incomplete_expired: 'expired',
}

export function meaningOf(event: {
  type: string
  data: { object: unknown }
}): StripeEventMeaning | undefined {
  const o = obj(event.data.object)
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
    case 'checkout.session.async_payment_failed':
    case 'checkout.session.expired': {
      const lookup = { id: contributionId(o['metadata']), checkoutRef: str(o['id']) }
      const subscription = ref(o['subscription'])
      const paid = o['payment_status'] === 'paid' || o['payment_status'] === 'no_payment_required'
      const status: ContributionStatus | undefined =
        event.type === 'checkout.session.expired'
          ? 'expired'
          : event.type === 'checkout.session.async_payment_failed'
            ? 'failed'
            : paid
              ? subscription
                ? 'active'
                : 'paid'
              : undefined
      return {
        lookup,
        change: {
          ...(status ? { status } : {}),
          subscriptionRef: subscription ?? null,
          customerRef: ref(o['customer']) ?? null,
          paymentRef: ref(o['payment_intent']) ?? null,
          // Only the email; the provider's copy of name and address stays with the provider.
          email: str(obj(o['customer_details'])['email']) ?? null,
        },
      }
    }
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted': {
      const item = obj((obj(o['items'])['data'] as unknown[] | undefined)?.[0])
      const unit = obj(item['price'])['unit_amount']
      const status =
        event.type === 'customer.subscription.deleted'
          ? 'cancelled'
          : SUBSCRIPTION_STATUS[String(o['status'])]
      return {
        lookup: { id: contributionId(o['metadata']), subscriptionRef: str(o['id']) },
        change: {
          ...(status ? { status } : {}),
          subscriptionRef: str(o['id']) ?? null,
          customerRef: ref(o['customer']) ?? null,
          ...(typeof unit === 'number' && Number.isSafeInteger(unit) && unit > 0
            ? { amount: unit }
            : {}),
        },
      }
    }
    case 'invoice.payment_failed':
    case 'invoice.paid': {
      // The subscription moved under parent.subscription_details in newer API versions.
      const details = obj(obj(o['parent'])['subscription_details'])
      const subscription = ref(details['subscription']) ?? ref(o['subscription'])
      if (!subscription) return undefined
      const paid = amountOf(o['amount_paid'])
      const invoice = str(o['id'])
      // The first invoice is the checkout's payment, counted when the checkout completes.
      const renewal =
        event.type === 'invoice.paid' &&
        o['billing_reason'] === 'subscription_cycle' &&
        paid &&
        invoice
      return {
        lookup: { id: contributionId(details['metadata']), subscriptionRef: subscription },
        change: { status: event.type === 'invoice.paid' ? 'active' : 'past_due' },
        ...(renewal ? { payment: { ref: invoice, kind: 'renewal' as const, amount: paid } } : {}),
      }
    }
    case 'charge.refunded': {
      if (o['refunded'] !== true) return undefined // a partial refund leaves the gift standing
      const back = amountOf(o['amount_refunded'])
      const charge = str(o['id'])
      return {
        lookup: { id: contributionId(o['metadata']), paymentRef: ref(o['payment_intent']) },
        change: { status: 'refunded' },
        ...(back && charge
          ? { payment: { ref: `refund:${charge}`, kind: 'refund' as const, amount: -back } }
          : {}),
      }
    }
    case 'charge.dispute.created':
      return {
        lookup: { paymentRef: ref(o['payment_intent']) },
        change: { status: 'disputed' },
      }
    default:
      return undefined
  }
}
