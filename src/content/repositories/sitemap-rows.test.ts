import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { CompiledQuery, type KyselyPlugin, type RootOperationNode, sql } from 'kysely'
import { fixedClock } from '../../lib/clock.js'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { type ContentFixture, openContent } from '../../../test/support/content.js'
import { articleInput, seedBasics, type Basics } from '../../../test/support/factories.js'
import { type SitemapRows, createSitemapRows } from './sitemap-rows.js'

const NOW = new Date('2026-11-26T12:00:00Z')
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000)

for (const dialect of testDialects) {
  describe(`${dialect}: sitemap rows`, { skip: await skipFor(dialect) }, () => {
    let f: ContentFixture
    let b: Basics
    let rows: SitemapRows
    const clock = fixedClock(NOW)

    before(async () => {
      f = await openContent(dialect, { clock })
      b = await seedBasics(f, NOW)
      rows = createSitemapRows(f.storage.db)
      // The newsroom of the content suite: older, newer, a draft, one scheduled for later, one
      // taken down, and one published early by an editor (its time becomes now).
      await f.content.createArticle(
        articleInput(b, { slug: 'mixed-byline', publishedAt: hoursAgo(2) }),
      )
      await f.content.createArticle(articleInput(b, { slug: 'draft-one', status: 'draft' }))
      await f.content.createArticle(
        articleInput(b, {
          slug: 'later-one',
          status: 'scheduled',
          publishedAt: new Date(NOW.getTime() + 3600_000),
        }),
      )
      await f.content.createArticle(
        articleInput(b, {
          slug: 'culture-one',
          sectionId: b.otherSectionId,
          publishedAt: hoursAgo(1),
        }),
      )
      await f.content.createArticle(articleInput(b, { slug: 'sibling', publishedAt: hoursAgo(5) }))
      const early = await f.content.createArticle(
        articleInput(b, {
          slug: 'early',
          status: 'scheduled',
          publishedAt: new Date(NOW.getTime() + 86_400_000),
        }),
      )
      await f.content.updateArticle(
        early.id,
        articleInput(b, { slug: 'early', status: 'published', publishedAt: null }),
      )
      const embargoed = await f.content.createArticle(
        articleInput(b, {
          slug: 'embargoed',
          publishedAt: hoursAgo(1),
          unpublishAt: new Date(NOW.getTime() + 3600_000),
        }),
      )
      clock.set(new Date(NOW.getTime() + 2 * 3600_000))
      assert.deepEqual((await f.content.publishDue()).unpublished, [embargoed.id])
      clock.set(NOW)
      await f.content.createArticle(articleInput(b, { slug: 'hostile' }))
    })
    after(() => f?.close())

    it('lists sitemap entries oldest first and news of the last hours', async () => {
      const entries = await rows.listSitemapEntries(0, 100, NOW)
      const times = entries.map((e) => e.path.publishedAt.getTime())
      assert.deepEqual(
        [...times].sort((x, y) => x - y),
        times,
      )
      const news = await rows.listPublishedSince(hoursAgo(1.5), NOW, 10)
      assert.deepEqual(
        news.map((n) => n.path.slug),
        ['early', 'hostile', 'culture-one'],
      )
      assert.ok(entries.length >= 3)
    })

    it('reads a sitemap page in chunks, each after the last, in the same order', async () => {
      const all = await rows.listSitemapEntries(0, 100, NOW)
      const slugs: string[] = []
      let chunk = await rows.sitemapChunk({ offset: 1 }, 2, NOW)
      slugs.push(...chunk.entries.map((e) => e.path.slug))
      while (chunk.next) {
        chunk = await rows.sitemapChunk({ after: chunk.next }, 2, NOW)
        slugs.push(...chunk.entries.map((e) => e.path.slug))
      }
      assert.deepEqual(
        slugs,
        all.slice(1).map((e) => e.path.slug),
      )
      const tail = await rows.sitemapChunk({ offset: all.length - 1 }, 2, NOW)
      assert.equal(tail.entries.length, 1)
      assert.equal(tail.next, null, 'a short chunk is the last')
    })

    it('pages the sitemap without moving earlier entries', async () => {
      const all = await rows.listSitemapEntries(0, 100, NOW)
      assert.deepEqual(
        all.map((e) => e.path.slug),
        ['sibling', 'mixed-byline', 'culture-one', 'hostile', 'early'],
      )
      const second = await rows.listSitemapEntries(2, 2, NOW)
      assert.deepEqual(
        second.map((e) => e.path.slug),
        ['culture-one', 'hostile'],
      )
      assert.equal(all[2]!.path.section.slug, 'culture')
      const news = await rows.listPublishedSince(hoursAgo(24), NOW, 1)
      assert.equal(news[0]!.headline, (await f.repo.findArticleBySlug('early'))!.headline)
      assert.equal(news[0]!.language, 'en')
    })

    it('walks a sitemap page along its own index, never reading the article rows', async () => {
      // The statement the repository sends, caught on its way and explained by the database.
      let node: RootOperationNode | undefined
      const catcher: KyselyPlugin = {
        transformQuery: (a) => (node = a.node),
        transformResult: async (a) => a.result,
      }
      const db = f.storage.db
      await createSitemapRows(db.withPlugin(catcher)).sitemapChunk(
        { after: { publishedAt: 0, id: 0 } },
        1000,
        NOW,
      )
      assert.ok(node, 'the chunk was read')
      const q = db.getExecutor().compileQuery(node, { queryId: 'plan' })
      if (dialect === 'sqlite') {
        await f.storage.analyze()
        const plan = await db.executeQuery<{ detail: string }>(
          CompiledQuery.raw(`explain query plan ${q.sql}`, [...q.parameters]),
        )
        const text = plan.rows.map((r) => r.detail).join('\n')
        assert.match(text, /USING COVERING INDEX article_sitemap/, text)
      } else {
        // As autovacuum leaves a table that is read more than written: every page visible.
        await sql`vacuum analyze article`.execute(db)
        const plan = await db.connection().execute(async (c) => {
          await sql`set enable_seqscan = off`.execute(c)
          try {
            return await c.executeQuery<{ 'QUERY PLAN': string }>(
              CompiledQuery.raw(`explain ${q.sql}`, [...q.parameters]),
            )
          } finally {
            await sql`reset enable_seqscan`.execute(c)
          }
        })
        const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n')
        assert.match(text, /Index Only Scan using article_sitemap/, text)
      }
    })

    it('knows when anything readers see last changed', async () => {
      assert.equal((await rows.latestChange(NOW))?.toISOString(), NOW.toISOString())
      assert.equal(await rows.latestChange(hoursAgo(48)), null)
    })
  })
}
