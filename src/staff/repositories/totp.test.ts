import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openTestStorage, skipFor, testDialects } from '../../../test/support/dialects.js'
import type { Storage } from '../../storage/index.js'
import { createStaffAccounts } from './accounts.js'
import { type TotpStore, createTotpStore } from './totp.js'

for (const dialect of testDialects) {
  describe(`${dialect}: TOTP store`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    let repo: TotpStore
    let staffId = 0

    before(async () => {
      storage = await openTestStorage(dialect)
      repo = createTotpStore(storage.db)
      staffId = await createStaffAccounts(storage.db).insertStaff(
        { email: 'a@example.org', name: 'A', role: 'author', passwordHash: 'x', authorId: null },
        new Date(),
      )
    })
    after(() => storage?.close())

    it('has no secret until one is set, and nothing for an unknown account', async () => {
      assert.deepEqual(await repo.totpOf(staffId), { secret: null, lastStep: null })
      assert.equal(await repo.totpOf(999_999), undefined)
      await repo.setTotp(staffId, 'JBSWY3DPEHPK3PXP', 100)
      assert.deepEqual(await repo.totpOf(staffId), { secret: 'JBSWY3DPEHPK3PXP', lastStep: 100 })
    })

    it('accepts each time step once, and never an older one', async () => {
      assert.equal(await repo.claimTotpStep(staffId, 100), false)
      assert.equal(await repo.claimTotpStep(staffId, 101), true)
      assert.equal(await repo.claimTotpStep(staffId, 101), false)
      assert.equal(await repo.claimTotpStep(staffId, 99), false)
      const both = await Promise.all([
        repo.claimTotpStep(staffId, 102),
        repo.claimTotpStep(staffId, 102),
      ])
      assert.deepEqual(both.sort(), [false, true])
    })

    it('turns two-factor off', async () => {
      await repo.setTotp(staffId, null, null)
      assert.deepEqual(await repo.totpOf(staffId), { secret: null, lastStep: null })
      assert.equal(await repo.claimTotpStep(staffId, 1), true, 'a fresh start')
    })
  })
}
