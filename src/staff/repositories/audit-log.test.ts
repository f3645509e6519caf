import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openTestStorage, skipFor, testDialects } from '../../../test/support/dialects.js'
import type { Storage } from '../../storage/index.js'
import { createStaffAccounts } from './accounts.js'
import { type AuditLog, createAuditLog } from './audit-log.js'

const NOW = new Date('2026-11-26T12:00:00Z')

for (const dialect of testDialects) {
  describe(`${dialect}: audit log`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    let log: AuditLog
    let staffId = 0

    before(async () => {
      storage = await openTestStorage(dialect)
      log = createAuditLog(storage.db)
      staffId = await createStaffAccounts(storage.db).insertStaff(
        { email: 'a@example.org', name: 'Ana', role: 'admin', passwordHash: 'x', authorId: null },
        NOW,
      )
      for (let i = 0; i < 5; i++)
        await log.insertAudit({
          at: new Date(NOW.getTime() + i),
          staffId: i % 2 ? null : staffId,
          action: `action.${i}`,
          subject: `thing:${i}`,
          detail: i === 0 ? 'first' : '',
        })
    })
    after(() => storage?.close())

    it('reads newest first, with the name of who did it', async () => {
      const entries = await log.listAudit(10)
      assert.deepEqual(
        entries.map((e) => e.action),
        ['action.4', 'action.3', 'action.2', 'action.1', 'action.0'],
      )
      assert.equal(entries[0]!.staffName, 'Ana')
      assert.equal(entries[1]!.staffName, null)
      assert.equal(entries[4]!.detail, 'first')
      assert.equal(entries[4]!.subject, 'thing:0')
      assert.equal(entries[4]!.at.toISOString(), NOW.toISOString())
    })

    it('pages back from an entry', async () => {
      const first = await log.listAudit(2)
      const next = await log.listAudit(2, first[1]!.id)
      assert.deepEqual(
        next.map((e) => e.action),
        ['action.2', 'action.1'],
      )
    })
  })
}
