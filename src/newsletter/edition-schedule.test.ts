import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { fixedClock } from '../lib/clock.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { articleInput, seedBasics } from '../../test/support/factories.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

for (const dialect of testDialects) {
  describe(`${dialect}: newsletter schedules`, { skip: await skipFor(dialect) }, () => {
    let app: TestApp
    // Friday 27 November 2026, 06:30 UTC: 08:30 in Riga, half an hour after the slot.
    const clock = fixedClock('2026-11-27T06:30:00Z')
    let weekly = 0
    let newest = 0
    let pick = 0
    let daily = 0

    before(async () => {
      app = await buildTestApp(dialect, { clock })
      const b = await seedBasics(app, clock.now())
      newest = (await app.content.createArticle(articleInput(b))).id
      // Three days old, but tagged as an editors' pick: it comes first.
      const picks = await app.content.createTopic({ slug: 'editors-picks', name: 'Editors’ picks' })
      pick = (
        await app.content.createArticle(
          articleInput(b, {
            publishedAt: new Date('2026-11-24T10:00:00Z'),
            topicIds: [picks],
          }),
        )
      ).id
      await app.content.createArticle(
        articleInput(b, { publishedAt: new Date('2026-11-10T10:00:00Z') }),
      )
      weekly = await app.newsletters.createNewsletter({
        slug: 'weekly',
        name: 'Weekly',
        language: 'en',
      })
      daily = await app.newsletters.createNewsletter({
        slug: 'friday',
        name: 'Friday',
        language: 'en',
      })
      await app.newsletters.updateSettings(weekly, {
        senderName: '',
        senderAddress: '',
        scheduleMode: 'draft',
        scheduleDay: '5',
        scheduleTime: '08:00',
        scheduleTz: 'Europe/Riga',
      })
      await app.newsletters.updateSettings(daily, {
        senderName: '',
        senderAddress: '',
        scheduleMode: 'send',
        scheduleDay: '5',
        scheduleTime: '07:00',
        scheduleTz: 'UTC',
      })
    })
    after(() => app.close())

    it('makes one draft per slot from the week’s stories, and approves it where the newsroom chose to send', async () => {
      const first = await app.editions.tick()
      assert.equal(
        first.drafted.length,
        1,
        'only the weekly slot has come (the 07:00 UTC one has not)',
      )
      const [draft] = await app.editions.listEditions(weekly)
      assert.equal(draft?.status, 'draft')
      assert.deepEqual(
        draft?.items.map((i) => i.articleId),
        [pick, newest],
        'this week’s stories, the editors’ pick first; not the one from three weeks ago',
      )
      const again = await app.editions.tick()
      assert.deepEqual(again.drafted, [], 'a second tick in the same slot makes nothing')

      clock.set('2026-11-27T07:00:05Z')
      const later = await app.editions.tick()
      assert.equal(later.drafted.length, 1)
      const [sent] = await app.editions.listEditions(daily)
      assert.equal(sent?.status, 'approved', 'the send-mode newsletter is approved at once')
      assert.ok(later.queued.includes(sent!.id), 'and queued for a worker')

      // A worker back after two days does not make last Friday's edition.
      clock.set('2026-11-29T12:00:00Z')
      assert.deepEqual((await app.editions.tick()).drafted, [])
    })
  })
}
