import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openTestStorage, skipFor, testDialects } from '../../test/support/dialects.js'
import type { Storage } from '../storage/index.js'
import { defaultAppeal } from './appeal.js'
import {
  type ContributionsRepository,
  createContributionsRepository,
} from './contributions-repository.js'

const NOW = new Date('2026-11-26T12:00:00Z')

for (const dialect of testDialects) {
  describe(`${dialect}: contributions repository`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    let repo: ContributionsRepository

    before(async () => {
      storage = await openTestStorage(dialect)
      repo = createContributionsRepository(storage.db)
    })
    after(() => storage?.close())

    it('answers for every part over one database', async () => {
      await repo.saveAppeal(defaultAppeal('en', 'The Lantern'), NOW)
      assert.equal((await repo.listAppeals()).length, 1)
      const id = await repo.insertContribution(
        {
          provider: 'test',
          method: 'card',
          checkoutRef: 'test_1',
          amount: 500,
          currency: 'EUR',
          frequency: 'once',
          language: 'en',
        },
        NOW,
      )
      assert.deepEqual(
        (await repo.listPage(10)).map((c) => c.id),
        [id],
      )
      await repo.insertReminder({
        email: 'a@example.org',
        language: 'en',
        month: '2026-12',
        consentText: 'yes',
        now: NOW,
      })
      assert.equal(await repo.countReminders(), 1)
    })
  })
}
