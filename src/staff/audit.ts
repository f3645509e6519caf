import type { AuditEntry, AuditLog } from './repositories/audit-log.js'

/** What a caller records; the time and the empty defaults are the recorder's business. */
export interface AuditRecord {
  staffId: number | null
  action: string
  subject?: string
  detail?: string
}

/** Records an audit entry (app.ts decides how; content actions come through here too). */
export type AuditRecorder = (e: AuditRecord) => Promise<void>

/** The audit log as the admin sees it. */
export interface StaffAudit {
  /** Records an audit entry (content actions come through here too). */
  audit: AuditRecorder
  /** Newest first, at most `limit`, older than entry `beforeId` when given (the next page). */
  listAudit(limit: number, beforeId?: number): Promise<AuditEntry[]>
}

export function createStaffAudit(deps: {
  repo: Pick<AuditLog, 'listAudit'>
  audit: AuditRecorder
}): StaffAudit {
  return {
    audit: deps.audit,
    listAudit: (limit, beforeId) => deps.repo.listAudit(limit, beforeId),
  }
}
