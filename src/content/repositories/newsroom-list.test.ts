import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { fixedClock } from '../../lib/clock.js'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { type ContentFixture, addStaffRow, openContent } from '../../../test/support/content.js'
import { articleInput, seedBasics, type Basics } from '../../../test/support/factories.js'
import { type NewsroomList, createNewsroomList } from './newsroom-list.js'

const NOW = new Date('2026-11-26T12:00:00Z')
const page = { limit: 10, offset: 0 }

for (const dialect of testDialects) {
  describe(`${dialect}: the newsroom's article list`, { skip: await skipFor(dialect) }, () => {
    let f: ContentFixture
    let b: Basics
    let list: NewsroomList
    let editorId: number
    const clock = fixedClock(NOW)

    before(async () => {
      f = await openContent(dialect, { clock })
      b = await seedBasics(f, NOW)
      list = createNewsroomList(f.storage.db)
      editorId = await addStaffRow(f.storage, 'Ed')
      await f.content.createArticle(
        articleInput(b, {
          slug: 'budget',
          headline: 'Budget: 100% agreed',
          status: 'draft',
          publishedAt: null,
        }),
        { createdBy: editorId },
      )
      clock.set(new Date(NOW.getTime() + 1000))
      await f.content.createArticle(
        articleInput(b, {
          slug: 'river',
          headline: 'The river_bank floods',
          sectionId: b.otherSectionId,
          credits: [{ authorId: b.secondAuthorId }, { guest: 'A. Reader' }],
        }),
      )
      clock.set(NOW)
    })
    after(() => f?.close())

    it('lists every status, newest edit first, with bylines and who created each', async () => {
      const r = await list.listForAdmin({}, page)
      assert.deepEqual(
        r.items.map((a) => [a.slug, a.status]),
        [
          ['river', 'published'],
          ['budget', 'draft'],
        ],
      )
      assert.equal(r.hasMore, false)
      assert.equal(r.items[1]!.createdBy, editorId)
      assert.equal(r.items[1]!.publishedAt, null)
      assert.deepEqual(
        r.items[0]!.credits.map((c) => c.kind),
        ['author', 'guest'],
      )
      assert.equal((await list.listForAdmin({}, { limit: 1, offset: 0 })).hasMore, true)
    })

    it('narrows by status, section and author', async () => {
      const slugs = async (filter: Parameters<NewsroomList['listForAdmin']>[0]) =>
        (await list.listForAdmin(filter, page)).items.map((a) => a.slug)
      assert.deepEqual(await slugs({ status: 'draft' }), ['budget'])
      assert.deepEqual(await slugs({ sectionId: b.otherSectionId }), ['river'])
      assert.deepEqual(await slugs({ authorId: b.authorId }), ['budget'])
      assert.deepEqual(await slugs({ authorId: b.secondAuthorId, status: 'draft' }), [])
    })

    it('searches headlines in any case, taking % and _ literally', async () => {
      const slugs = async (q: string) =>
        (await list.listForAdmin({ q }, page)).items.map((a) => a.slug)
      assert.deepEqual(await slugs('BUDGET'), ['budget'])
      assert.deepEqual(await slugs('100%'), ['budget'])
      assert.deepEqual(await slugs('%'), ['budget'])
      assert.deepEqual(await slugs('river_bank'), ['river'])
      assert.deepEqual(await slugs('river bank'), [])
      assert.deepEqual(await slugs('_'), ['river'])
    })

    it('counts every article, drafts included', async () => {
      assert.equal(await list.countArticles(), 2)
    })
  })
}
