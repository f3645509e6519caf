import type { Kysely } from 'kysely'
import type { Database } from '../../storage/index.js'
import type { StaffMember } from '../staff-member.js'
import { STAFF_COLUMNS, toStaff } from './rows.js'

/** A stored session, found by the hash of its cookie's token. */
export interface StoredSession {
  staff: StaffMember
  createdAt: Date
  lastSeenAt: Date
  expiresAt: Date
}

/** Signed-in browsers, stored by token hash so every instance sees them. */
export interface SessionStore {
  insertSession(s: {
    tokenHash: string
    staffId: number
    now: Date
    expiresAt: Date
  }): Promise<void>
  findSession(tokenHash: string): Promise<StoredSession | undefined>
  /** Records a use and moves the expiry. */
  touchSession(tokenHash: string, now: Date, expiresAt: Date): Promise<void>
  deleteSession(tokenHash: string): Promise<void>
  /** Ends every session of one account; returns how many there were. */
  deleteSessionsOf(staffId: number): Promise<number>
  deleteExpiredSessions(now: Date): Promise<void>
}

export function createSessionStore(db: Kysely<Database>): SessionStore {
  return {
    async insertSession(s) {
      await db
        .insertInto('staff_session')
        .values({
          token_hash: s.tokenHash,
          staff_id: s.staffId,
          created_at: s.now.getTime(),
          last_seen_at: s.now.getTime(),
          expires_at: s.expiresAt.getTime(),
        })
        .execute()
    },

    async findSession(tokenHash) {
      const r = await db
        .selectFrom('staff_session as s')
        .innerJoin('staff', 'staff.id', 's.staff_id')
        .select([
          ...STAFF_COLUMNS.map((c) => `staff.${c}` as const),
          's.created_at as session_created_at',
          's.last_seen_at',
          's.expires_at',
        ])
        .where('s.token_hash', '=', tokenHash)
        .executeTakeFirst()
      if (!r) return undefined
      return {
        staff: toStaff(r),
        createdAt: new Date(r.session_created_at),
        lastSeenAt: new Date(r.last_seen_at),
        expiresAt: new Date(r.expires_at),
      }
    },

    async touchSession(tokenHash, now, expiresAt) {
      await db
        .updateTable('staff_session')
        .set({ last_seen_at: now.getTime(), expires_at: expiresAt.getTime() })
        .where('token_hash', '=', tokenHash)
        .execute()
    },

    async deleteSession(tokenHash) {
      await db.deleteFrom('staff_session').where('token_hash', '=', tokenHash).execute()
    },

    async deleteSessionsOf(staffId) {
      const r = await db
        .deleteFrom('staff_session')
        .where('staff_id', '=', staffId)
        .executeTakeFirst()
      return Number(r.numDeletedRows)
    },

    async deleteExpiredSessions(now) {
      await db.deleteFrom('staff_session').where('expires_at', '<=', now.getTime()).execute()
    },
  }
}
