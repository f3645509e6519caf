import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { fixedClock } from '../lib/clock.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { articleInput, seedBasics, type Basics } from '../../test/support/factories.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

const NOW = new Date('2026-11-26T12:00:00Z')
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000)

for (const dialect of testDialects) {
  describe(`${dialect}: content repository and service`, { skip: await skipFor(dialect) }, () => {
    let app: TestApp
    let b: Basics
    const clock = fixedClock(NOW)

    before(async () => {
      app = await buildTestApp(dialect, { clock })
      b = await seedBasics(app, NOW)
    })
    after(() => app?.close())

    it('stores an article with an ordered byline of staff, guest and agency, and its topics', async () => {
      const a = await app.content.createArticle(
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
      const back = await app.repo.findArticleBySlug('mixed-byline')
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

    it('lists only published, due articles, newest first, per section, topic and author', async () => {
      await app.content.createArticle(articleInput(b, { slug: 'draft-one', status: 'draft' }))
      await app.content.createArticle(
        articleInput(b, {
          slug: 'later-one',
          status: 'scheduled',
          publishedAt: new Date(NOW.getTime() + 3600_000),
        }),
      )
      await app.content.createArticle(
        articleInput(b, {
          slug: 'culture-one',
          sectionId: b.otherSectionId,
          publishedAt: hoursAgo(1),
          credits: [{ authorId: b.secondAuthorId }],
          topicIds: [b.topicIds[2]!],
        }),
      )
      const all = await app.repo.listPublished({ kind: 'all' }, { limit: 10, offset: 0 }, NOW)
      const slugs = all.items.map((a) => a.slug)
      assert.deepEqual(slugs, ['culture-one', 'mixed-byline'])
      assert.equal(all.hasMore, false)
      const culture = await app.repo.listPublished(
        { kind: 'section', sectionId: b.otherSectionId },
        { limit: 10, offset: 0 },
        NOW,
      )
      assert.deepEqual(
        culture.items.map((a) => a.slug),
        ['culture-one'],
      )
      const energy = await app.repo.listPublished(
        { kind: 'topic', topicId: b.topicIds[2]! },
        { limit: 10, offset: 0 },
        NOW,
      )
      assert.deepEqual(
        energy.items.map((a) => a.slug),
        ['culture-one'],
      )
      const ivo = await app.repo.listPublished(
        { kind: 'author', authorId: b.secondAuthorId },
        { limit: 1, offset: 0 },
        NOW,
      )
      assert.deepEqual(
        ivo.items.map((a) => a.slug),
        ['culture-one'],
      )
      assert.equal(ivo.hasMore, true)
      assert.equal(await app.repo.countPublished(NOW), 2)
    })

    it('publishes scheduled articles when their time comes and says when the next is due', async () => {
      const due = await app.content.publishDue()
      assert.deepEqual(due.published, [])
      assert.equal(due.next?.toISOString(), new Date(NOW.getTime() + 3600_000).toISOString())
      clock.set(new Date(NOW.getTime() + 2 * 3600_000))
      const later = await app.content.publishDue()
      assert.equal(later.published.length, 1)
      assert.equal(later.next, null)
      const a = await app.repo.findArticleBySlug('later-one')
      assert.equal(a?.status, 'published')
      clock.set(NOW)
    })

    it('finds related candidates through shared topics and the section', async () => {
      const target = (await app.repo.findArticleBySlug('mixed-byline'))!
      const sibling = await app.content.createArticle(
        articleInput(b, { slug: 'sibling', topicIds: [b.topicIds[1]!], publishedAt: hoursAgo(5) }),
      )
      const { candidates, shared } = await app.repo.relatedCandidates(
        { id: target.id, sectionId: target.section.id, topicIds: target.topics.map((t) => t.id) },
        10,
        NOW,
      )
      assert.ok(candidates.every((c) => c.id !== target.id))
      assert.ok(candidates.some((c) => c.id === sibling.id))
      assert.equal(shared.get(sibling.id), 1)
    })

    it('refuses a taken slug, unknown references and a scheduled time in the past, writing nothing', async () => {
      const before = await app.repo.countArticles()
      await assert.rejects(app.content.createArticle(articleInput(b, { slug: 'mixed-byline' })), {
        code: 'SLUG_TAKEN',
      })
      await assert.rejects(
        app.content.createArticle(articleInput(b, { credits: [{ authorId: 9999 }] })),
        { code: 'UNKNOWN_REFERENCE' },
      )
      await assert.rejects(
        app.content.createArticle(
          articleInput(b, { status: 'scheduled', publishedAt: hoursAgo(1) }),
        ),
        { code: 'VALIDATION_FAILED' },
      )
      await assert.rejects(app.content.createArticle(articleInput(b, { headline: '   ' })), {
        code: 'VALIDATION_FAILED',
      })
      assert.equal(await app.repo.countArticles(), before)
    })

    it('validates sections, authors, agencies and topics, and refuses a taken slug with SLUG_TAKEN', async () => {
      await assert.rejects(app.content.createSection({ slug: '', name: 'Nothing' }), {
        code: 'VALIDATION_FAILED',
      })
      await assert.rejects(app.content.createSection({ slug: '../admin', name: 'X' }), {
        code: 'VALIDATION_FAILED',
      })
      await assert.rejects(app.content.createSection({ slug: 'world', name: 'World again' }), {
        code: 'SLUG_TAKEN',
      })
      await assert.rejects(
        app.content.createAuthor({ slug: 'ana-petrova', name: 'Someone else' }),
        { code: 'SLUG_TAKEN' },
      )
      await assert.rejects(app.content.createTopic({ slug: 'Elections', name: 'Caps' }), {
        code: 'VALIDATION_FAILED',
      })
      await assert.rejects(
        app.content.createAgency({ slug: 'x-wire', name: 'X', url: 'javascript:alert(1)' }),
        { code: 'VALIDATION_FAILED' },
      )
      assert.equal((await app.content.listSections()).length, 2)
    })

    it('publishes a scheduled article now when an editor publishes it early', async () => {
      const later = new Date(NOW.getTime() + 86_400_000)
      const a = await app.content.createArticle(
        articleInput(b, { slug: 'early', status: 'scheduled', publishedAt: later }),
      )
      const published = await app.content.updateArticle(
        a.id,
        articleInput(b, { slug: 'early', status: 'published', publishedAt: null }),
      )
      assert.equal(published.publishedAt?.toISOString(), NOW.toISOString())
      await assert.rejects(
        app.content.createArticle(
          articleInput(b, { slug: 'future-published', status: 'published', publishedAt: later }),
        ),
        { code: 'VALIDATION_FAILED' },
      )
    })

    it('keeps every save as a version, restores one, and appends corrections', async () => {
      const a = await app.content.createArticle(
        articleInput(b, { slug: 'versions', headline: 'First words', status: 'draft' }),
      )
      clock.set(new Date(NOW.getTime() + 60_000))
      await app.content.updateArticle(
        a.id,
        articleInput(b, { slug: 'versions', headline: 'Second words', status: 'draft' }),
      )
      const revs = await app.content.listRevisions(a.id)
      assert.deepEqual(
        revs.map((r) => r.snapshot.headline),
        ['Second words', 'First words'],
      )
      clock.set(new Date(NOW.getTime() + 120_000))
      const restored = await app.content.restoreRevision(a.id, revs[1]!.id)
      assert.equal(restored.headline, 'First words')
      assert.equal((await app.content.listRevisions(a.id)).length, 3, 'restoring is a save too')
      await app.content.addCorrection(
        a.id,
        'correction',
        'An earlier version misspelled the mayor’s name.',
      )
      const after = await app.repo.findArticleById(a.id)
      assert.equal(after?.corrections.length, 1)
      assert.equal(after?.corrections[0]?.kind, 'correction')
      await assert.rejects(app.content.addCorrection(a.id, 'update', '   '), {
        code: 'VALIDATION_FAILED',
      })
      clock.set(NOW)
    })

    it('takes a published article down at its takedown time, off every list', async () => {
      const a = await app.content.createArticle(
        articleInput(b, {
          slug: 'embargoed',
          publishedAt: hoursAgo(1),
          unpublishAt: new Date(NOW.getTime() + 3600_000),
        }),
      )
      assert.ok(
        (
          await app.repo.listPublished(
            { kind: 'topic', topicId: b.topicIds[0]! },
            { limit: 100, offset: 0 },
            NOW,
          )
        ).items.some((x) => x.id === a.id),
      )
      assert.equal(
        (await app.content.publishDue()).next?.toISOString(),
        new Date(NOW.getTime() + 3600_000).toISOString(),
      )
      clock.set(new Date(NOW.getTime() + 2 * 3600_000))
      const due = await app.content.publishDue()
      assert.deepEqual(due.unpublished, [a.id])
      assert.equal((await app.repo.findArticleById(a.id))?.status, 'unpublished')
      const later = new Date(NOW.getTime() + 2 * 3600_000)
      assert.ok(
        !(
          await app.repo.listPublished(
            { kind: 'topic', topicId: b.topicIds[0]! },
            { limit: 100, offset: 0 },
            later,
          )
        ).items.some((x) => x.id === a.id),
      )
      assert.ok(
        !(
          await app.repo.listPublished({ kind: 'all' }, { limit: 100, offset: 0 }, later)
        ).items.some((x) => x.id === a.id),
      )
      clock.set(NOW)
      await assert.rejects(
        app.content.createArticle(
          articleInput(b, { slug: 'bad-takedown', unpublishAt: hoursAgo(2) }),
        ),
        { code: 'VALIDATION_FAILED' },
      )
    })

    it('keeps hostile strings as data, byte for byte', async () => {
      const evil = `Robert'); DROP TABLE article;-- "<script>alert(1)</script>" ' OR 1=1 -- \u202e\u0000x`
      const a = await app.content.createArticle(
        articleInput(b, {
          slug: 'hostile',
          headline: evil.replace('\u0000', ''),
          standfirst: evil.replace('\u0000', ''),
        }),
      )
      const back = await app.repo.findArticleById(a.id)
      assert.equal(back?.headline, evil.replace('\u0000', ''))
      assert.ok((await app.repo.countArticles()) > 0)
    })

    it('replaces an article on update, moving updatedAt and keeping the first publication time', async () => {
      const a = (await app.repo.findArticleBySlug('mixed-byline'))!
      clock.set(new Date(NOW.getTime() + 600_000))
      const after = await app.content.updateArticle(
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

    it('lists sitemap entries oldest first and news of the last hours', async () => {
      const entries = await app.repo.listSitemapEntries(0, 100, NOW)
      const times = entries.map((e) => e.path.publishedAt.getTime())
      assert.deepEqual(
        [...times].sort((x, y) => x - y),
        times,
      )
      const news = await app.repo.listPublishedSince(hoursAgo(1.5), NOW, 10)
      assert.deepEqual(
        news.map((n) => n.path.slug),
        ['early', 'hostile', 'culture-one'],
      )
      assert.ok(entries.length >= 3)
    })
  })
}
