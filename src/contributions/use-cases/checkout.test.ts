import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openTestStorage, skipFor, testDialects } from '../../../test/support/dialects.js'
import { fixedClock } from '../../lib/clock.js'
import type { Storage } from '../../storage/index.js'
import { defaultAppeal } from '../appeal.js'
import {
  type ContributionsRepository,
  createContributionsRepository,
} from '../contributions-repository.js'
import type { HostedGateway } from '../gateways/gateway.js'
import { createTestGateway } from '../gateways/test-gateway.js'
import { createAppealCache } from './appeals.js'
import { type ChooserInput, createCheckoutService } from './checkout.js'

const NOW = new Date('2026-11-26T12:00:00Z')
const ORIGIN = 'https://news.example'
const input = (over: Partial<ChooserInput> = {}): ChooserInput => ({
  frequency: 'once',
  amount: '1000',
  custom: '',
  currency: 'EUR',
  method: 'card',
  language: 'en',
  ...over,
})
const code = (c: string) => (e: { code?: string }) => e.code === c

for (const dialect of testDialects) {
  describe(`${dialect}: checkout`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    let repo: ContributionsRepository
    const service = (card: HostedGateway | null = createTestGateway()) =>
      createCheckoutService({
        repo,
        appeals: createAppealCache({ repo, defaultLanguage: 'en', hasCard: card !== null }),
        clock: fixedClock(NOW),
        card,
        siteName: 'The Lantern',
      })
    const count = async () => (await repo.listPage(100)).length

    before(async () => {
      storage = await openTestStorage(dialect)
      repo = createContributionsRepository(storage.db)
      await repo.saveAppeal(defaultAppeal('en', 'The Lantern'), NOW)
    })
    after(() => storage?.close())

    it('starts a card checkout: a pending contribution under the gateway’s reference', async () => {
      const out = await service().startCheckout(input({ custom: '12.50' }), ORIGIN)
      assert.equal(out.kind, 'redirect')
      if (out.kind !== 'redirect') return
      const c = await repo.find({ id: out.contributionId })
      assert.equal(c?.status, 'pending')
      assert.equal(c?.amount, 1250)
      assert.equal(out.to, `/support/test-checkout/${c?.checkoutRef}`)
      assert.equal((await service().findTestCheckout(c!.checkoutRef))?.id, c?.id)
      assert.equal(await service().findTestCheckout('cs_not_ours'), undefined)
    })

    it('answers bank transfer with the instructions, storing nothing', async () => {
      const before = await count()
      const out = await service().startCheckout(input({ method: 'bank' }), ORIGIN)
      assert.equal(out.kind, 'instructions')
      assert.equal(out.kind === 'instructions' && out.amount, 1000)
      assert.equal(await count(), before)
    })

    it('refuses bad amounts, frequencies, currencies and methods with their codes', async () => {
      const before = await count()
      const s = service()
      await assert.rejects(
        s.startCheckout(input({ custom: '0.10' }), ORIGIN),
        code('AMOUNT_BELOW_MINIMUM'),
      )
      await assert.rejects(
        s.startCheckout(input({ amount: '999' }), ORIGIN),
        code('AMOUNT_NOT_A_NUMBER'),
      )
      await assert.rejects(
        s.startCheckout(input({ frequency: 'weekly' }), ORIGIN),
        code('FREQUENCY_UNKNOWN'),
      )
      await assert.rejects(
        s.startCheckout(input({ currency: 'XYZ' }), ORIGIN),
        code('CURRENCY_UNKNOWN'),
      )
      await assert.rejects(
        s.startCheckout(input({ method: 'gold' }), ORIGIN),
        code('PAYMENT_METHOD_UNAVAILABLE'),
      )
      await assert.rejects(
        service(null).startCheckout(input(), ORIGIN),
        code('PAYMENT_METHOD_UNAVAILABLE'),
      )
      assert.equal(await count(), before)
    })

    it('keeps nothing when the provider fails to open its page', async () => {
      const before = await count()
      const down: HostedGateway = {
        provider: 'stripe',
        testMode: false,
        createCheckout: async () => {
          throw new Error('connect ECONNREFUSED')
        },
      }
      await assert.rejects(
        service(down).startCheckout(input(), ORIGIN),
        code('PAYMENT_PROVIDER_FAILED'),
      )
      assert.equal(await count(), before)
    })
  })
}
