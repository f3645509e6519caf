import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { fixedClock } from '../../lib/clock.js'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { type ContentFixture, openContent } from '../../../test/support/content.js'
import { seedBasics } from '../../../test/support/factories.js'

const NOW = new Date('2026-11-26T12:00:00Z')

for (const dialect of testDialects) {
  describe(`${dialect}: topics named while saving`, { skip: await skipFor(dialect) }, () => {
    let f: ContentFixture

    before(async () => {
      f = await openContent(dialect, { clock: fixedClock(NOW) })
      await seedBasics(f, NOW)
    })
    after(() => f?.close())

    it('makes the topics that do not exist and reuses those that do, by slug', async () => {
      const existing = await f.content.createTopic({ slug: 'housing', name: 'Housing' })
      const ids = await f.content.topicsForSave([' Housing ', 'City Budget', '', 'city budget'])
      assert.ok(Array.isArray(ids))
      assert.equal(ids.length, 2, 'two names with one slug make one topic')
      assert.equal(ids[0], existing)
      const made = await f.repo.findTopicBySlug('city-budget')
      assert.equal(made?.id, ids[1])
      assert.equal(made?.name, 'City Budget')
    })

    it('refuses more than five, or a name over 120 characters, and makes none of them', async () => {
      const before = (await f.repo.listTopics()).length
      assert.deepEqual(await f.content.topicsForSave(['a', 'b', 'c', 'd', 'e', 'f']), {
        refused: 'too-many',
      })
      assert.deepEqual(await f.content.topicsForSave(['fine', 'x'.repeat(121)]), {
        refused: 'too-long',
      })
      assert.equal((await f.repo.listTopics()).length, before)
      assert.deepEqual(await f.content.topicsForSave(['  ', '']), [])
    })
  })
}
