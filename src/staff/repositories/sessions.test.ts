import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openTestStorage, skipFor, testDialects } from '../../../test/support/dialects.js'
import type { Storage } from '../../storage/index.js'
import { createStaffAccounts } from './accounts.js'
import { type SessionStore, createSessionStore } from './sessions.js'

const NOW = new Date('2026-11-26T12:00:00Z')
const later = (ms: number) => new Date(NOW.getTime() + ms)

for (const dialect of testDialects) {
  describe(`${dialect}: session store`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    let repo: SessionStore
    let staffId = 0

    before(async () => {
      storage = await openTestStorage(dialect)
      repo = createSessionStore(storage.db)
      staffId = await createStaffAccounts(storage.db).insertStaff(
        { email: 'a@example.org', name: 'A', role: 'author', passwordHash: 'x', authorId: null },
        NOW,
      )
    })
    after(() => storage?.close())

    it('finds a session by token hash, with its staff member and times', async () => {
      await repo.insertSession({ tokenHash: 'one', staffId, now: NOW, expiresAt: later(1000) })
      const s = await repo.findSession('one')
      assert.equal(s?.staff.id, staffId)
      assert.equal(s?.staff.email, 'a@example.org')
      assert.equal(s?.createdAt.toISOString(), NOW.toISOString())
      assert.equal(s?.lastSeenAt.toISOString(), NOW.toISOString())
      assert.equal(s?.expiresAt.toISOString(), later(1000).toISOString())
      assert.equal(await repo.findSession('unknown'), undefined)
    })

    it('records a use, moving the expiry but not the start', async () => {
      await repo.touchSession('one', later(500), later(5000))
      const s = await repo.findSession('one')
      assert.equal(s?.lastSeenAt.toISOString(), later(500).toISOString())
      assert.equal(s?.expiresAt.toISOString(), later(5000).toISOString())
      assert.equal(s?.createdAt.toISOString(), NOW.toISOString())
    })

    it('deletes one session, every session of an account, or the expired ones', async () => {
      await repo.insertSession({ tokenHash: 'two', staffId, now: NOW, expiresAt: later(100) })
      await repo.insertSession({ tokenHash: 'three', staffId, now: NOW, expiresAt: later(9000) })
      await repo.deleteExpiredSessions(later(100))
      assert.equal(await repo.findSession('two'), undefined)
      assert.ok(await repo.findSession('three'))
      await repo.deleteSession('three')
      assert.equal(await repo.findSession('three'), undefined)
      await repo.insertSession({ tokenHash: 'four', staffId, now: NOW, expiresAt: later(9000) })
      assert.equal(await repo.deleteSessionsOf(staffId), 2)
      assert.equal(await repo.deleteSessionsOf(staffId), 0)
    })
  })
}
