import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { fixedClock } from '../../lib/clock.js'
import { createNewsletterRepository } from '../newsletter-repository.js'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { type ContentFixture, openContent } from '../../../test/support/content.js'
import { articleInput, seedBasics } from '../../../test/support/factories.js'
import { addNewsletter, addSubscription, addSuppression } from '../../../test/support/newsletter.js'
import { type DeliveryStore, SUPPRESSED_DETAIL, createDeliveryStore } from './deliveries.js'
import { createEditionStore } from './editions.js'

const NOW = new Date('2026-11-26T12:00:00Z')
const later = (ms: number) => new Date(NOW.getTime() + ms)
const RENDERED = { html: '<p>hi</p>', text: 'hi', marker: 'm1' }

for (const dialect of testDialects) {
  describe(`${dialect}: delivery store`, { skip: await skipFor(dialect) }, () => {
    let f: ContentFixture
    let repo: DeliveryStore
    let nl = 0
    let edition = 0
    let articleId = 0
    const subs: Record<string, number> = {}

    before(async () => {
      f = await openContent(dialect, { clock: fixedClock(NOW) })
      const b = await seedBasics(f, NOW)
      articleId = (await f.content.createArticle(articleInput(b, { slug: 'one' }))).id
      repo = createDeliveryStore(f.storage.db)
      nl = await addNewsletter(f.storage, 'weekly', NOW)
      for (const [email, status] of [
        ['a@example.org', 'confirmed'],
        ['b@example.org', 'confirmed'],
        ['c@example.org', 'pending'],
        ['d@example.org', 'unsubscribed'],
        ['e@example.org', 'confirmed'],
      ] as const)
        subs[email] = await addSubscription(f.storage, nl, email, status, NOW)
      await addSuppression(f.storage, 'b@example.org', NOW)
      const editions = createEditionStore(f.storage.db)
      edition = (await editions.insertEdition({
        newsletterId: nl,
        subject: 'S',
        intro: '',
        items: [{ articleId, blurb: '' }],
        slotAt: null,
        createdBy: null,
        now: NOW,
      }))!
      await editions.setStatus(edition, ['draft'], 'approved', NOW, NOW)
    })
    after(() => f?.close())

    it('lends an edition to one worker at a time until its lease runs out', async () => {
      assert.equal(await repo.acquireLease(edition, 'w1', later(1000), NOW), true)
      assert.equal(await repo.acquireLease(edition, 'w2', later(1000), later(10)), false)
      assert.equal(await repo.acquireLease(edition, 'w1', later(2000), later(10)), true)
      assert.equal(await repo.acquireLease(edition, 'w2', later(3000), later(2001)), true)
      await repo.releaseLease(edition, 'w1')
      assert.equal(await repo.acquireLease(edition, 'w1', later(3000), later(2002)), false)
      await repo.releaseLease(edition, 'w2')
      assert.equal(await repo.acquireLease(edition, 'w1', later(9000), later(2003)), true)
    })

    it('snapshots the confirmed subscribers once, suppressed ones skipped', async () => {
      // What the send confirmation names beforehand is what the snapshot then holds.
      const before = await repo.recipientCount(nl)
      assert.deepEqual(before, { readers: 2, suppressed: 1 })
      assert.deepEqual(await repo.recipientCount(nl + 1000), { readers: 0, suppressed: 0 })
      const items = [{ articleId, headline: 'As sent', path: '/x/one', blurb: 'b' }]
      assert.equal(await repo.snapshot(edition, nl, RENDERED, items, later(1)), 3)
      assert.equal(await repo.snapshot(edition, nl, RENDERED, items, later(2)), null)
      const st = await repo.editionStatus(edition)
      assert.equal(st?.status, 'sending')
      assert.equal(st?.sent_html, '<p>hi</p>')
      assert.equal(st?.sent_marker, 'm1')
      const counts = (await repo.deliveryCounts([edition])).get(edition)
      assert.equal(counts?.queued, before.readers)
      assert.equal(counts?.suppressed, before.suppressed)
      assert.deepEqual(counts, {
        queued: 2,
        sending: 0,
        sent: 0,
        failed: 0,
        skipped: 0,
        suppressed: 1,
      })
      const item = await f.storage.db
        .selectFrom('edition_item')
        .select(['sent_headline', 'sent_path'])
        .where('edition_id', '=', edition)
        .executeTakeFirst()
      assert.deepEqual(item, { sent_headline: 'As sent', sent_path: '/x/one' })
    })

    it('takes batches of subscribers still confirmed, and finds what a dead worker left', async () => {
      const batch = await repo.claimBatch(edition, nl, 1, later(3))
      assert.deepEqual(batch, [
        {
          subscriberId: subs['a@example.org'],
          email: 'a@example.org',
          attempts: 1,
          // A regular edition's readers are its newsletter's: none of their own.
          newsletterId: null,
        },
      ])
      // e leaves after the snapshot: never taken, then skipped.
      await createNewsletterRepository(f.storage.db).unsubscribe(
        subs['e@example.org']!,
        nl,
        later(4),
      )
      assert.deepEqual(await repo.claimBatch(edition, nl, 10, later(5)), [])
      assert.deepEqual(await repo.inDoubt(edition), batch)
      assert.equal(await repo.skipNoLongerConfirmed(edition, later(6)), 1)
    })

    it('writes outcomes in groups and finishes the edition', async () => {
      await repo.recordOutcomes(
        edition,
        [{ subscriberId: subs['a@example.org']!, state: 'failed', detail: 'x'.repeat(600) }],
        later(7),
      )
      const row = await f.storage.db
        .selectFrom('delivery')
        .select(['state', 'detail'])
        .where('subscriber_id', '=', subs['a@example.org']!)
        .executeTakeFirstOrThrow()
      assert.equal(row.state, 'failed')
      assert.equal(row.detail.length, 500)
      await repo.recordOutcomes(
        edition,
        [{ subscriberId: subs['a@example.org']!, state: 'sent', detail: '' }],
        later(8),
      )
      await repo.recordOutcomes(edition, [], later(8))
      await repo.finish(edition, later(9))
      assert.equal((await repo.editionStatus(edition))?.status, 'sent')
      const counts = await repo.deliveryCounts([edition, edition + 1000])
      assert.deepEqual(counts.get(edition), {
        queued: 0,
        sending: 0,
        sent: 1,
        failed: 0,
        skipped: 1,
        suppressed: 1,
      })
      assert.deepEqual(counts.get(edition + 1000), {
        queued: 0,
        sending: 0,
        sent: 0,
        failed: 0,
        skipped: 0,
        suppressed: 0,
      })
      const skipped = await f.storage.db
        .selectFrom('delivery')
        .select('detail')
        .where('email', '=', 'b@example.org')
        .executeTakeFirstOrThrow()
      assert.equal(skipped.detail, SUPPRESSED_DETAIL)
    })
  })
}
