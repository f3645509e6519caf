import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fixedClock } from '../../lib/clock.js'
import { createRevenueService } from './revenue.js'

const NOW = new Date('2026-11-26T15:30:00Z')

describe('revenue', () => {
  it('reads the dashboard from the start of its first day, in UTC', async () => {
    const asked: Date[] = []
    const service = createRevenueService({
      repo: {
        listSince: async (from) => (asked.push(from), []),
        listPaymentsSince: async (from) => (asked.push(from), []),
        listRunning: async () => [],
        listPage: async () => [],
      },
      clock: fixedClock(NOW),
    })
    const d = await service.dashboard(10)
    assert.deepEqual(
      asked.map((a) => a.toISOString()),
      ['2026-11-16T00:00:00.000Z', '2026-11-16T00:00:00.000Z'],
    )
    assert.ok(d)
    await service.dashboard()
    assert.equal(asked[2]!.toISOString(), '2026-09-27T00:00:00.000Z')
  })
})
