import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openTestStorage, skipFor, testDialects } from '../../test/support/dialects.js'
import { fixedClock } from '../lib/clock.js'
import type { Storage } from '../storage/index.js'
import { defaultAppeal } from './appeal.js'
import { createContributionsRepository } from './contributions-repository.js'
import { type ContributionsService, createContributionsService } from './contributions-service.js'
import { createTestGateway } from './gateways/test-gateway.js'

const NOW = new Date('2026-11-26T12:00:00Z')

for (const dialect of testDialects) {
  describe(`${dialect}: contributions service`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    let service: ContributionsService

    before(async () => {
      storage = await openTestStorage(dialect)
      service = createContributionsService({
        repo: createContributionsRepository(storage.db),
        clock: fixedClock(NOW),
        card: createTestGateway(),
        siteName: 'The Lantern',
        defaultCurrency: 'EUR',
        defaultLanguage: 'en',
      })
    })
    after(() => storage?.close())

    it('lets checkout see an appeal the moment it is saved, and pays through the test gateway', async () => {
      assert.equal(service.testMode, true)
      await assert.rejects(
        service.startCheckout(
          {
            frequency: 'once',
            amount: '1000',
            custom: '',
            currency: 'EUR',
            method: 'card',
            language: 'en',
          },
          'https://news.example',
        ),
        (e: { code?: string }) => e.code === 'NOT_FOUND',
      )
      await service.saveAppeal(defaultAppeal('en', 'The Lantern'))
      const out = await service.startCheckout(
        {
          frequency: 'once',
          amount: '1000',
          custom: '',
          currency: 'EUR',
          method: 'card',
          language: 'en',
        },
        'https://news.example',
      )
      assert.equal(out.kind, 'redirect')
      const ref = out.kind === 'redirect' ? out.to.split('/').at(-1)! : ''
      assert.equal((await service.finishTestCheckout(ref, 'pay'))?.status, 'paid')
      const d = await service.dashboard(1)
      assert.equal(d.newSupporters, 1)
    })
  })
}
