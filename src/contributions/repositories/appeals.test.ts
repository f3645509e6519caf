import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openTestStorage, skipFor, testDialects } from '../../../test/support/dialects.js'
import type { Storage } from '../../storage/index.js'
import { defaultAppeal } from '../appeal.js'
import { type AppealStore, createAppealStore } from './appeals.js'

const NOW = new Date('2026-11-26T12:00:00Z')

for (const dialect of testDialects) {
  describe(`${dialect}: appeal store`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    let repo: AppealStore

    before(async () => {
      storage = await openTestStorage(dialect)
      repo = createAppealStore(storage.db)
    })
    after(() => storage?.close())

    it('keeps one appeal per language, a second save replacing the first', async () => {
      assert.deepEqual(await repo.listAppeals(), [])
      const fr = defaultAppeal('fr', 'La Lanterne')
      await repo.saveAppeal(defaultAppeal('en', 'The Lantern'), NOW)
      await repo.saveAppeal(fr, NOW)
      await repo.saveAppeal({ ...fr, headline: 'Soutenez-nous' }, NOW)
      const all = await repo.listAppeals()
      assert.deepEqual(
        all.map((a) => a.language),
        ['en', 'fr'],
      )
      assert.equal(all[1]!.headline, 'Soutenez-nous')
    })

    it('skips a stored document that no longer fits the schema', async () => {
      await storage.db
        .insertInto('appeal')
        .values({ language: 'de', settings: '{"language":"de"}', updated_at: NOW.getTime() })
        .execute()
      assert.deepEqual(
        (await repo.listAppeals()).map((a) => a.language),
        ['en', 'fr'],
      )
    })
  })
}
