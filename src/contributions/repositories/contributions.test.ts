import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openTestStorage, skipFor, testDialects } from '../../../test/support/dialects.js'
import type { Storage } from '../../storage/index.js'
import {
  type ContributionStore,
  type NewContribution,
  createContributionStore,
} from './contributions.js'

const NOW = new Date('2026-11-26T12:00:00Z')
const gift: NewContribution = {
  provider: 'stripe',
  method: 'card',
  checkoutRef: 'new_1',
  amount: 500,
  currency: 'EUR',
  frequency: 'monthly',
  language: 'en',
}

for (const dialect of testDialects) {
  describe(`${dialect}: contribution store`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    let repo: ContributionStore
    let id = 0

    before(async () => {
      storage = await openTestStorage(dialect)
      repo = createContributionStore(storage.db)
    })
    after(() => storage?.close())

    const payments = () =>
      storage.db.selectFrom('contribution_payment').select(['ref', 'amount']).execute()

    it('stores a pending contribution and finds it by id or checkout reference', async () => {
      id = await repo.insertContribution(gift, NOW)
      await repo.setCheckoutRef(id, 'cs_123')
      const c = await repo.find({ checkoutRef: 'cs_123' })
      assert.equal(c?.id, id)
      assert.equal(c?.status, 'pending')
      assert.equal(c?.amount, 500)
      assert.equal(c?.createdAt.toISOString(), NOW.toISOString())
      assert.equal(c?.paidAt, null)
      assert.equal((await repo.find({ id }))?.checkoutRef, 'cs_123')
      assert.equal(await repo.find({ checkoutRef: 'new_1' }), undefined)
      assert.equal(await repo.find({ subscriptionRef: '' }), undefined)
    })

    it('applies a provider event once: a replay is a duplicate and changes nothing', async () => {
      const event = { id: 'evt_1', provider: 'stripe' as const, type: 'checkout.session.completed' }
      const r = await repo.onceForEvent(event, NOW, async (tx) => {
        const c = (await tx.find({ id }))!
        await tx.save({
          ...c,
          status: 'active',
          subscriptionRef: 'sub_1',
          paidAt: NOW,
          statusAt: NOW,
        })
        await tx.recordPayment({
          contributionId: id,
          ref: 'first:1',
          kind: 'first',
          amount: 500,
          currency: 'EUR',
          at: NOW,
        })
        await tx.recordPayment({
          contributionId: id,
          ref: 'first:1',
          kind: 'first',
          amount: 500,
          currency: 'EUR',
          at: NOW,
        })
      })
      assert.equal(r, 'applied')
      const again = await repo.onceForEvent(event, NOW, async () => assert.fail('applied twice'))
      assert.equal(again, 'duplicate')
      const c = await repo.find({ subscriptionRef: 'sub_1' })
      assert.equal(c?.status, 'active')
      assert.equal(c?.paidAt?.toISOString(), NOW.toISOString())
      assert.deepEqual(await payments(), [{ ref: 'first:1', amount: 500 }])
    })

    it('leaves neither the event nor the change when applying it fails', async () => {
      const event = { id: 'evt_2', provider: 'stripe' as const, type: 'charge.refunded' }
      await assert.rejects(
        repo.onceForEvent(event, NOW, async (tx) => {
          const c = (await tx.find({ id }))!
          await tx.save({ ...c, status: 'refunded' })
          throw new Error('provider mid-air')
        }),
        /provider mid-air/,
      )
      assert.equal((await repo.find({ id }))?.status, 'active')
      assert.equal(await repo.onceForEvent(event, NOW, async () => {}), 'applied')
    })

    it('deletes a contribution whose checkout never opened', async () => {
      const other = await repo.insertContribution({ ...gift, checkoutRef: 'new_2' }, NOW)
      await repo.deleteContribution(other)
      assert.equal(await repo.find({ id: other }), undefined)
    })
  })
}
