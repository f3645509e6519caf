import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { fixedClock } from '../../lib/clock.js'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { type ContentFixture, openContent } from '../../../test/support/content.js'
import { articleInput, seedBasics, type Basics } from '../../../test/support/factories.js'

const NOW = new Date('2026-11-26T12:00:00Z')
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000)

for (const dialect of testDialects) {
  describe(`${dialect}: saving articles`, { skip: await skipFor(dialect) }, () => {
    let f: ContentFixture
    let b: Basics
    const clock = fixedClock(NOW)

    before(async () => {
      f = await openContent(dialect, { clock })
      b = await seedBasics(f, NOW)
      await f.content.createArticle(
        articleInput(b, { slug: 'mixed-byline', publishedAt: hoursAgo(2) }),
      )
    })
    after(() => f?.close())

    it('refuses a taken slug, unknown references and a scheduled time in the past, writing nothing', async () => {
      const before = await f.repo.countArticles()
      await assert.rejects(f.content.createArticle(articleInput(b, { slug: 'mixed-byline' })), {
        code: 'SLUG_TAKEN',
      })
      await assert.rejects(
        f.content.createArticle(articleInput(b, { credits: [{ authorId: 9999 }] })),
        { code: 'UNKNOWN_REFERENCE' },
      )
      await assert.rejects(
        f.content.createArticle(articleInput(b, { status: 'scheduled', publishedAt: hoursAgo(1) })),
        { code: 'VALIDATION_FAILED' },
      )
      await assert.rejects(f.content.createArticle(articleInput(b, { headline: '   ' })), {
        code: 'VALIDATION_FAILED',
      })
      assert.equal(await f.repo.countArticles(), before)
    })

    it('publishes a scheduled article now when an editor publishes it early', async () => {
      const later = new Date(NOW.getTime() + 86_400_000)
      const a = await f.content.createArticle(
        articleInput(b, { slug: 'early', status: 'scheduled', publishedAt: later }),
      )
      const published = await f.content.updateArticle(
        a.id,
        articleInput(b, { slug: 'early', status: 'published', publishedAt: null }),
      )
      assert.equal(published.publishedAt?.toISOString(), NOW.toISOString())
      await assert.rejects(
        f.content.createArticle(
          articleInput(b, { slug: 'future-published', status: 'published', publishedAt: later }),
        ),
        { code: 'VALIDATION_FAILED' },
      )
    })

    it('derives the slug, summary, word count and language, and sanitises the body', async () => {
      const a = await f.content.createArticle(
        articleInput(b, {
          headline: 'Floods reach the old town',
          standfirst: null,
          body: '<p onclick="x()">The water rose overnight. Nobody was hurt.</p><script>bad()</script>',
        }),
      )
      assert.equal(a.slug, 'floods-reach-the-old-town')
      assert.equal(a.body, '<p>The water rose overnight. Nobody was hurt.</p>')
      assert.equal(a.summary, 'The water rose overnight.')
      assert.equal(a.wordCount, 7)
      assert.equal(a.language, 'en')
    })

    it('lists every problem at once, naming unknown images in the body', async () => {
      await assert.rejects(
        f.content.createArticle(
          articleInput(b, {
            slug: 'problems',
            leadImageId: 9998,
            topicIds: [9997],
            body: '<figure data-image-id="9996"></figure>',
          }),
        ),
        (err: { code: string; details: string[] }) => {
          assert.equal(err.code, 'UNKNOWN_REFERENCE')
          assert.deepEqual(err.details, [
            'topicIds: no topic 9997',
            'leadImageId: no image 9998',
            'body: no image 9996',
          ])
          return true
        },
      )
    })

    it('refuses a save over someone else’s newer one, and a takedown before publication', async () => {
      const a = (await f.repo.findArticleBySlug('mixed-byline'))!
      await assert.rejects(
        f.content.updateArticle(
          a.id,
          articleInput(b, { slug: 'mixed-byline' }),
          a.updatedAt.getTime() - 1,
        ),
        { code: 'EDIT_CONFLICT' },
      )
      await assert.rejects(f.content.updateArticle(999_999, articleInput(b)), {
        code: 'NOT_FOUND',
      })
      await assert.rejects(
        f.content.createArticle(
          articleInput(b, { slug: 'down-first', unpublishAt: hoursAgo(1.5) }),
        ),
        { code: 'VALIDATION_FAILED' },
      )
    })

    it('reports the pages a save touches, before and after', async () => {
      const a = (await f.repo.findArticleBySlug('mixed-byline'))!
      f.changes.length = 0
      await f.content.updateArticle(
        a.id,
        articleInput(b, { slug: 'mixed-byline', sectionId: b.otherSectionId, topicIds: [] }),
      )
      assert.equal(f.changes.length, 1)
      const keys = f.changes[0]!
      for (const k of [
        `article:${a.id}`,
        'list',
        `section:${b.sectionId}`,
        `section:${b.otherSectionId}`,
        `topic:${b.topicIds[0]}`,
        `author:${b.authorId}`,
      ])
        assert.ok(keys.includes(k as never), k)
      assert.equal(new Set(keys).size, keys.length, 'each key once')
    })

    it('appends corrections only to articles that exist', async () => {
      await assert.rejects(f.content.addCorrection(999_999, 'correction', 'Text.'), {
        code: 'NOT_FOUND',
      })
    })
  })
}
