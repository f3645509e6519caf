import crypto from 'node:crypto'
import type { Method } from '../appeal.js'
import { applyChange } from '../contribution.js'
import type { Frequency } from '../money.js'
import type { ContributionStore } from '../repositories/contributions.js'

/** One gift of the demo's history, paid at `at`, renewed and perhaps stopped later. */
export interface DemoGift {
  amount: number
  currency: string
  frequency: Frequency
  method: Method
  language: string
  email: string
  at: Date
  /** Later payments of a recurring gift. */
  renewals: readonly Date[]
  cancelledAt?: Date
}

/** The demo's contribution history: the test provider's records, as its gateway leaves them. */
export interface DemoGifts {
  /**
   * Writes one paid gift with its payments, every reference starting `demo_` and the provider
   * `test`, so nobody mistakes them for money; the id of the contribution.
   */
  recordDemoGift(g: DemoGift): Promise<number>
}

export function createDemoGifts(deps: {
  repo: Pick<ContributionStore, 'insertContribution' | 'setCheckoutRef' | 'onceForEvent'>
}): DemoGifts {
  const { repo } = deps
  return {
    async recordDemoGift(g) {
      const id = await repo.insertContribution(
        {
          provider: 'test',
          method: g.method,
          checkoutRef: `demo_new_${crypto.randomUUID()}`,
          amount: g.amount,
          currency: g.currency,
          frequency: g.frequency,
          language: g.language,
        },
        g.at,
      )
      await repo.setCheckoutRef(id, `demo_${id}`)
      const once = g.frequency === 'once'
      await repo.onceForEvent(
        { id: `demo_${id}:paid`, provider: 'test', type: 'demo.paid' },
        g.at,
        async (tx) => {
          const current = (await tx.find({ id }))!
          const paid = applyChange(
            current,
            {
              status: once ? 'paid' : 'active',
              subscriptionRef: once ? null : `demo_sub_${id}`,
              email: g.email,
            },
            g.at,
          )
          const payment = { contributionId: id, amount: g.amount, currency: g.currency }
          await tx.recordPayment({ ...payment, ref: `demo_${id}_first`, kind: 'first', at: g.at })
          for (const [i, at] of g.renewals.entries())
            await tx.recordPayment({
              ...payment,
              ref: `demo_${id}_renewal_${i}`,
              kind: 'renewal',
              at,
            })
          await tx.save(
            g.cancelledAt ? applyChange(paid, { status: 'cancelled' }, g.cancelledAt) : paid,
          )
        },
      )
      return id
    },
  }
}
