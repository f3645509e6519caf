import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { fixedClock } from '../../lib/clock.js'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { type ContentFixture, openContent } from '../../../test/support/content.js'
import { articleInput, seedBasics, type Basics } from '../../../test/support/factories.js'
import { type PublicationSchedule, createPublicationSchedule } from './schedule.js'

const NOW = new Date('2026-11-26T12:00:00Z')
const hoursLater = (h: number) => new Date(NOW.getTime() + h * 3600_000)

for (const dialect of testDialects) {
  describe(`${dialect}: publication schedule`, { skip: await skipFor(dialect) }, () => {
    let f: ContentFixture
    let b: Basics
    let schedule: PublicationSchedule
    const clock = fixedClock(NOW)

    before(async () => {
      f = await openContent(dialect, { clock })
      b = await seedBasics(f, NOW)
      schedule = createPublicationSchedule(f.storage.db)
    })
    after(() => f?.close())

    it('knows of nothing to wake up for when nothing is scheduled', async () => {
      await f.content.createArticle(articleInput(b, { slug: 'plain' }))
      assert.equal(await schedule.nextScheduledAt(), null)
    })

    it('wakes up for the earliest publication or takedown', async () => {
      await f.content.createArticle(
        articleInput(b, { slug: 'soon', status: 'scheduled', publishedAt: hoursLater(3) }),
      )
      await f.content.createArticle(articleInput(b, { slug: 'down', unpublishAt: hoursLater(2) }))
      assert.equal((await schedule.nextScheduledAt())?.toISOString(), hoursLater(2).toISOString())
    })

    it('promotes scheduled articles whose time has come, and no others', async () => {
      assert.deepEqual(await schedule.promoteDue(hoursLater(1)), [])
      const soon = (await f.repo.findArticleBySlug('soon'))!
      assert.deepEqual(await schedule.promoteDue(hoursLater(3)), [soon.id])
      assert.equal((await f.repo.findArticleById(soon.id))?.status, 'published')
      assert.deepEqual(await schedule.promoteDue(hoursLater(4)), [])
    })

    it('takes down published articles at their takedown time, off the topic and author lists', async () => {
      const down = (await f.repo.findArticleBySlug('down'))!
      assert.deepEqual(await schedule.unpublishDue(hoursLater(1)), [])
      assert.deepEqual(await schedule.unpublishDue(hoursLater(2)), [down.id])
      const back = (await f.repo.findArticleById(down.id))!
      assert.equal(back.status, 'unpublished')
      assert.equal(back.unpublishAt, null)
      const links = await f.storage.db
        .selectFrom('article_topic')
        .select('published_at')
        .where('article_id', '=', down.id)
        .unionAll(
          f.storage.db
            .selectFrom('article_credit')
            .select('published_at')
            .where('article_id', '=', down.id),
        )
        .execute()
      assert.ok(links.length >= 2)
      assert.ok(links.every((l) => l.published_at === null))
      assert.equal(await schedule.nextScheduledAt(), null)
    })
  })
}
