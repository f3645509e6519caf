import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openTestStorage, skipFor, testDialects } from '../../../test/support/dialects.js'
import { addNewsletter, addSubscription, addSuppression } from '../../../test/support/newsletter.js'
import type { Storage } from '../../storage/index.js'
import { type SubscriberLists, createSubscriberLists } from './subscribers.js'

const NOW = new Date('2026-11-26T12:00:00Z')
const WEEK = 7 * 86_400_000
const later = (ms: number) => new Date(NOW.getTime() + ms)

for (const dialect of testDialects) {
  describe(`${dialect}: subscriber lists`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    let repo: SubscriberLists
    let weekly = 0
    let daily = 0
    const id: Record<string, number> = {}

    before(async () => {
      storage = await openTestStorage(dialect)
      repo = createSubscriberLists(storage.db)
      weekly = await addNewsletter(storage, 'weekly', NOW)
      daily = await addNewsletter(storage, 'daily', NOW)
      for (const [email, status] of [
        ['zed@example.org', 'confirmed'],
        ['amy@example.org', 'confirmed'],
        ['bounced@example.org', 'confirmed'],
        ['pending@example.org', 'pending'],
        ['left@example.org', 'unsubscribed'],
        ['odd_100%@example.org', 'confirmed'],
      ] as const)
        id[email] = await addSubscription(storage, weekly, email, status, NOW)
      await addSuppression(storage, 'bounced@example.org', NOW)
      await addSubscription(storage, daily, 'amy@example.org', 'confirmed', later(WEEK))
    })
    after(() => storage?.close())

    it('sends to confirmed subscribers whose address is not suppressed, by id', async () => {
      const rows = await repo.deliverableRecipients(weekly).execute()
      assert.deepEqual(
        rows.map((r) => r.email),
        ['zed@example.org', 'amy@example.org', 'odd_100%@example.org'],
      )
      assert.equal(rows[0]!.subscriberId, id['zed@example.org'])
    })

    it('searches addresses in order, a page at a time, with LIKE characters taken literally', async () => {
      const first = await repo.searchSubscribers('example', '', 2)
      assert.deepEqual(
        first.map((m) => m.email),
        ['amy@example.org', 'bounced@example.org'],
      )
      const next = await repo.searchSubscribers('example', 'bounced@example.org', 2)
      assert.deepEqual(
        next.map((m) => m.email),
        ['left@example.org', 'odd_100%@example.org'],
      )
      assert.deepEqual(
        (await repo.searchSubscribers('_100%', '', 10)).map((m) => m.email),
        ['odd_100%@example.org'],
      )
      // Unescaped, `_` would match the second d of odd@.
      assert.deepEqual(await repo.searchSubscribers('o_d', '', 10), [])
      assert.equal((await repo.searchSubscribers('', '', 100)).length, 6)
    })

    it('finds one subscriber and every one of their subscriptions', async () => {
      const amy = await repo.findSubscriber(id['amy@example.org']!)
      assert.equal(amy?.email, 'amy@example.org')
      assert.equal(amy?.createdAt.toISOString(), NOW.toISOString())
      assert.equal(await repo.findSubscriber(999_999), undefined)
      const subs = await repo.subscriptionsOf(id['amy@example.org']!)
      assert.deepEqual(
        subs.map((s) => [s.newsletterSlug, s.status]),
        [
          ['weekly', 'confirmed'],
          ['daily', 'confirmed'],
        ],
      )
      assert.equal(subs[0]!.consentText, 'test consent')
      assert.equal(subs[0]!.confirmedAt?.toISOString(), NOW.toISOString())
      assert.equal(subs[0]!.unsubscribedAt, null)
    })

    it('counts by status with suppressed addresses apart, and growth by week', async () => {
      const counts = await repo.countsByNewsletter()
      assert.deepEqual(counts.get(weekly), {
        confirmed: 3,
        pending: 1,
        unsubscribed: 1,
        suppressed: 1,
      })
      assert.deepEqual(counts.get(daily), {
        confirmed: 1,
        pending: 0,
        unsubscribed: 0,
        suppressed: 0,
      })
      const g = await repo.weeklyChanges(NOW.getTime(), WEEK)
      assert.equal(g.confirmed.get(weekly)?.get(0), 5)
      assert.equal(g.confirmed.get(daily)?.get(1), 1)
      assert.equal(g.unsubscribed.get(weekly)?.get(0), 1)
      assert.equal(g.unsubscribed.get(daily), undefined)
    })

    it('ends every subscription of a reader, and brings back only one they had confirmed', async () => {
      const amy = id['amy@example.org']!
      assert.equal(await repo.unsubscribeAll(amy, later(1)), 2)
      assert.equal(await repo.unsubscribeAll(amy, later(2)), 0)
      assert.equal(await repo.resubscribe(amy, daily, 'New words', later(3)), true)
      assert.equal(await repo.resubscribe(amy, daily, 'Again', later(4)), false)
      const back = (await repo.subscriptionsOf(amy)).find((s) => s.newsletterId === daily)
      assert.equal(back?.status, 'confirmed')
      assert.equal(back?.consentText, 'New words')
      assert.equal(back?.consentAt.toISOString(), later(3).toISOString())
      const pending = id['pending@example.org']!
      await repo.unsubscribeAll(pending, later(5))
      assert.equal(await repo.resubscribe(pending, weekly, 'x', later(6)), false)
    })
  })
}
