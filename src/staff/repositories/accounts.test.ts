import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openTestStorage, skipFor, testDialects } from '../../../test/support/dialects.js'
import { isUniqueViolation, type Storage } from '../../storage/index.js'
import { type StaffAccounts, createStaffAccounts } from './accounts.js'
import { createSessionStore } from './sessions.js'

const NOW = new Date('2026-11-26T12:00:00Z')
const member = (email: string, name: string) => ({
  email,
  name,
  role: 'editor' as const,
  passwordHash: `hash-of-${email}`,
  authorId: null,
})

for (const dialect of testDialects) {
  describe(`${dialect}: staff accounts`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    let repo: StaffAccounts
    let zoe = 0
    let ana = 0

    before(async () => {
      storage = await openTestStorage(dialect)
      repo = createStaffAccounts(storage.db)
      zoe = await repo.insertStaff(member('zoe@example.org', 'Zoe'), NOW)
      ana = await repo.insertStaff(member('ana@example.org', 'Ana'), NOW)
    })
    after(() => storage?.close())

    it('stores accounts and lists them by name', async () => {
      assert.equal(await repo.countStaff(), 2)
      assert.deepEqual(
        (await repo.listStaff()).map((s) => s.name),
        ['Ana', 'Zoe'],
      )
      const found = await repo.findById(zoe)
      assert.equal(found?.email, 'zoe@example.org')
      assert.equal(found?.createdAt.toISOString(), NOW.toISOString())
      assert.equal(found?.disabledAt, null)
      assert.equal(await repo.findById(999_999), undefined)
    })

    it('refuses a second account with the same email, as the database’s unique violation', async () => {
      await assert.rejects(repo.insertStaff(member('ana@example.org', 'Other'), NOW), (err) =>
        isUniqueViolation(err),
      )
    })

    it('finds an account by email with its hash, and changes the hash', async () => {
      const found = await repo.findByEmailWithHash('ana@example.org')
      assert.equal(found?.staff.id, ana)
      assert.equal(found?.passwordHash, 'hash-of-ana@example.org')
      assert.equal(await repo.findByEmailWithHash('nobody@example.org'), undefined)
      await repo.setPasswordHash(ana, 'new-hash')
      assert.equal(await repo.passwordHashOf(ana), 'new-hash')
      assert.equal(await repo.passwordHashOf(999_999), undefined)
    })

    it('disables an account, ending its sessions, and deletes one', async () => {
      const sessions = createSessionStore(storage.db)
      await sessions.insertSession({
        tokenHash: 'h1',
        staffId: zoe,
        now: NOW,
        expiresAt: new Date(NOW.getTime() + 1000),
      })
      await repo.disableStaff(zoe, NOW)
      assert.equal((await repo.findById(zoe))?.disabledAt?.toISOString(), NOW.toISOString())
      assert.equal(await sessions.findSession('h1'), undefined)
      await repo.deleteStaff(zoe)
      assert.equal(await repo.findById(zoe), undefined)
      assert.equal(await repo.countStaff(), 1)
    })
  })
}
