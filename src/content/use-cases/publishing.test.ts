import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { fixedClock } from '../../lib/clock.js'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { type ContentFixture, openContent } from '../../../test/support/content.js'
import { articleInput, seedBasics, type Basics } from '../../../test/support/factories.js'

const NOW = new Date('2026-11-26T12:00:00Z')
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000)

for (const dialect of testDialects) {
  describe(`${dialect}: scheduled publication`, { skip: await skipFor(dialect) }, () => {
    let f: ContentFixture
    let b: Basics
    const clock = fixedClock(NOW)

    before(async () => {
      f = await openContent(dialect, { clock })
      b = await seedBasics(f, NOW)
      await f.content.createArticle(articleInput(b, { slug: 'draft-one', status: 'draft' }))
      await f.content.createArticle(
        articleInput(b, {
          slug: 'later-one',
          status: 'scheduled',
          publishedAt: new Date(NOW.getTime() + 3600_000),
        }),
      )
    })
    after(() => f?.close())

    it('publishes scheduled articles when their time comes and says when the next is due', async () => {
      const due = await f.content.publishDue()
      assert.deepEqual(due.published, [])
      assert.equal(due.next?.toISOString(), new Date(NOW.getTime() + 3600_000).toISOString())
      clock.set(new Date(NOW.getTime() + 2 * 3600_000))
      const later = await f.content.publishDue()
      assert.equal(later.published.length, 1)
      assert.equal(later.next, null)
      const a = await f.repo.findArticleBySlug('later-one')
      assert.equal(a?.status, 'published')
      clock.set(NOW)
    })

    it('takes a published article down at its takedown time, off every list', async () => {
      const a = await f.content.createArticle(
        articleInput(b, {
          slug: 'embargoed',
          publishedAt: hoursAgo(1),
          unpublishAt: new Date(NOW.getTime() + 3600_000),
        }),
      )
      assert.ok(
        (
          await f.repo.listPublished(
            { kind: 'topic', topicId: b.topicIds[0]! },
            { limit: 100, offset: 0 },
            NOW,
          )
        ).items.some((x) => x.id === a.id),
      )
      assert.equal(
        (await f.content.publishDue()).next?.toISOString(),
        new Date(NOW.getTime() + 3600_000).toISOString(),
      )
      clock.set(new Date(NOW.getTime() + 2 * 3600_000))
      const due = await f.content.publishDue()
      assert.deepEqual(due.unpublished, [a.id])
      assert.equal((await f.repo.findArticleById(a.id))?.status, 'unpublished')
      const later = new Date(NOW.getTime() + 2 * 3600_000)
      assert.ok(
        !(
          await f.repo.listPublished(
            { kind: 'topic', topicId: b.topicIds[0]! },
            { limit: 100, offset: 0 },
            later,
          )
        ).items.some((x) => x.id === a.id),
      )
      assert.ok(
        !(await f.repo.listPublished({ kind: 'all' }, { limit: 100, offset: 0 }, later)).items.some(
          (x) => x.id === a.id,
        ),
      )
      clock.set(NOW)
      await assert.rejects(
        f.content.createArticle(
          articleInput(b, { slug: 'bad-takedown', unpublishAt: hoursAgo(2) }),
        ),
        { code: 'VALIDATION_FAILED' },
      )
    })

    it('reports the pages of what it published or took down, and nothing when idle', async () => {
      const a = await f.content.createArticle(
        articleInput(b, {
          slug: 'at-noon',
          status: 'scheduled',
          publishedAt: new Date(NOW.getTime() + 60_000),
        }),
      )
      f.changes.length = 0
      await f.content.publishDue()
      assert.equal(f.changes.length, 0)
      clock.set(new Date(NOW.getTime() + 60_000))
      const due = await f.content.publishDue()
      clock.set(NOW)
      assert.deepEqual(due.published, [a.id])
      assert.equal(f.changes.length, 1)
      assert.ok(f.changes[0]!.includes(`article:${a.id}`))
      assert.ok(f.changes[0]!.includes('list'))
    })
  })
}
