import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { type AuditRecord, createStaffAudit } from './audit.js'

describe('the staff audit', () => {
  it('records through the recorder it was given and reads the log', async () => {
    const recorded: AuditRecord[] = []
    const asked: unknown[] = []
    const audit = createStaffAudit({
      repo: {
        listAudit: async (limit, beforeId) => {
          asked.push([limit, beforeId])
          return []
        },
      },
      audit: async (e) => {
        recorded.push(e)
      },
    })
    await audit.audit({ staffId: 1, action: 'article.publish', subject: 'article:3' })
    assert.deepEqual(recorded, [{ staffId: 1, action: 'article.publish', subject: 'article:3' }])
    assert.deepEqual(await audit.listAudit(50, 9), [])
    assert.deepEqual(asked, [[50, 9]])
  })
})
