import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { type Kysely, sql } from 'kysely'
import { fixedClock } from '../../lib/clock.js'
import { queryTerms } from '../search-text.js'
import { backfill } from '../../storage/migrations/2026-12-06-0015-search.js'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { type ContentFixture, openContent } from '../../../test/support/content.js'
import { articleInput, seedBasics, type Basics } from '../../../test/support/factories.js'

const NOW = new Date('2026-11-26T12:00:00Z')
const QUERIES = ['выборы', 'election', 'petrova', 'north wire', 'zora', 'energy', 'river', 'the']

for (const dialect of testDialects) {
  describe(`${dialect}: search index`, { skip: await skipFor(dialect) }, () => {
    let f: ContentFixture
    let b: Basics
    const clock = fixedClock(NOW)

    /** What every query finds, in both languages, ranked: the index as readers meet it. */
    async function answers() {
      const out: Record<string, number[]> = {}
      for (const q of QUERIES) {
        for (const language of ['en', 'ru']) {
          const found = await f.repo.searchArticles({
            terms: queryTerms(q),
            language,
            now: NOW,
            limit: 50,
            offset: 0,
          })
          out[`${language}:${q}`] = found.hits.map((h) => h.articleId)
        }
      }
      return out
    }
    const empty = async () => {
      await sql`delete from article_search`.execute(f.storage.db)
      const n = await sql<{ n: number }>`select count(*) as n from article_search`.execute(
        f.storage.db,
      )
      assert.equal(Number(n.rows[0]!.n), 0)
    }

    before(async () => {
      f = await openContent(dialect, { clock })
      b = await seedBasics(f, NOW)
      const add = (o: object) => f.content.createArticle(articleInput(b, o))
      await add({ language: 'ru', headline: 'Итоги выборов', body: '<p>На выборах.</p>' })
      await add({ headline: 'Election night', credits: [{ agencyId: b.agencyId }] })
      await add({ headline: 'Letters', credits: [{ guest: 'Zora Quill' }], kicker: 'Opinion' })
      await add({ headline: 'Draft', status: 'draft', body: '<p>Election draft.</p>' })
      await add({ headline: 'Energy <i>prices</i>', topicIds: [b.topicIds[2]!] })
    })
    after(() => f?.close())

    it('is filled by the migration exactly as the app fills it', async () => {
      const byApp = await answers()
      assert.ok(byApp['en:election']!.length >= 1)
      assert.ok(byApp['ru:выборы']!.length === 1)
      await empty()
      await backfill(f.storage.db as unknown as Kysely<unknown>, dialect === 'postgres')
      assert.deepEqual(await answers(), byApp)
    })

    it('is rebuilt whole by rebuildSearchIndex, with progress', async () => {
      const before = await answers()
      await empty()
      const seen: number[] = []
      const n = await f.repo.rebuildSearchIndex((done) => seen.push(done))
      assert.equal(n, 5)
      assert.deepEqual(seen, [5])
      assert.deepEqual(await answers(), before)
    })

    it('leaves drafts out and keeps the body as text', async () => {
      const rows = await sql<{ plain: string }>`select plain from article_search`.execute(
        f.storage.db,
      )
      assert.equal(rows.rows.length, 4)
      assert.ok(rows.rows.every((r) => !/[<>]/.test(r.plain)))
    })
  })
}
