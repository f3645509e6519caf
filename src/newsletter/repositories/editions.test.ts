import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { fixedClock } from '../../lib/clock.js'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { type ContentFixture, openContent } from '../../../test/support/content.js'
import { articleInput, seedBasics } from '../../../test/support/factories.js'
import { addNewsletter } from '../../../test/support/newsletter.js'
import { type EditionStore, createEditionStore } from './editions.js'

const NOW = new Date('2026-11-26T12:00:00Z')
const later = (ms: number) => new Date(NOW.getTime() + ms)

for (const dialect of testDialects) {
  describe(`${dialect}: edition store`, { skip: await skipFor(dialect) }, () => {
    let f: ContentFixture
    let repo: EditionStore
    let nl = 0
    const articles: number[] = []

    before(async () => {
      f = await openContent(dialect, { clock: fixedClock(NOW) })
      const b = await seedBasics(f, NOW)
      for (const slug of ['one', 'two', 'three'])
        articles.push((await f.content.createArticle(articleInput(b, { slug }))).id)
      repo = createEditionStore(f.storage.db)
      nl = await addNewsletter(f.storage, 'weekly', NOW)
    })
    after(() => f?.close())

    const draft = (subject: string, slotAt: Date | null = null, at = NOW) =>
      repo.insertEdition({
        newsletterId: nl,
        subject,
        intro: 'Hello',
        items: [
          { articleId: articles[1]!, blurb: 'second first' },
          { articleId: articles[0]!, blurb: '' },
        ],
        slotAt,
        createdBy: null,
        now: at,
      })

    it('stores a draft with its items in order, and finds it again', async () => {
      const id = (await draft('First'))!
      const e = await repo.findEdition(id)
      assert.equal(e?.status, 'draft')
      assert.equal(e?.subject, 'First')
      assert.equal(e?.newsletterId, nl)
      assert.equal(e?.createdAt.toISOString(), NOW.toISOString())
      assert.equal(e?.sendAt, null)
      assert.deepEqual(
        e?.items.map((i) => i.articleId),
        [articles[1], articles[0]],
      )
      assert.equal(await repo.findEdition(id + 1000), undefined)
    })

    it('makes one edition per schedule slot, however often asked', async () => {
      const slot = later(86_400_000)
      assert.ok(await draft('Slot', slot))
      assert.equal(await draft('Slot again', slot), null)
    })

    it('lists newest first, at most as many as asked', async () => {
      await draft('Newest', null, later(5000))
      const list = await repo.listEditions(nl, 2)
      assert.equal(list.length, 2)
      assert.equal(list[0]!.subject, 'Newest')
      assert.equal(list[0]!.items.length, 2)
    })

    it('changes a draft and its items, but not an edition that has started', async () => {
      const id = (await draft('Before'))!
      const items = [{ articleId: articles[2]!, blurb: 'only' }]
      assert.equal(
        await repo.updateEdition(id, { subject: 'After', intro: 'x', items }, later(1)),
        true,
      )
      const e = await repo.findEdition(id)
      assert.equal(e?.subject, 'After')
      assert.deepEqual(e?.items, items)
      await f.storage.db
        .updateTable('edition')
        .set({ status: 'sending' })
        .where('id', '=', id)
        .execute()
      assert.equal(
        await repo.updateEdition(id, { subject: 'No', intro: '', items }, later(2)),
        false,
      )
    })

    it('moves between states only from the ones listed, with the send time', async () => {
      const id = (await draft('Moves'))!
      assert.equal(await repo.setStatus(id, ['draft'], 'approved', later(1), later(60_000)), true)
      assert.equal(await repo.setStatus(id, ['draft'], 'cancelled', later(2)), false)
      const e = await repo.findEdition(id)
      assert.equal(e?.status, 'approved')
      assert.equal(e?.sendAt?.toISOString(), later(60_000).toISOString())
      assert.deepEqual(await repo.dueApproved(later(59_999)), [])
      assert.deepEqual(await repo.dueApproved(later(60_000)), [id])
    })

    it('finds sends whose worker stopped renewing its lease', async () => {
      const id = (await draft('Stalled'))!
      await f.storage.db
        .updateTable('edition')
        .set({ status: 'sending', lease_owner: 'w', lease_until: later(1000).getTime() })
        .where('id', '=', id)
        .execute()
      assert.ok(!(await repo.stalledSends(later(999))).includes(id))
      assert.ok((await repo.stalledSends(later(1001))).includes(id))
    })

    it('lists sent editions for the archive, with their items as sent', async () => {
      const other = await addNewsletter(f.storage, 'daily', NOW)
      const ids: number[] = []
      for (const [i, subject] of ['A', 'B', 'C'].entries()) {
        const id = (await repo.insertEdition({
          newsletterId: other,
          subject,
          intro: '',
          items: [{ articleId: articles[0]!, blurb: 'b' }],
          slotAt: null,
          createdBy: null,
          now: NOW,
        }))!
        await f.storage.db
          .updateTable('edition')
          .set({ status: 'sent', started_at: later(i * 1000).getTime() })
          .where('id', '=', id)
          .execute()
        ids.push(id)
      }
      const page = await repo.listSent(other, 2, 0)
      assert.deepEqual(
        page.items.map((e) => e.subject),
        ['C', 'B'],
      )
      assert.equal(page.hasMore, true)
      assert.equal(page.items[0]!.sentAt.toISOString(), later(2000).toISOString())
      assert.equal((await repo.listSent(other, 2, 2)).hasMore, false)
      const [item] = await repo.sentItems(ids[0]!)
      assert.equal(item?.article_id, articles[0])
      assert.equal(item?.sent_headline, null)
    })

    it('lists the schedules that are on', async () => {
      assert.deepEqual(await repo.newsletterSchedules(), [])
      await f.storage.db
        .updateTable('newsletter')
        .set({
          schedule_mode: 'draft',
          schedule_day: 5,
          schedule_time: '08:30',
          schedule_tz: 'Europe/Paris',
        })
        .where('id', '=', nl)
        .execute()
      assert.deepEqual(await repo.newsletterSchedules(), [
        { newsletterId: nl, mode: 'draft', day: 5, time: '08:30', tz: 'Europe/Paris' },
      ])
    })
  })
}
