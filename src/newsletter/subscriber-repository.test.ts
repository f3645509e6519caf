import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openTestStorage, skipFor, testDialects } from '../../test/support/dialects.js'
import { addNewsletter, addSubscription } from '../../test/support/newsletter.js'
import type { Storage } from '../storage/index.js'
import { type SubscriberRepository, createSubscriberRepository } from './subscriber-repository.js'

const NOW = new Date('2026-11-26T12:00:00Z')

for (const dialect of testDialects) {
  describe(`${dialect}: subscriber repository`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    let repo: SubscriberRepository

    before(async () => {
      storage = await openTestStorage(dialect)
      repo = createSubscriberRepository(storage.db)
    })
    after(() => storage?.close())

    it('answers for every part over one database: lists, suppressions and the file', async () => {
      const nl = await addNewsletter(storage, 'weekly', NOW)
      await addSubscription(storage, nl, 'a@example.org', 'confirmed', NOW)
      assert.equal((await repo.deliverableRecipients(nl).execute()).length, 1)
      await repo.suppress([{ email: 'a@example.org', reason: 'manual', detail: '' }], 'admin', NOW)
      assert.deepEqual(await repo.deliverableRecipients(nl).execute(), [])
      assert.equal((await repo.exportPage([0, 0], 10))[0]?.email, 'a@example.org')
    })
  })
}
