import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openTestStorage, skipFor, testDialects } from '../../test/support/dialects.js'
import { addNewsletter } from '../../test/support/newsletter.js'
import type { Storage } from '../storage/index.js'
import { type EditionRepository, createEditionRepository } from './edition-repository.js'

const NOW = new Date('2026-11-26T12:00:00Z')

for (const dialect of testDialects) {
  describe(`${dialect}: edition repository`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    let repo: EditionRepository

    before(async () => {
      storage = await openTestStorage(dialect)
      repo = createEditionRepository(storage.db)
    })
    after(() => storage?.close())

    it('answers for both parts over one database: the edition and its send', async () => {
      const nl = await addNewsletter(storage, 'weekly', NOW)
      const id = (await repo.insertEdition({
        newsletterId: nl,
        subject: 'S',
        intro: '',
        items: [],
        slotAt: null,
        createdBy: null,
        now: NOW,
      }))!
      assert.equal((await repo.findEdition(id))?.status, 'draft')
      assert.equal((await repo.editionStatus(id))?.status, 'draft')
      assert.equal(await repo.acquireLease(id, 'w', NOW, NOW), false)
      assert.deepEqual((await repo.deliveryCounts([id])).get(id)?.queued, 0)
    })
  })
}
