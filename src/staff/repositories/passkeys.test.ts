import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openTestStorage, skipFor, testDialects } from '../../../test/support/dialects.js'
import type { Storage } from '../../storage/index.js'
import { createStaffAccounts } from './accounts.js'
import { type PasskeyStore, createPasskeyStore } from './passkeys.js'

const NOW = new Date('2026-11-26T12:00:00Z')

for (const dialect of testDialects) {
  describe(`${dialect}: passkey store`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    let repo: PasskeyStore
    let ana = 0
    let bo = 0

    before(async () => {
      storage = await openTestStorage(dialect)
      repo = createPasskeyStore(storage.db)
      const accounts = createStaffAccounts(storage.db)
      const add = (email: string) =>
        accounts.insertStaff(
          { email, name: email, role: 'author', passwordHash: 'x', authorId: null },
          NOW,
        )
      ana = await add('ana@example.org')
      bo = await add('bo@example.org')
      const key = (id: string, staffId: number, at: Date) =>
        repo.insertPasskey(
          { id, staffId, publicKey: `pk-${id}`, counter: 0, transports: ['usb'], name: id },
          at,
        )
      await key('laptop', ana, NOW)
      await key('phone', ana, new Date(NOW.getTime() - 1000))
      await key('bo-key', bo, NOW)
    })
    after(() => storage?.close())

    it('finds a passkey by credential id, with its transports', async () => {
      assert.deepEqual(await repo.findPasskey('laptop'), {
        id: 'laptop',
        staffId: ana,
        publicKey: 'pk-laptop',
        counter: 0,
        transports: ['usb'],
      })
      assert.equal(await repo.findPasskey('nothing'), undefined)
    })

    it('lists an account’s passkeys, oldest first, and records their use', async () => {
      await repo.usePasskey('laptop', 7, new Date(NOW.getTime() + 5000))
      const list = await repo.listPasskeys(ana)
      assert.deepEqual(
        list.map((p) => [p.name, p.lastUsedAt?.getTime() ?? null]),
        [
          ['phone', null],
          ['laptop', NOW.getTime() + 5000],
        ],
      )
      assert.equal((await repo.findPasskey('laptop'))?.counter, 7)
    })

    it('removes only the owner’s own passkey', async () => {
      assert.equal(await repo.deletePasskey('bo-key', ana), false)
      assert.ok(await repo.findPasskey('bo-key'))
      assert.equal(await repo.deletePasskey('bo-key', bo), true)
      assert.equal(await repo.findPasskey('bo-key'), undefined)
      assert.equal(await repo.deletePasskey('bo-key', bo), false)
    })
  })
}
