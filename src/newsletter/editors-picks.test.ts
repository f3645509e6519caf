import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { fixedClock } from '../lib/clock.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { articleInput, seedBasics, type Basics } from '../../test/support/factories.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'
import { createEditionArticles } from './editors-picks.js'

const NOW = new Date('2026-11-27T12:00:00Z')
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000)

for (const dialect of testDialects) {
  describe(`${dialect}: the articles an edition draws on`, { skip: await skipFor(dialect) }, () => {
    let app: TestApp
    let b: Basics
    const clock = fixedClock(NOW)
    const ids: Record<string, number> = {}

    before(async () => {
      app = await buildTestApp(dialect, { clock })
      b = await seedBasics(app, NOW)
      const picks = await app.content.createTopic({ slug: 'editors-picks', name: 'Picks' })
      const add = async (name: string, over: Parameters<typeof articleInput>[1]) => {
        ids[name] = (await app.content.createArticle(articleInput(b, { slug: name, ...over }))).id
      }
      await add('old-pick', { publishedAt: hoursAgo(72), topicIds: [picks] })
      await add('older', { publishedAt: hoursAgo(48) })
      await add('new-pick', { publishedAt: hoursAgo(3), topicIds: [picks, b.topicIds[0]!] })
      await add('newest', { publishedAt: hoursAgo(1) })
      await add('draft', { status: 'draft', publishedAt: null })
      await add('later', { status: 'scheduled', publishedAt: new Date(NOW.getTime() + 3600_000) })
    })
    after(() => app?.close())

    it('offers the newest articles and the newest picks, each once, picks marked', async () => {
      const articles = createEditionArticles({ repo: app.repo, clock, pickTopic: 'editors-picks' })
      const recent = await articles.recent(2)
      assert.deepEqual(
        recent.map((c) => [c.id, c.pick]).sort((x, y) => Number(x[0]) - Number(y[0])),
        [
          [ids['old-pick'], true],
          [ids['new-pick'], true],
          [ids['newest'], false],
        ],
      )
      assert.equal(
        recent.find((c) => c.id === ids['newest'])!.publishedAt.getTime(),
        hoursAgo(1).getTime(),
      )
    })

    it('marks nothing when the pick topic does not exist', async () => {
      const articles = createEditionArticles({ repo: app.repo, clock, pickTopic: 'no-such-topic' })
      const recent = await articles.recent(10)
      assert.equal(recent.length, 4, 'drafts and scheduled articles are not offered')
      assert.ok(recent.every((c) => !c.pick))
    })

    it('summarises published articles in the order asked, with their addresses', async () => {
      const articles = createEditionArticles({ repo: app.repo, clock, pickTopic: 'editors-picks' })
      const got = await articles.summaries([ids['newest']!, ids['draft']!, ids['older']!])
      assert.deepEqual(
        got.map((a) => a.id),
        [ids['newest'], ids['older']],
      )
      assert.equal(got[0]!.path, '/world/2026/11/newest')
      assert.equal(got[0]!.summary, 'A short dek that says what happened.')
      assert.equal(got[0]!.kicker, null)
      assert.match(got[1]!.headline, /Story number/)
      assert.deepEqual(await articles.summaries([]), [])
    })
  })
}
