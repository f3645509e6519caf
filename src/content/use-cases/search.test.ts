import assert from 'node:assert/strict'
import fs from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { fixedClock } from '../../lib/clock.js'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { type ContentFixture, openContent } from '../../../test/support/content.js'
import { articleInput, seedBasics, type Basics } from '../../../test/support/factories.js'
import { HOSTILE, hostileLines, hostileSkipReason } from '../../../test/support/hostile.js'
import { type SearchAnswer, dayStart } from './search.js'

const NOW = new Date('2026-11-26T12:00:00Z')
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000)

function slugs(a: SearchAnswer): string[] {
  return a.outcome.kind === 'results' ? a.outcome.results.map((r) => r.article.slug) : []
}

for (const dialect of testDialects) {
  describe(`${dialect}: article search`, { skip: await skipFor(dialect) }, () => {
    let f: ContentFixture
    let b: Basics
    const clock = fixedClock(NOW)
    const find = (q: string, more: object = {}) => f.content.search({ q, ...more })

    before(async () => {
      f = await openContent(dialect, { clock })
      b = await seedBasics(f, NOW)
      const add = (slug: string, o: object) =>
        // Topic "Energy": the factory's default topic, "Elections", would match every query here.
        f.content.createArticle(articleInput(b, { slug, topicIds: [b.topicIds[2]!], ...o }))
      await add('ru-vote', {
        language: 'ru',
        headline: 'Итоги выборов в городе',
        body: '<p>На выборах победил новый мэр.</p>',
      })
      await add('ru-other', {
        language: 'ru',
        headline: 'Погода',
        body: '<p>Снег и выборы мэра: об этом говорят все.</p>',
        publishedAt: hoursAgo(5),
      })
      await add('headline-hit', { headline: 'The election result', publishedAt: hoursAgo(30) })
      await add('body-hit', {
        headline: 'A quiet week',
        body: '<p>Nobody spoke of the coming elections at the market.</p>',
        publishedAt: hoursAgo(2),
      })
      await add('html-body', {
        headline: 'Markup',
        body: '<p>The &lt;script&gt;alert(1)&lt;/script&gt; trick failed in the harbour.</p>',
      })
      await add('guest', {
        headline: 'Letters',
        credits: [{ guest: 'Zora Quill' }],
        topicIds: [b.topicIds[1]!],
      })
      await add('culture', { headline: 'Harbour concerts', sectionId: b.otherSectionId })
    })
    after(() => f?.close())

    it('finds Russian word forms by their stem', async () => {
      assert.deepEqual(slugs(await find('выборы', { language: 'ru' })), ['ru-vote', 'ru-other'])
      assert.deepEqual(slugs(await find('ВЫБОРАХ', { language: 'ru' })), ['ru-vote', 'ru-other'])
    })

    it('finds English word forms by their stem, headline matches first', async () => {
      // body-hit is newer, but headline-hit has the word in its headline.
      assert.deepEqual(slugs(await find('elections')), ['headline-hit', 'body-hit'])
      assert.deepEqual(slugs(await find('election')), ['headline-hit', 'body-hit'])
    })

    it('searches one language at a time, the site language by default', async () => {
      assert.deepEqual(slugs(await find('выборы')), [])
      assert.deepEqual(slugs(await find('election', { language: 'ru' })), [])
    })

    it('finds bylines and topic names', async () => {
      assert.deepEqual(slugs(await find('zora quill')), ['guest'])
      assert.deepEqual(slugs(await find('courts')), ['guest'])
      assert.equal(slugs(await find('Petrova')).length, 4)
    })

    it('filters by section, topic and dates', async () => {
      assert.deepEqual(slugs(await find('harbour', { section: 'culture' })), ['culture'])
      assert.deepEqual(slugs(await find('harbour', { topic: 'courts' })), [])
      assert.equal(slugs(await find('election', { from: '2026-11-26' })).length, 1)
      assert.deepEqual(slugs(await find('election', { to: '2026-11-25' })), ['headline-hit'])
    })

    it('marks the words found in a snippet made of text, never of HTML', async () => {
      const a = await find('harbour')
      assert.ok(a.outcome.kind === 'results')
      const hit = a.outcome.results.find((r) => r.article.slug === 'html-body')!
      const text = hit.snippet.map((p) => p.text).join('')
      assert.match(text, /<\/script> trick failed in the harbour/)
      assert.deepEqual(
        hit.snippet.filter((p) => p.mark).map((p) => p.text),
        ['harbour'],
      )
    })

    it('pages through results', async () => {
      for (let i = 0; i < 23; i++) {
        await f.content.createArticle(
          articleInput(b, { slug: `many-${i}`, headline: `Zeppelin sighting ${i}` }),
        )
      }
      const one = await find('zeppelin')
      const two = await find('zeppelin', { page: 2 })
      assert.ok(one.outcome.kind === 'results' && two.outcome.kind === 'results')
      assert.equal(one.outcome.total, 23)
      assert.equal(one.outcome.pages, 2)
      assert.equal(slugs(one).length, 20)
      assert.equal(slugs(two).length, 3)
      const far = await find('zeppelin', { page: 9 })
      assert.ok(far.outcome.kind === 'results')
      assert.equal(far.outcome.total, 23)
      assert.equal(far.outcome.results.length, 0)
    })

    it('follows publish, edit, unpublish and takedown in the same commit', async () => {
      const draft = await f.content.createArticle(
        articleInput(b, { slug: 'lifecycle', status: 'draft', headline: 'Quokka census' }),
      )
      assert.deepEqual(slugs(await find('quokka')), [])
      const input = articleInput(b, { slug: 'lifecycle', headline: 'Quokka census' })
      await f.content.updateArticle(draft.id, input)
      assert.deepEqual(slugs(await find('quokka')), ['lifecycle'])
      await f.content.updateArticle(draft.id, { ...input, headline: 'Wombat census' })
      assert.deepEqual(slugs(await find('quokka')), [])
      assert.deepEqual(slugs(await find('wombat')), ['lifecycle'])
      await f.content.updateArticle(draft.id, { ...input, status: 'unpublished' })
      assert.deepEqual(slugs(await find('census')), [])
      // A takedown time: gone from search as the scheduler takes it down.
      const later = new Date(NOW.getTime() + 3600_000)
      const down = await f.content.createArticle(
        articleInput(b, { slug: 'down', headline: 'Platypus', unpublishAt: later }),
      )
      assert.deepEqual(slugs(await find('platypus')), ['down'])
      await f.repo.unpublishDue(later)
      assert.deepEqual(slugs(await find('platypus')), [])
      assert.ok(down.id > 0)
      // Scheduled: indexed, shown from its time on.
      await f.content.createArticle(
        articleInput(b, {
          slug: 'soon',
          status: 'scheduled',
          headline: 'Axolotl',
          publishedAt: later,
        }),
      )
      assert.deepEqual(slugs(await find('axolotl')), [])
      const rows = await sql`select article_id from article_search`.execute(f.storage.db)
      assert.ok(rows.rows.length > 0)
    })

    it('follows a renamed topic', async () => {
      await f.content.updateTaxonomy('topic', b.topicIds[1]!, { slug: 'courts', name: 'Tribunals' })
      assert.deepEqual(slugs(await find('tribunals')), ['guest'])
      assert.deepEqual(slugs(await find('courts')), [])
    })

    it('answers FTS syntax and hostile strings with results or nothing, never an error', async () => {
      const syntax = [
        '"',
        '*',
        'NEAR(',
        'OR',
        'AND',
        '-',
        ':',
        '^',
        '"harbour',
        'a OR b',
        'x*',
        'head:harbour',
        '{head}: x',
        "'; drop table article;--",
        '\\',
        '()',
        'NEAR(a b, 3)',
        'harbour'.repeat(1500),
        'ё',
        'a'.repeat(10_000),
      ]
      for (const q of syntax) await find(q)
      const reason = hostileSkipReason()
      if (reason) return
      assert.ok(fs.existsSync(HOSTILE))
      for (const folder of ['blns', 'sqli', 'xss', 'nosqli', 'ssti']) {
        for (const q of hostileLines(folder)) await find(q)
      }
    })

    it('shows a hint for an empty or too short query', async () => {
      assert.equal((await find('')).outcome.kind, 'no-query')
      assert.equal((await find('a')).outcome.kind, 'too-short')
      assert.equal((await find('the')).outcome.kind, 'too-short')
    })
  })
}

describe('search days', () => {
  it('are the newsroom’s calendar days, from its midnight to the next', () => {
    assert.equal(dayStart('2026-07-15', 'Europe/Riga')?.toISOString(), '2026-07-14T21:00:00.000Z')
    assert.equal(
      dayStart('2026-07-15', 'Europe/Riga', true)?.toISOString(),
      '2026-07-15T21:00:00.000Z',
    )
    // The day the clocks go forward is 23 hours long.
    assert.equal(
      dayStart('2026-03-29', 'Europe/Riga', true)!.getTime() -
        dayStart('2026-03-29', 'Europe/Riga')!.getTime(),
      23 * 3600_000,
    )
    assert.equal(dayStart('2026-07-15')?.toISOString(), '2026-07-15T00:00:00.000Z')
    for (const bad of ['2026-02-30', '15.07.2026', '', undefined])
      assert.equal(dayStart(bad, 'Europe/Riga'), undefined, String(bad))
  })
})
