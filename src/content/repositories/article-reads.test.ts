import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { fixedClock } from '../../lib/clock.js'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { type ContentFixture, openContent } from '../../../test/support/content.js'
import { articleInput, seedBasics, type Basics } from '../../../test/support/factories.js'
import { type ArticleReads, createArticleReads } from './article-reads.js'

const NOW = new Date('2026-11-26T12:00:00Z')
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000)

for (const dialect of testDialects) {
  describe(`${dialect}: article reads`, { skip: await skipFor(dialect) }, () => {
    let f: ContentFixture
    let b: Basics
    let reads: ArticleReads
    const clock = fixedClock(NOW)

    before(async () => {
      f = await openContent(dialect, { clock })
      b = await seedBasics(f, NOW)
      reads = createArticleReads(f.storage.db, dialect)
      await f.content.createArticle(
        articleInput(b, {
          slug: 'mixed-byline',
          credits: [
            { agencyId: b.agencyId },
            { authorId: b.secondAuthorId },
            { guest: 'Dr Ilse Varn' },
          ],
          topicIds: [b.topicIds[1]!, b.topicIds[0]!],
          publishedAt: hoursAgo(2),
        }),
      )
    })
    after(() => f?.close())

    it('lists only published, due articles, newest first, per section, topic and author', async () => {
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
          credits: [{ authorId: b.secondAuthorId }],
          topicIds: [b.topicIds[2]!],
        }),
      )
      const all = await reads.listPublished({ kind: 'all' }, { limit: 10, offset: 0 }, NOW)
      const slugs = all.items.map((a) => a.slug)
      assert.deepEqual(slugs, ['culture-one', 'mixed-byline'])
      assert.equal(all.hasMore, false)
      const culture = await reads.listPublished(
        { kind: 'section', sectionId: b.otherSectionId },
        { limit: 10, offset: 0 },
        NOW,
      )
      assert.deepEqual(
        culture.items.map((a) => a.slug),
        ['culture-one'],
      )
      const energy = await reads.listPublished(
        { kind: 'topic', topicId: b.topicIds[2]! },
        { limit: 10, offset: 0 },
        NOW,
      )
      assert.deepEqual(
        energy.items.map((a) => a.slug),
        ['culture-one'],
      )
      const ivo = await reads.listPublished(
        { kind: 'author', authorId: b.secondAuthorId },
        { limit: 1, offset: 0 },
        NOW,
      )
      assert.deepEqual(
        ivo.items.map((a) => a.slug),
        ['culture-one'],
      )
      assert.equal(ivo.hasMore, true)
      assert.equal(await reads.countPublished(NOW), 2)
    })

    it('finds related candidates through shared topics and the section', async () => {
      const target = (await reads.findArticleBySlug('mixed-byline'))!
      const sibling = await f.content.createArticle(
        articleInput(b, { slug: 'sibling', topicIds: [b.topicIds[1]!], publishedAt: hoursAgo(5) }),
      )
      const { candidates, shared } = await reads.relatedCandidates(
        { id: target.id, sectionId: target.section.id, topicIds: target.topics.map((t) => t.id) },
        10,
        NOW,
      )
      assert.ok(candidates.every((c) => c.id !== target.id))
      assert.ok(candidates.some((c) => c.id === sibling.id))
      assert.equal(shared.get(sibling.id), 1)
    })

    it('finds an article by slug or id whatever its status, and nothing for an unknown one', async () => {
      const draft = (await reads.findArticleBySlug('draft-one'))!
      assert.equal(draft.status, 'draft')
      assert.equal((await reads.findArticleById(draft.id))?.slug, 'draft-one')
      assert.equal(await reads.findArticleBySlug('no-such-story'), undefined)
      assert.equal(await reads.findArticleById(999_999), undefined)
    })

    it('gives summaries of visible articles only, in the order asked', async () => {
      const ids = await Promise.all(
        ['sibling', 'draft-one', 'mixed-byline', 'culture-one'].map(
          async (slug) => (await reads.findArticleBySlug(slug))!.id,
        ),
      )
      const items = await reads.summariesByIds(ids, NOW)
      assert.deepEqual(
        items.map((a) => a.slug),
        ['sibling', 'mixed-byline', 'culture-one'],
      )
      assert.deepEqual(
        items[1]!.credits.map((c) => c.kind),
        ['agency', 'author', 'guest'],
      )
      assert.equal(items[1]!.leadImage?.alt, 'A river at dusk')
      assert.deepEqual(await reads.summariesByIds([], NOW), [])
    })

    it('gives the newest articles of each section, keyed by section', async () => {
      const bySection = await reads.latestPerSection([b.sectionId, b.otherSectionId], 1, NOW)
      assert.deepEqual(
        bySection.get(b.sectionId)?.map((a) => a.slug),
        ['mixed-byline'],
      )
      assert.deepEqual(
        bySection.get(b.otherSectionId)?.map((a) => a.slug),
        ['culture-one'],
      )
    })

    it('gives each section the same stories, in the same order, as its own list', async () => {
      const ids = [b.sectionId, b.otherSectionId, 987_654]
      const bySection = await reads.latestPerSection(ids, 3, NOW)
      for (const id of [b.sectionId, b.otherSectionId]) {
        const own = await reads.listPublished(
          { kind: 'section', sectionId: id },
          { limit: 3, offset: 0 },
          NOW,
        )
        assert.ok(own.items.length > 0)
        assert.deepEqual(bySection.get(id), own.items)
      }
      assert.ok(bySection.get(b.sectionId)!.length >= 2, 'order is checked on several stories')
      assert.deepEqual(bySection.get(987_654), [], 'a section with no stories has an empty list')
      assert.equal((await reads.latestPerSection([], 3, NOW)).size, 0)
    })

    it('gives bodies by id, for full-text feeds', async () => {
      const a = (await reads.findArticleBySlug('mixed-byline'))!
      const bodies = await reads.bodiesByIds([a.id])
      assert.equal(bodies.get(a.id), a.body)
      assert.equal((await reads.bodiesByIds([])).size, 0)
    })
  })
}
