import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { type Contribution, applyChange } from './contribution.js'

const base: Contribution = {
  id: 1,
  provider: 'stripe',
  method: 'card',
  checkoutRef: 'cs_1',
  subscriptionRef: null,
  customerRef: null,
  paymentRef: null,
  amount: 500,
  currency: 'EUR',
  frequency: 'monthly',
  status: 'pending',
  email: null,
  language: 'en',
  createdAt: new Date(0),
  paidAt: null,
  cancelledAt: null,
  statusAt: null,
}
const t = (s: number) => new Date(s * 1000)

describe('contribution events', () => {
  it('goes pending → active and keeps the ids and email it is given', () => {
    const c = applyChange(
      base,
      { status: 'active', subscriptionRef: 'sub_1', email: 'a@example.org' },
      t(10),
    )
    assert.equal(c.status, 'active')
    assert.equal(c.subscriptionRef, 'sub_1')
    assert.equal(c.email, 'a@example.org')
    assert.deepEqual(c.paidAt, t(10))
  })

  it('does not let an older event undo a newer one', () => {
    const cancelled = applyChange(
      applyChange(base, { status: 'active' }, t(10)),
      { status: 'cancelled' },
      t(30),
    )
    const late = applyChange(cancelled, { status: 'active', subscriptionRef: 'sub_1' }, t(20))
    assert.equal(late.status, 'cancelled')
    // …but still fills in what it knows.
    assert.equal(late.subscriptionRef, 'sub_1')
  })

  it('lets a cancellation that arrives before the checkout stand', () => {
    const early = applyChange(base, { status: 'cancelled' }, t(30))
    const checkout = applyChange(early, { status: 'active', customerRef: 'cus_1' }, t(10))
    assert.equal(checkout.status, 'cancelled')
    assert.equal(checkout.customerRef, 'cus_1')
  })

  it('records a refund or dispute whenever it comes, and a renewal failure then recovery', () => {
    const paid = applyChange({ ...base, frequency: 'once' }, { status: 'paid' }, t(10))
    assert.equal(applyChange(paid, { status: 'refunded' }, t(5)).status, 'refunded')
    const active = applyChange(base, { status: 'active' }, t(10))
    const failed = applyChange(active, { status: 'past_due' }, t(20))
    assert.equal(failed.status, 'past_due')
    assert.equal(applyChange(failed, { status: 'active' }, t(30)).status, 'active')
  })

  it('takes a new amount from a subscription change but never for a one-time gift', () => {
    const active = applyChange(base, { status: 'active' }, t(10))
    assert.equal(applyChange(active, { status: 'past_due', amount: 900 }, t(20)).amount, 900)
    const once = applyChange({ ...base, frequency: 'once' }, { status: 'paid', amount: 900 }, t(10))
    assert.equal(once.amount, 500)
  })
})
