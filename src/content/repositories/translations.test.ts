import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { fixedClock } from '../../lib/clock.js'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { type ContentFixture, openContent } from '../../../test/support/content.js'
import { articleInput, seedBasics } from '../../../test/support/factories.js'

const NOW = new Date('2026-11-26T12:00:00Z')

for (const dialect of testDialects) {
  describe(`${dialect}: translation groups`, { skip: await skipFor(dialect) }, () => {
    let f: ContentFixture
    const ids: number[] = []

    before(async () => {
      f = await openContent(dialect, { clock: fixedClock(NOW) })
      const b = await seedBasics(f, NOW)
      for (const language of ['en', 'ru', 'uk', 'en'])
        ids.push((await f.content.createArticle(articleInput(b, { language }))).id)
    })
    after(() => f?.close())

    it('names a group by its smallest member and reads the others in one group', async () => {
      const [en, ru, uk, alone] = ids as [number, number, number, number]
      await f.repo.setGroup([uk, ru, en])
      assert.deepEqual(
        (await f.repo.translationsOf(ru)).map((t) => [t.id, t.language]),
        [
          [en, 'en'],
          [uk, 'uk'],
        ],
      )
      assert.deepEqual(await f.repo.translationsOf(alone), [], 'a story alone has none')
      const groups = await f.repo.groupMembers([en, en, alone])
      assert.deepEqual(
        groups.get(en)?.map((m) => m.id),
        [en, ru, uk],
      )
      assert.equal(groups.has(alone), false)
    })

    it('renames the group when its smallest member leaves, and dissolves a group of one', async () => {
      const [en, ru, uk] = ids as [number, number, number, number]
      await f.repo.leaveGroup(en)
      assert.deepEqual(await f.repo.translationsOf(en), [])
      assert.deepEqual(
        (await f.repo.translationsOf(ru)).map((t) => t.id),
        [uk],
      )
      assert.deepEqual([...(await f.repo.groupMembers([ru])).keys()], [ru], 'now named by ru')
      await f.repo.leaveGroup(uk)
      assert.deepEqual(await f.repo.translationsOf(ru), [])
      assert.equal((await f.repo.groupMembers([ru])).size, 0, 'no group of one is left')
    })
  })
}
