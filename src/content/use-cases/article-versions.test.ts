import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { fixedClock } from '../../lib/clock.js'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { type ContentFixture, addStaffRow, openContent } from '../../../test/support/content.js'
import { articleInput, seedBasics, type Basics } from '../../../test/support/factories.js'

const NOW = new Date('2026-11-26T12:00:00Z')

for (const dialect of testDialects) {
  describe(`${dialect}: article versions`, { skip: await skipFor(dialect) }, () => {
    let f: ContentFixture
    let b: Basics
    const clock = fixedClock(NOW)

    before(async () => {
      f = await openContent(dialect, { clock })
      b = await seedBasics(f, NOW)
    })
    after(() => f?.close())

    it('keeps every save as a version, restores one, and appends corrections', async () => {
      const a = await f.content.createArticle(
        articleInput(b, { slug: 'versions', headline: 'First words', status: 'draft' }),
      )
      clock.set(new Date(NOW.getTime() + 60_000))
      await f.content.updateArticle(
        a.id,
        articleInput(b, { slug: 'versions', headline: 'Second words', status: 'draft' }),
      )
      const revs = await f.content.listRevisions(a.id)
      assert.deepEqual(
        revs.map((r) => r.snapshot.headline),
        ['Second words', 'First words'],
      )
      clock.set(new Date(NOW.getTime() + 120_000))
      const restored = await f.content.restoreRevision(a.id, revs[1]!.id)
      assert.equal(restored.headline, 'First words')
      assert.equal((await f.content.listRevisions(a.id)).length, 3, 'restoring is a save too')
      await f.content.addCorrection(
        a.id,
        'correction',
        'An earlier version misspelled the mayor’s name.',
      )
      const after = await f.repo.findArticleById(a.id)
      assert.equal(after?.corrections.length, 1)
      assert.equal(after?.corrections[0]?.kind, 'correction')
      await assert.rejects(f.content.addCorrection(a.id, 'update', '   '), {
        code: 'VALIDATION_FAILED',
      })
      clock.set(NOW)
    })

    it('restores words, keeping the current status and publication time', async () => {
      const a = await f.content.createArticle(
        articleInput(b, { slug: 'restore-status', headline: 'Old words', status: 'draft' }),
      )
      const [first] = await f.content.listRevisions(a.id)
      clock.set(new Date(NOW.getTime() + 60_000))
      const published = await f.content.updateArticle(
        a.id,
        articleInput(b, { slug: 'restore-status', headline: 'New words', status: 'published' }),
      )
      clock.set(new Date(NOW.getTime() + 120_000))
      const restored = await f.content.restoreRevision(a.id, first!.id)
      clock.set(NOW)
      assert.equal(restored.headline, 'Old words')
      assert.equal(restored.status, 'published')
      assert.equal(restored.publishedAt?.toISOString(), published.publishedAt?.toISOString())
      await assert.rejects(f.content.restoreRevision(a.id, 999_999), { code: 'NOT_FOUND' })
      const other = await f.content.createArticle(articleInput(b, { slug: 'other-story' }))
      await assert.rejects(f.content.restoreRevision(other.id, first!.id), { code: 'NOT_FOUND' })
    })

    it('keeps the editor’s unsaved copy until the article is saved', async () => {
      const staffId = await addStaffRow(f.storage, 'W')
      const a = await f.content.createArticle(articleInput(b, { slug: 'autosaved' }))
      await f.content.autosave(a.id, staffId, { headline: 'Half', body: '<p>Half a thought</p>' })
      assert.deepEqual(await f.content.findAutosave(a.id), {
        savedAt: NOW,
        headline: 'Half',
        body: '<p>Half a thought</p>',
        staffId,
      })
      await assert.rejects(
        f.content.autosave(a.id, staffId, { headline: 'x'.repeat(1001), body: '' }),
        { code: 'VALIDATION_FAILED' },
      )
      await f.content.updateArticle(a.id, articleInput(b, { slug: 'autosaved' }))
      assert.equal(await f.content.findAutosave(a.id), undefined)
    })
  })
}
