import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openTestStorage, skipFor, testDialects } from '../../test/support/dialects.js'
import type { Storage } from '../storage/index.js'
import { createStaffAccounts } from './repositories/accounts.js'
import { createAuditLog } from './repositories/audit-log.js'
import { createSigninCounters } from './repositories/counters.js'
import { createPasskeyStore } from './repositories/passkeys.js'
import { createSecretStore } from './repositories/secret.js'
import { createSessionStore } from './repositories/sessions.js'
import { createTotpStore } from './repositories/totp.js'
import { createStaffRepository } from './staff-repository.js'

// Each part is tested beside its own module (repositories/*.test.ts); this checks the union.
for (const dialect of testDialects) {
  describe(`${dialect}: staff repository`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage

    before(async () => {
      storage = await openTestStorage(dialect)
    })
    after(() => storage?.close())

    it('is every part at once, no method shadowing another', () => {
      const db = storage.db
      const names = [
        createStaffAccounts(db),
        createSessionStore(db),
        createSigninCounters(db),
        createTotpStore(db),
        createPasskeyStore(db),
        createAuditLog(db),
        createSecretStore(db),
      ].flatMap((p) => Object.keys(p))
      assert.equal(new Set(names).size, names.length, 'each method in one part only')
      assert.deepEqual(Object.keys(createStaffRepository(db)).sort(), [...names].sort())
    })
  })
}
