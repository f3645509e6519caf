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
  it('totals per day and month per currency, recurring revenue, new and cancelled', () => {
    const from = new Date('2026-10-30T00:00:00Z')
    const to = new Date('2026-11-02T12:00:00Z')
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
      from,
      to,
    )
    assert.deepEqual(
      d.days.map((x) => x.day),
      ['2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02'],
    )
    assert.deepEqual(d.days[2]!.totals, { EUR: 500, USD: 700 })
    assert.deepEqual(
      d.months.map((m) => [m.month, m.count]),
      [
        ['2026-10', 1],
        ['2026-11', 2],
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
