import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { fixedClock } from '../../lib/clock.js'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { type ContentFixture, openContent } from '../../../test/support/content.js'
import { articleInput, seedBasics, type Basics } from '../../../test/support/factories.js'
import { createArticleReads } from './article-reads.js'
import { type NewArticleRow, createArticleWrites, listedAt } from './article-writes.js'

const NOW = new Date('2026-11-26T12:00:00Z')
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000)

describe('what the link tables copy of an article', () => {
  it('is the publication time of a published or scheduled article, else nothing', () => {
    assert.equal(listedAt({ status: 'published', publishedAt: NOW }), NOW.getTime())
    assert.equal(listedAt({ status: 'scheduled', publishedAt: NOW }), NOW.getTime())
    assert.equal(listedAt({ status: 'draft', publishedAt: NOW }), null)
    assert.equal(listedAt({ status: 'unpublished', publishedAt: NOW }), null)
    assert.equal(listedAt({ status: 'published', publishedAt: null }), null)
  })
})

for (const dialect of testDialects) {
  describe(`${dialect}: article writes`, { skip: await skipFor(dialect) }, () => {
    let f: ContentFixture
    let b: Basics
    const clock = fixedClock(NOW)

    before(async () => {
      f = await openContent(dialect, { clock })
      b = await seedBasics(f, NOW)
    })
    after(() => f?.close())

    it('stores an article with an ordered byline of staff, guest and agency, and its topics', async () => {
      const a = await f.content.createArticle(
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
      const back = await f.repo.findArticleBySlug('mixed-byline')
      assert.ok(back)
      assert.equal(back.id, a.id)
      assert.deepEqual(
        back.credits.map((c) => c.kind),
        ['agency', 'author', 'guest'],
      )
      assert.deepEqual(
        back.topics.map((t) => t.slug),
        ['courts', 'elections'],
      )
      assert.equal(back.leadImage?.caption, 'The river at Orlan.')
      assert.deepEqual(back.leadImage?.widths, [400, 800, 1200])
      assert.equal(back.publishedAt?.toISOString(), hoursAgo(2).toISOString())
      assert.equal(back.wordCount, 12)
      assert.equal(back.summary, 'A short dek that says what happened.')
    })

    it('keeps hostile strings as data, byte for byte', async () => {
      const evil = `Robert'); DROP TABLE article;-- "<script>alert(1)</script>" ' OR 1=1 -- \u202e\u0000x`
      const a = await f.content.createArticle(
        articleInput(b, {
          slug: 'hostile',
          headline: evil.replace('\u0000', ''),
          standfirst: evil.replace('\u0000', ''),
        }),
      )
      const back = await f.repo.findArticleById(a.id)
      assert.equal(back?.headline, evil.replace('\u0000', ''))
      assert.ok((await f.repo.countArticles()) > 0)
    })

    it('replaces an article on update, moving updatedAt and keeping the first publication time', async () => {
      const a = (await f.repo.findArticleBySlug('mixed-byline'))!
      clock.set(new Date(NOW.getTime() + 600_000))
      const after = await f.content.updateArticle(
        a.id,
        articleInput(b, {
          slug: 'mixed-byline',
          headline: 'A corrected headline',
          publishedAt: null,
        }),
      )
      clock.set(NOW)
      assert.equal(after.headline, 'A corrected headline')
      assert.equal(after.publishedAt?.toISOString(), a.publishedAt?.toISOString())
      assert.ok(after.updatedAt > a.updatedAt)
      assert.deepEqual(
        after.credits.map((c) => c.kind),
        ['author'],
      )
    })

    it('writes nothing when the stored version is not the one expected', async () => {
      const writes = createArticleWrites(f.storage.db)
      const reads = createArticleReads(f.storage.db, dialect)
      const a = (await reads.findArticleBySlug('hostile'))!
      const row: NewArticleRow = {
        slug: 'hostile',
        sectionId: b.sectionId,
        kicker: null,
        headline: 'Overwritten?',
        standfirst: null,
        body: '<p>x</p>',
        summary: 'x',
        wordCount: 1,
        status: 'published',
        language: 'en',
        leadImageId: null,
        publishedAt: a.publishedAt,
        updatedAt: new Date(NOW.getTime() + 1000),
        createdAt: NOW,
      }
      const stale = a.updatedAt.getTime() - 1
      assert.equal(await writes.updateArticle(a.id, row, [], [], stale), false)
      assert.equal((await reads.findArticleById(a.id))?.headline, a.headline)
      assert.equal(await writes.updateArticle(a.id, row, [], [], a.updatedAt.getTime()), true)
      const back = (await reads.findArticleById(a.id))!
      assert.equal(back.headline, 'Overwritten?')
      assert.deepEqual(back.credits, [])
      assert.deepEqual(back.topics, [])
    })

    it('tells which slugs and references exist', async () => {
      const writes = createArticleWrites(f.storage.db)
      const a = (await f.repo.findArticleBySlug('mixed-byline'))!
      assert.equal(await writes.slugExists('mixed-byline'), true)
      assert.equal(await writes.slugExists('mixed-byline', a.id), false)
      assert.equal(await writes.slugExists('no-such-story'), false)
      assert.deepEqual(
        [...(await writes.existingIds('topic', [b.topicIds[0]!, 9999]))],
        [b.topicIds[0]!],
      )
      assert.equal((await writes.existingIds('image', [])).size, 0)
    })

    it('counts a correction as an update of the article', async () => {
      const writes = createArticleWrites(f.storage.db)
      const a = (await f.repo.findArticleBySlug('mixed-byline'))!
      const at = new Date(a.updatedAt.getTime() + 60_000)
      await writes.insertCorrection({ articleId: a.id, at, kind: 'update', text: 'Added a reply.' })
      const back = (await f.repo.findArticleById(a.id))!
      assert.equal(back.updatedAt.toISOString(), at.toISOString())
      assert.deepEqual(
        back.corrections.map((c) => [c.kind, c.text]),
        [['update', 'Added a reply.']],
      )
    })
  })
}
