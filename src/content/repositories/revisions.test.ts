import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { fixedClock } from '../../lib/clock.js'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { type ContentFixture, addStaffRow, openContent } from '../../../test/support/content.js'
import { articleInput, seedBasics, type Basics } from '../../../test/support/factories.js'
import { type RevisionRepository, createRevisionRepository } from './revisions.js'

const NOW = new Date('2026-11-26T12:00:00Z')

for (const dialect of testDialects) {
  describe(`${dialect}: revision repository`, { skip: await skipFor(dialect) }, () => {
    let f: ContentFixture
    let b: Basics
    let repo: RevisionRepository
    let articleId = 0
    let otherId = 0
    let staffId = 0

    before(async () => {
      f = await openContent(dialect, { clock: fixedClock(NOW) })
      b = await seedBasics(f, NOW)
      repo = createRevisionRepository(f.storage.db)
      staffId = await addStaffRow(f.storage, 'Ed Itor')
      // Each save records a version through the service; the tests below add their own.
      articleId = (await f.content.createArticle(articleInput(b, { slug: 'one' }))).id
      otherId = (await f.content.createArticle(articleInput(b, { slug: 'two' }))).id
    })
    after(() => f?.close())

    it('lists versions newest first, at most as many as asked, with who saved each', async () => {
      // The repository stores the snapshot as given; only the service knows its shape.
      const snapshot = (headline: string) => JSON.stringify({ headline })
      for (const [i, headline] of ['First', 'Second', 'Third'].entries())
        await repo.insertRevision({
          articleId,
          savedAt: new Date(NOW.getTime() + (i + 1) * 1000),
          staffId: i === 2 ? staffId : null,
          snapshot: snapshot(headline),
        })
      const all = await repo.listRevisions(articleId, 10)
      assert.deepEqual(
        all.slice(0, 3).map((r) => r.snapshot.headline),
        ['Third', 'Second', 'First'],
      )
      assert.equal(all.length, 4)
      assert.equal(all[0]!.staffName, 'Ed Itor')
      assert.equal(all[0]!.staffId, staffId)
      assert.equal(all[1]!.staffName, null)
      assert.equal(all[0]!.savedAt.toISOString(), new Date(NOW.getTime() + 3000).toISOString())
      assert.equal((await repo.listRevisions(articleId, 2)).length, 2)
    })

    it('finds a version only through its own article', async () => {
      const [newest] = await repo.listRevisions(articleId, 1)
      assert.equal((await repo.findRevision(articleId, newest!.id))?.snapshot.headline, 'Third')
      assert.equal(await repo.findRevision(otherId, newest!.id), undefined)
    })

    it('keeps one unsaved copy per article, the latest, until it is deleted', async () => {
      assert.equal(await repo.findAutosave(articleId), undefined)
      await repo.putAutosave({
        articleId,
        staffId,
        savedAt: NOW,
        headline: 'Draft headline',
        body: '<p>a</p>',
      })
      const later = new Date(NOW.getTime() + 5000)
      await repo.putAutosave({ articleId, staffId: null, savedAt: later, headline: 'H', body: 'b' })
      assert.deepEqual(await repo.findAutosave(articleId), {
        savedAt: later,
        headline: 'H',
        body: 'b',
        staffId: null,
      })
      assert.equal(await repo.findAutosave(otherId), undefined)
      await repo.deleteAutosave(articleId)
      assert.equal(await repo.findAutosave(articleId), undefined)
    })
  })
}
