import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Contribution } from './contribution.js'
import { csvField, summarise } from './dashboard.js'

const gift = (over: Partial<Contribution>): Contribution => ({
  id: 1,
  provider: 'test',
  method: 'card',
  checkoutRef: 'x',
  subscriptionRef: null,
  customerRef: null,
  paymentRef: null,
  amount: 500,
  currency: 'EUR',
  frequency: 'once',
  status: 'paid',
  email: null,
  language: 'en',
  createdAt: new Date('2026-11-01T00:00:00Z'),
  paidAt: new Date('2026-11-01T10:00:00Z'),
  cancelledAt: null,
  statusAt: null,
  ...over,
})

describe('revenue dashboard', () => {
  it('totals money in per day and month per currency, recurring revenue, new and cancelled', () => {
    const from = new Date('2026-10-30T00:00:00Z')
    const to = new Date('2026-11-02T12:00:00Z')
    const pay = (
      at: string,
      amount: number,
      currency = 'EUR',
      kind: 'first' | 'renewal' | 'refund' = 'first',
    ) => ({
      contributionId: 1,
      ref: `${at}${amount}`,
      kind,
      amount,
      currency,
      at: new Date(at),
    })
    const d = summarise(
      [
        gift({}),
        gift({ amount: 700, currency: 'USD' }),
        gift({
          paidAt: new Date('2026-10-31T08:00:00Z'),
          frequency: 'monthly',
          status: 'cancelled',
          cancelledAt: new Date('2026-11-02T00:00:00Z'),
        }),
      ],
      [gift({ frequency: 'monthly', amount: 300 }), gift({ frequency: 'annual', amount: 1200 })],
      [
        pay('2026-10-31T08:00:00Z', 500),
        pay('2026-11-01T10:00:00Z', 500),
        pay('2026-11-01T10:00:00Z', 700, 'USD'),
        pay('2026-11-01T11:00:00Z', 300, 'EUR', 'renewal'),
        pay('2026-11-02T09:00:00Z', -500, 'EUR', 'refund'),
        pay('2026-09-01T00:00:00Z', 999),
      ],
      from,
      to,
    )
    assert.deepEqual(
      d.days.map((x) => x.day),
      ['2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02'],
    )
    assert.deepEqual(d.days[2]!.totals, { EUR: 800, USD: 700 })
    assert.equal(d.days[2]!.count, 3)
    assert.deepEqual(d.days[3]!.totals, { EUR: -500 })
    assert.deepEqual(
      d.months.map((m) => [m.month, m.count, m.totals['EUR']]),
      [
        ['2026-10', 1, 500],
        ['2026-11', 3, 300],
      ],
    )
    assert.deepEqual(d.recurring, { EUR: 400 })
    assert.equal(d.newSupporters, 3)
    assert.equal(d.cancelled, 1)
  })

  it('writes CSV fields a spreadsheet will not run as formulas', () => {
    assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`)
    assert.equal(csvField('a,b'), '"a,b"')
    assert.equal(csvField(null), '')
    assert.equal(csvField(12), '12')
  })
})
