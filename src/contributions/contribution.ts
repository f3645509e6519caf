import type { Method } from './appeal.js'
import type { Frequency } from './money.js'

/**
 * A Contribution: one reader's gift, once or recurring, as the payment provider reports it.
 * Only what the newsroom needs to thank, count and manage it is kept: never a postal
 * address, never an IP address; an email only when the provider hands one over.
 */

export const CONTRIBUTION_STATUSES = [
  /** Checkout started; the reader has not paid (yet). */
  'pending',
  /** A one-time gift was paid. */
  'paid',
  /** A recurring gift is running. */
  'active',
  /** A renewal failed; the provider is retrying. */
  'past_due',
  /** A recurring gift was stopped (by the reader, the newsroom or the provider). */
  'cancelled',
  'refunded',
  'disputed',
  /** The payment failed (an asynchronous method declined). */
  'failed',
  /** The reader left the checkout and it ran out. */
  'expired',
] as const
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number]

export type Provider = 'stripe' | 'test'

export interface Contribution {
  id: number
  provider: Provider
  method: Method
  /** The provider's checkout id (Stripe: cs_…; test: test_…). */
  checkoutRef: string
  subscriptionRef: string | null
  customerRef: string | null
  paymentRef: string | null
  amount: number
  currency: string
  frequency: Frequency
  status: ContributionStatus
  email: string | null
  language: string
  createdAt: Date
  paidAt: Date | null
  cancelledAt: Date | null
  /** When the provider made the event that last set the status: older events cannot undo it. */
  statusAt: Date | null
}

/** What one provider event says about a contribution; absent fields say nothing. */
export interface ContributionChange {
  status?: ContributionStatus
  subscriptionRef?: string | null
  customerRef?: string | null
  paymentRef?: string | null
  email?: string | null
  amount?: number
}

/**
 * Statuses that only a later, deliberate act can leave: a refund or a dispute is not undone
 * by a late "paid", and a cancelled gift does not restart because an old "active" arrived.
 */
const FINAL: readonly ContributionStatus[] = ['refunded', 'disputed', 'cancelled', 'expired']

/**
 * Applies a provider event to a contribution. Events may arrive late, twice or out of order:
 * ids and the email are filled whenever an event carries them; the status moves only when
 * the event is not older than the one that set the current status, and never out of a
 * final status except by a refund or dispute.
 */
export function applyChange(
  c: Contribution,
  change: ContributionChange,
  eventAt: Date,
): Contribution {
  const next: Contribution = { ...c }
  if (change.subscriptionRef) next.subscriptionRef ??= change.subscriptionRef
  if (change.customerRef) next.customerRef ??= change.customerRef
  if (change.paymentRef) next.paymentRef ??= change.paymentRef
  if (change.email) next.email ??= change.email.slice(0, 254)
  const to = change.status
  if (!to || to === c.status) return next
  const newer = c.statusAt === null || eventAt.getTime() >= c.statusAt.getTime()
  const fromFinal = FINAL.includes(c.status)
  const allowed =
    (to === 'refunded' || to === 'disputed') && c.status !== 'refunded'
      ? true
      : c.status === 'pending'
        ? true
        : newer && !fromFinal && !(to === 'expired' || to === 'pending')
  if (!allowed) return next
  next.status = to
  next.statusAt = eventAt
  if (change.amount && change.amount > 0 && c.frequency !== 'once') next.amount = change.amount
  if ((to === 'paid' || to === 'active') && !c.paidAt) next.paidAt = eventAt
  if (to === 'cancelled' && !c.cancelledAt) next.cancelledAt = eventAt
  return next
}

/** A contribution that counts as money in (for the dashboard and the supporter's thanks). */
export function isPaid(s: ContributionStatus): boolean {
  return s === 'paid' || s === 'active' || s === 'past_due' || s === 'cancelled'
}
