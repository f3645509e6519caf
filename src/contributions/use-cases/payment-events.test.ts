import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import Stripe from 'stripe'
import { openTestStorage, skipFor, testDialects } from '../../../test/support/dialects.js'
import { fixedClock } from '../../lib/clock.js'
import type { Storage } from '../../storage/index.js'
import {
  type ContributionsRepository,
  createContributionsRepository,
} from '../contributions-repository.js'
import { createPaymentEvents } from './payment-events.js'

const NOW = new Date('2026-11-26T12:00:00Z')
const SECRET = 'whsec_unit'
// Only the signing helper is used: this client never makes a request.
const signer = new Stripe('sk_test_signer', { telemetry: false })
const code = (c: string) => (e: { code?: string }) => e.code === c

for (const dialect of testDialects) {
  describe(`${dialect}: payment events`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    let repo: ContributionsRepository
    let seq = 0

    const events = (stripe = { secretKey: 'sk_test_x', webhookSecret: SECRET }) =>
      createPaymentEvents({ repo, clock: fixedClock(NOW), stripe })
    const gift = async (frequency: 'once' | 'monthly', provider: 'test' | 'stripe') =>
      repo.insertContribution(
        {
          provider,
          method: 'card',
          checkoutRef: provider === 'test' ? `test_${'a'.repeat(15)}${++seq}` : `cs_${++seq}`,
          amount: 700,
          currency: 'EUR',
          frequency,
          language: 'en',
        },
        NOW,
      )
    const signed = (type: string, object: object) => {
      const payload = JSON.stringify({
        id: `evt_unit_${++seq}`,
        object: 'event',
        type,
        created: Math.floor(NOW.getTime() / 1000),
        data: { object },
      })
      const header = signer.webhooks.generateTestHeaderString({
        payload,
        secret: SECRET,
        timestamp: Math.floor(NOW.getTime() / 1000),
      })
      return [Buffer.from(payload), header] as const
    }

    before(async () => {
      storage = await openTestStorage(dialect)
      repo = createContributionsRepository(storage.db)
    })
    after(() => storage?.close())

    it('applies the test gateway’s Pay once, counting the first payment, with a real email only', async () => {
      const id = await gift('monthly', 'test')
      const ref = (await repo.find({ id }))!.checkoutRef
      const paid = await events().finishTestCheckout(ref, 'pay', ' Sam@Example.org ')
      assert.equal(paid?.status, 'active')
      assert.equal(paid?.email, 'sam@example.org')
      assert.equal(paid?.subscriptionRef, `test_sub_${id}`)
      const again = await events().finishTestCheckout(ref, 'pay', 'other@example.org')
      assert.equal(again?.email, 'sam@example.org')
      assert.equal(
        (await repo.listPaymentsSince(NOW)).filter((p) => p.contributionId === id).length,
        1,
      )
      const other = await gift('once', 'test')
      const ref2 = (await repo.find({ id: other }))!.checkoutRef
      assert.equal((await events().finishTestCheckout(ref2, 'pay', 'not an address'))?.email, null)
      assert.equal(await events().finishTestCheckout('cs_unknown', 'pay'), undefined)
    })

    it('cancels a test gift, and leaves a gift of another provider alone', async () => {
      const id = await gift('monthly', 'test')
      const c = (await repo.find({ id }))!
      await events().finishTestCheckout(c.checkoutRef, 'pay')
      assert.equal((await events().cancelTestGift(c))?.status, 'cancelled')
      const stripeGift = (await repo.find({ id: await gift('monthly', 'stripe') }))!
      assert.equal(await events().cancelTestGift(stripeGift), undefined)
    })

    it('applies a signed Stripe event once, and ignores one it does not act on', async () => {
      const id = await gift('once', 'stripe')
      const ref = (await repo.find({ id }))!.checkoutRef
      const [body, header] = signed('checkout.session.completed', {
        id: ref,
        payment_status: 'paid',
        metadata: { contribution_id: String(id) },
      })
      assert.equal(await events().handleStripeWebhook(body, header), 'applied')
      assert.equal(await events().handleStripeWebhook(body, header), 'duplicate')
      assert.equal((await repo.find({ id }))?.status, 'paid')
      const [other, h2] = signed('customer.created', { id: 'cus_1' })
      assert.equal(await events().handleStripeWebhook(other, h2), 'ignored')
    })

    it('refuses unsigned, wrongly signed and unconfigured webhooks', async () => {
      const [body, header] = signed('checkout.session.completed', { id: 'cs_x' })
      await assert.rejects(
        events().handleStripeWebhook(body, undefined),
        code('PAYMENT_SIGNATURE_INVALID'),
      )
      await assert.rejects(
        events().handleStripeWebhook(Buffer.from(`${body.toString()} `), header),
        code('PAYMENT_SIGNATURE_INVALID'),
      )
      await assert.rejects(
        createPaymentEvents({ repo, clock: fixedClock(NOW) }).handleStripeWebhook(body, header),
        code('WEBHOOKS_NOT_CONFIGURED'),
      )
    })
  })
}
