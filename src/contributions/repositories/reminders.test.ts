import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openTestStorage, skipFor, testDialects } from '../../../test/support/dialects.js'
import type { Storage } from '../../storage/index.js'
import { type ReminderStore, createReminderStore } from './reminders.js'

const NOW = new Date('2026-11-26T12:00:00Z')

for (const dialect of testDialects) {
  describe(`${dialect}: reminder store`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    let repo: ReminderStore

    before(async () => {
      storage = await openTestStorage(dialect)
      repo = createReminderStore(storage.db)
    })
    after(() => storage?.close())

    it('hands out each due reminder once, deleting it, and leaves later ones', async () => {
      const base = { language: 'en', consentText: 'Remind me', now: NOW }
      await repo.insertReminder({ ...base, email: 'a@example.org', month: '2026-12' })
      await repo.insertReminder({ ...base, email: 'b@example.org', month: '2027-01' })
      await repo.insertReminder({ ...base, email: 'c@example.org', month: '2027-03' })
      assert.equal(await repo.countReminders(), 3)
      assert.deepEqual(await repo.takeDueReminder('2027-01'), {
        email: 'a@example.org',
        language: 'en',
        month: '2026-12',
      })
      assert.equal((await repo.takeDueReminder('2027-01'))?.email, 'b@example.org')
      assert.equal(await repo.takeDueReminder('2027-01'), undefined)
      assert.equal(await repo.countReminders(), 1)
    })
  })
}
