import type { Kysely } from 'kysely'
import type { Database } from '../../storage/index.js'

/** A line of the audit log: who did what to which thing, and when. Never edited. */
export interface AuditEntry {
  id: number
  at: Date
  staffId: number | null
  staffName: string | null
  action: string
  subject: string
  detail: string
}

/** The audit log: appended to, read newest first. */
export interface AuditLog {
  insertAudit(e: Omit<AuditEntry, 'id' | 'staffName'>): Promise<void>
  /** Newest first, at most `limit`, older than entry `beforeId` when given (the next page). */
  listAudit(limit: number, beforeId?: number): Promise<AuditEntry[]>
}

export function createAuditLog(db: Kysely<Database>): AuditLog {
  return {
    async insertAudit(e) {
      await db
        .insertInto('audit_entry')
        .values({
          at: e.at.getTime(),
          staff_id: e.staffId,
          action: e.action,
          subject: e.subject,
          detail: e.detail,
        })
        .execute()
    },

    async listAudit(limit, beforeId) {
      let q = db
        .selectFrom('audit_entry as a')
        .leftJoin('staff', 'staff.id', 'a.staff_id')
        .select([
          'a.id',
          'a.at',
          'a.staff_id',
          'staff.name as staff_name',
          'a.action',
          'a.subject',
          'a.detail',
        ])
        .orderBy('a.id', 'desc')
        .limit(limit)
      if (beforeId) q = q.where('a.id', '<', beforeId)
      const rows = await q.execute()
      return rows.map((r) => ({
        id: r.id,
        at: new Date(r.at),
        staffId: r.staff_id,
        staffName: r.staff_name,
        action: r.action,
        subject: r.subject,
        detail: r.detail,
      }))
    },
  }
}
