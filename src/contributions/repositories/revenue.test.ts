import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openTestStorage, skipFor, testDialects } from '../../../test/support/dialects.js'
import type { Storage } from '../../storage/index.js'
import type { ContributionStatus } from '../contribution.js'
import type { Frequency } from '../money.js'
import { createContributionStore } from './contributions.js'
import { type RevenueReads, createRevenueReads } from './revenue.js'

const DAY = 86_400_000
const NOW = new Date('2026-11-26T12:00:00Z')
const ago = (days: number) => new Date(NOW.getTime() - days * DAY)

for (const dialect of testDialects) {
  describe(`${dialect}: revenue reads`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    let repo: RevenueReads
    const ids: Record<string, number> = {}

    /** A contribution moved to its state through a provider event, as in production. */
    async function add(
      name: string,
      frequency: Frequency,
      status: ContributionStatus,
      at: { paid?: Date; cancelled?: Date; email?: string },
    ) {
      const store = createContributionStore(storage.db)
      const id = await store.insertContribution(
        {
          provider: 'test',
          method: 'card',
          checkoutRef: `test_${name}`,
          amount: 500,
          currency: 'EUR',
          frequency,
          language: 'en',
        },
        ago(90),
      )
      await store.onceForEvent(
        { id: `e_${name}`, provider: 'test', type: 'test' },
        NOW,
        async (tx) => {
          const c = (await tx.find({ id }))!
          await tx.save({
            ...c,
            status,
            email: at.email ?? null,
            paidAt: at.paid ?? null,
            cancelledAt: at.cancelled ?? null,
          })
          if (at.paid)
            await tx.recordPayment({
              contributionId: id,
              ref: `first:${id}`,
              kind: 'first',
              amount: 500,
              currency: 'EUR',
              at: at.paid,
            })
        },
      )
      ids[name] = id
    }

    before(async () => {
      storage = await openTestStorage(dialect)
      repo = createRevenueReads(storage.db)
      await add('old', 'once', 'paid', { paid: ago(80) })
      await add('recent', 'once', 'paid', { paid: ago(5) })
      await add('monthly', 'monthly', 'active', { paid: ago(40), email: 'sam@example.org' })
      await add('late', 'annual', 'past_due', { paid: ago(70), email: 'sam@example.org' })
      await add('stopped', 'monthly', 'cancelled', {
        paid: ago(70),
        cancelled: ago(3),
        email: 'sam@example.org',
      })
    })
    after(() => storage?.close())

    it('lists what was paid or cancelled since a date, and the payments since then', async () => {
      assert.deepEqual(
        (await repo.listSince(ago(60))).map((c) => c.id),
        [ids['recent'], ids['monthly'], ids['stopped']],
      )
      const payments = await repo.listPaymentsSince(ago(60))
      assert.deepEqual(
        payments.map((p) => p.contributionId),
        [ids['monthly'], ids['recent']],
      )
      assert.equal(payments[0]!.at.toISOString(), ago(40).toISOString())
    })

    it('lists recurring gifts still running, also by the supporter’s address', async () => {
      assert.deepEqual(
        (await repo.listRunning()).map((c) => c.id).sort((a, b) => a - b),
        [ids['monthly'], ids['late']],
      )
      assert.deepEqual(
        (await repo.listRunningByEmail('sam@example.org')).map((c) => c.id),
        [ids['monthly'], ids['late']],
      )
      assert.deepEqual(await repo.listRunningByEmail('nobody@example.org'), [])
    })

    it('pages the export newest first, and counts', async () => {
      const first = await repo.listPage(2)
      assert.deepEqual(
        first.map((c) => c.id),
        [ids['stopped'], ids['late']],
      )
      assert.deepEqual(
        (await repo.listPage(10, first[1]!.id)).map((c) => c.id),
        [ids['monthly'], ids['recent'], ids['old']],
      )
      assert.equal(await repo.countContributions(), 5)
      assert.equal(await repo.countEvents(), 5)
    })
  })
}
