import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openTestStorage, skipFor, testDialects } from '../../../test/support/dialects.js'
import { addNewsletter, addSubscription, addSuppression } from '../../../test/support/newsletter.js'
import type { Storage } from '../../storage/index.js'
import { importAction } from '../subscribers.js'
import {
  type SubscriberFiles,
  type SubscriptionImport,
  createSubscriberFiles,
} from './subscriber-files.js'

const NOW = new Date('2026-11-26T12:00:00Z')
const T = NOW.getTime()

for (const dialect of testDialects) {
  describe(`${dialect}: subscriber files`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    let repo: SubscriberFiles
    let weekly = 0
    let daily = 0

    const row = (email: string, over: Partial<SubscriptionImport> = {}): SubscriptionImport => ({
      email,
      newsletterId: weekly,
      status: 'confirmed',
      consentText: 'Imported consent',
      consentAt: T - 1000,
      confirmedAt: T - 500,
      unsubscribedAt: null,
      ...over,
    })

    before(async () => {
      storage = await openTestStorage(dialect)
      repo = createSubscriberFiles(storage.db)
      weekly = await addNewsletter(storage, 'weekly', NOW)
      daily = await addNewsletter(storage, 'daily', NOW)
      await addSubscription(storage, weekly, 'known@example.org', 'confirmed', NOW)
      await addSubscription(storage, weekly, 'waiting@example.org', 'pending', NOW)
      await addSuppression(storage, 'bounced@example.org', NOW)
    })
    after(() => storage?.close())

    it('imports in one go: new rows added, the rule deciding for known ones, suppressed skipped', async () => {
      const counts = await repo.importRows(
        [
          row('new@example.org'),
          row('new@example.org', { newsletterId: daily, status: 'pending', confirmedAt: null }),
          row('known@example.org', { status: 'unsubscribed', unsubscribedAt: T }),
          row('waiting@example.org'),
          row('bounced@example.org'),
        ],
        importAction,
        NOW,
      )
      assert.deepEqual(counts, { added: 2, updated: 1, skipped: 1, suppressed: 1 })
      const bounced = await storage.db
        .selectFrom('subscriber')
        .select('id')
        .where('email', '=', 'bounced@example.org')
        .executeTakeFirst()
      assert.equal(bounced, undefined)
    })

    it('exports a page at a time in (subscriber, newsletter) order, with consent', async () => {
      const first = await repo.exportPage([0, 0], 2)
      assert.deepEqual(
        first.map((r) => [r.email, r.newsletter, r.status]),
        [
          ['known@example.org', 'weekly', 'confirmed'],
          ['waiting@example.org', 'weekly', 'confirmed'],
        ],
      )
      assert.equal(first[1]!.consentText, 'Imported consent')
      assert.equal(first[1]!.confirmedAt, T - 500)
      const last = first[1]!
      const rest = await repo.exportPage([last.subscriberId, last.newsletterId], 10)
      assert.deepEqual(
        rest.map((r) => [r.email, r.newsletter, r.status]),
        [
          ['new@example.org', 'weekly', 'confirmed'],
          ['new@example.org', 'daily', 'pending'],
        ],
      )
      assert.equal(rest[1]!.confirmedAt, null)
      assert.equal(rest[1]!.consentAt, T - 1000)
    })

    it('writes a large import in batches', async () => {
      const many = Array.from({ length: 1100 }, (_, i) => row(`bulk${i}@example.org`))
      const counts = await repo.importRows(many, importAction, NOW)
      assert.deepEqual(counts, { added: 1100, updated: 0, skipped: 0, suppressed: 0 })
      assert.equal((await repo.exportPage([0, 0], 5000)).length, 1104)
    })
  })
}
