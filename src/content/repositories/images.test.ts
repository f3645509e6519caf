import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openTestStorage, skipFor, testDialects } from '../../../test/support/dialects.js'
import type { Storage } from '../../storage/index.js'
import { type ImageRepository, createImageRepository } from './images.js'

const NOW = new Date('2026-11-26T12:00:00Z')
const picture = (words: { alt: string; caption: string; credit: string }) => ({
  storageKey: `k${Math.random().toString(36).slice(2)}`,
  width: 1600,
  height: 900,
  widths: [400, 800],
  ...words,
})

for (const dialect of testDialects) {
  describe(`${dialect}: image repository`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    let repo: ImageRepository
    let river = 0
    let market = 0

    before(async () => {
      storage = await openTestStorage(dialect)
      repo = createImageRepository(storage.db)
      river = await repo.insertImage(
        picture({ alt: 'A river at dusk', caption: 'The river at Orlan.', credit: 'Mira Sol' }),
        NOW,
      )
      market = await repo.insertImage(
        picture({ alt: 'Stalls', caption: 'Prices up 100%', credit: 'Wire_Photo' }),
        NOW,
      )
    })
    after(() => storage?.close())

    it('gives back what was stored, by id, ignoring unknown and repeated ids', async () => {
      const found = await repo.imagesById([river, river, 999_999])
      assert.deepEqual([...found.keys()], [river])
      const img = found.get(river)!
      assert.equal(img.alt, 'A river at dusk')
      assert.equal(img.caption, 'The river at Orlan.')
      assert.equal(img.credit, 'Mira Sol')
      assert.deepEqual(img.widths, [400, 800])
      assert.equal((await repo.imagesById([])).size, 0)
    })

    it('searches caption, credit and alt text, newest first, taking % and _ literally', async () => {
      const ids = async (q: string) => (await repo.searchImages(q, 10)).map((i) => i.id)
      assert.deepEqual(await ids(''), [market, river])
      assert.deepEqual(await ids('  '), [market, river])
      assert.deepEqual(await ids('ORLAN'), [river])
      assert.deepEqual(await ids('dusk'), [river])
      assert.deepEqual(await ids('wire_photo'), [market])
      assert.deepEqual(await ids('100%'), [market])
      assert.deepEqual(await ids('_'), [market])
      assert.deepEqual(await ids('%'), [market])
      assert.deepEqual(await ids('nothing like it'), [])
      assert.equal((await repo.searchImages('', 1)).length, 1)
    })
  })
}
