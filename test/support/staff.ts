import type { Clock } from '../../src/lib/clock.js'
import { systemClock } from '../../src/lib/clock.js'
import {
  type StaffRepository,
  type StaffService,
  createStaffRepository,
  createStaffService,
} from '../../src/staff/index.js'
import type { AuditRecord } from '../../src/staff/staff-service.js'
import type { DialectName, Storage } from '../../src/storage/index.js'
import { openTestStorage } from './dialects.js'

/** A password every test account can use. */
export const PASSWORD = 'a long enough passphrase'

/** The staff domain alone over a fresh database, its audit entries written as app.ts writes them. */
export interface StaffFixture {
  storage: Storage
  repo: StaffRepository
  staff: StaffService
  /** Every audit record, oldest first. */
  audits: AuditRecord[]
  close(): Promise<void>
}

export async function openStaff(
  dialect: DialectName,
  opts: { clock?: Clock } = {},
): Promise<StaffFixture> {
  const storage = await openTestStorage(dialect)
  const repo = createStaffRepository(storage.db)
  const clock = opts.clock ?? systemClock
  const audits: AuditRecord[] = []
  const staff = createStaffService({
    repo,
    clock,
    audit: async (e) => {
      audits.push(e)
      await repo.insertAudit({
        at: clock.now(),
        staffId: e.staffId,
        action: e.action,
        subject: e.subject ?? '',
        detail: e.detail ?? '',
      })
    },
  })
  return { storage, repo, staff, audits, close: () => storage.close() }
}
