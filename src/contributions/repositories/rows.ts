import type { Selectable } from 'kysely'
import type { ContributionTable } from '../../storage/index.js'
import type { Method } from '../appeal.js'
import type { Contribution, ContributionStatus, Provider } from '../contribution.js'

/** Money in or out for one contribution: the first payment, a renewal, a refund. */
export interface Payment {
  contributionId: number
  ref: string
  kind: 'first' | 'renewal' | 'refund'
  amount: number
  currency: string
  at: Date
}

const time = (v: number | null) => (v === null ? null : new Date(Number(v)))

export function toContribution(r: Selectable<ContributionTable>): Contribution {
  return {
    id: Number(r.id),
    provider: r.provider as Provider,
    method: r.method as Method,
    checkoutRef: r.checkout_ref,
    subscriptionRef: r.subscription_ref,
    customerRef: r.customer_ref,
    paymentRef: r.payment_ref,
    amount: Number(r.amount),
    currency: r.currency,
    frequency: r.frequency,
    status: r.status as ContributionStatus,
    email: r.email,
    language: r.language,
    createdAt: new Date(Number(r.created_at)),
    paidAt: time(r.paid_at),
    cancelledAt: time(r.cancelled_at),
    statusAt: time(r.status_at),
  }
}
