import { type Kysely, type Selectable, sql } from 'kysely'
import type { Database, StaffTable } from '../storage/index.js'
import type { Counter } from './throttle.js'
import { type Role, isRole } from './policy.js'

export interface StaffMember {
  id: number
  email: string
  name: string
  role: Role
  authorId: number | null
  createdAt: Date
  disabledAt: Date | null
  twoFactor: boolean
}

export interface AuditEntry {
  id: number
  at: Date
  staffId: number | null
  staffName: string | null
  action: string
  subject: string
  detail: string
}

// The TOTP secret is read only to know whether two-factor is on; it never leaves this file.
function toStaff(r: Omit<Selectable<StaffTable>, 'password_hash' | 'totp_last_step'>): StaffMember {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: isRole(r.role) ? r.role : 'contributor',
    authorId: r.author_id,
    createdAt: new Date(r.created_at),
    disabledAt: r.disabled_at === null ? null : new Date(r.disabled_at),
    twoFactor: r.totp_secret !== null,
  }
}

const STAFF_COLUMNS = [
  'id',
  'email',
  'name',
  'role',
  'author_id',
  'created_at',
  'disabled_at',
  'totp_secret',
] as const

/** Queries only, on both databases. */
export function createStaffRepository(db: Kysely<Database>) {
  return {
    async countStaff(): Promise<number> {
      const r = await db
        .selectFrom('staff')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow()
      return Number(r.n)
    },

    async insertStaff(
      s: { email: string; name: string; role: Role; passwordHash: string; authorId: number | null },
      now: Date,
    ) {
      const r = await db
        .insertInto('staff')
        .values({
          email: s.email,
          name: s.name,
          role: s.role,
          password_hash: s.passwordHash,
          author_id: s.authorId,
          created_at: now.getTime(),
          disabled_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return r.id
    },

    async findByEmailWithHash(
      email: string,
    ): Promise<{ staff: StaffMember; passwordHash: string } | undefined> {
      const r = await db
        .selectFrom('staff')
        .selectAll()
        .where('email', '=', email)
        .executeTakeFirst()
      return r ? { staff: toStaff(r), passwordHash: r.password_hash } : undefined
    },

    async totpOf(
      staffId: number,
    ): Promise<{ secret: string | null; lastStep: number | null } | undefined> {
      const r = await db
        .selectFrom('staff')
        .select(['totp_secret', 'totp_last_step'])
        .where('id', '=', staffId)
        .executeTakeFirst()
      return r
        ? {
            secret: r.totp_secret,
            lastStep: r.totp_last_step === null ? null : Number(r.totp_last_step),
          }
        : undefined
    },

    async setTotp(staffId: number, secret: string | null, lastStep: number | null) {
      await db
        .updateTable('staff')
        .set({ totp_secret: secret, totp_last_step: lastStep })
        .where('id', '=', staffId)
        .execute()
    },

    /** Accepts a time step only if it is newer than the last one (atomic: a code is good once). */
    async claimTotpStep(staffId: number, step: number): Promise<boolean> {
      const r = await db
        .updateTable('staff')
        .set({ totp_last_step: step })
        .where('id', '=', staffId)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },

    async insertPasskey(
      p: {
        id: string
        staffId: number
        publicKey: string
        counter: number
        transports: string[]
        name: string
      },
      now: Date,
    ) {
      await db
        .insertInto('staff_passkey')
        .values({
          id: p.id,
          staff_id: p.staffId,
          public_key: p.publicKey,
          counter: p.counter,
          transports: JSON.stringify(p.transports),
          name: p.name,
          created_at: now.getTime(),
          last_used_at: null,
        })
        .execute()
    },

    async findPasskey(id: string) {
      const r = await db
        .selectFrom('staff_passkey')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst()
      if (!r) return undefined
      let transports: string[] = []
      try {
        transports = JSON.parse(r.transports) as string[]
      } catch {
        transports = []
      }
      return {
        id: r.id,
        staffId: r.staff_id,
        publicKey: r.public_key,
        counter: Number(r.counter),
        transports,
      }
    },

    async listPasskeys(staffId: number) {
      const rows = await db
        .selectFrom('staff_passkey')
        .select(['id', 'name', 'created_at', 'last_used_at'])
        .where('staff_id', '=', staffId)
        .orderBy('created_at')
        .execute()
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        createdAt: new Date(r.created_at),
        lastUsedAt: r.last_used_at === null ? null : new Date(r.last_used_at),
      }))
    },

    async usePasskey(id: string, counter: number, now: Date) {
      await db
        .updateTable('staff_passkey')
        .set({ counter, last_used_at: now.getTime() })
        .where('id', '=', id)
        .execute()
    },

    async deletePasskey(id: string, staffId: number): Promise<boolean> {
      const r = await db
        .deleteFrom('staff_passkey')
        .where('id', '=', id)
        .where('staff_id', '=', staffId)
        .executeTakeFirst()
      return Number(r.numDeletedRows) === 1
    },

    async passwordHashOf(staffId: number): Promise<string | undefined> {
      const r = await db
        .selectFrom('staff')
        .select('password_hash')
        .where('id', '=', staffId)
        .executeTakeFirst()
      return r?.password_hash
    },

    async setPasswordHash(staffId: number, hash: string) {
      await db.updateTable('staff').set({ password_hash: hash }).where('id', '=', staffId).execute()
    },

    async disableStaff(staffId: number, now: Date) {
      await db
        .updateTable('staff')
        .set({ disabled_at: now.getTime() })
        .where('id', '=', staffId)
        .execute()
      await db.deleteFrom('staff_session').where('staff_id', '=', staffId).execute()
    },

    async deleteStaff(staffId: number) {
      await db.deleteFrom('staff').where('id', '=', staffId).execute()
    },

    async findById(id: number): Promise<StaffMember | undefined> {
      const r = await db
        .selectFrom('staff')
        .select(STAFF_COLUMNS)
        .where('id', '=', id)
        .executeTakeFirst()
      return r ? toStaff(r) : undefined
    },

    async listStaff(): Promise<StaffMember[]> {
      const rows = await db.selectFrom('staff').select(STAFF_COLUMNS).orderBy('name').execute()
      return rows.map(toStaff)
    },

    async insertSession(s: { tokenHash: string; staffId: number; now: Date; expiresAt: Date }) {
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

    async findSession(tokenHash: string) {
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

    async touchSession(tokenHash: string, now: Date, expiresAt: Date) {
      await db
        .updateTable('staff_session')
        .set({ last_seen_at: now.getTime(), expires_at: expiresAt.getTime() })
        .where('token_hash', '=', tokenHash)
        .execute()
    },

    async deleteSession(tokenHash: string) {
      await db.deleteFrom('staff_session').where('token_hash', '=', tokenHash).execute()
    },

    async deleteSessionsOf(staffId: number): Promise<number> {
      const r = await db
        .deleteFrom('staff_session')
        .where('staff_id', '=', staffId)
        .executeTakeFirst()
      return Number(r.numDeletedRows)
    },

    async deleteExpiredSessions(now: Date) {
      await db.deleteFrom('staff_session').where('expires_at', '<=', now.getTime()).execute()
    },

    /** Counters whose window ended long ago say nothing any more. */
    async deleteStaleCounters(before: Date) {
      await db.deleteFrom('signin_counter').where('window_start', '<', before.getTime()).execute()
    },

    /**
     * Counts one more attempt, in one statement, and returns the counter after it: parallel
     * attempts cannot all read the old count and slip past the limit.
     */
    async bumpCounter(key: string, windowMs: number, now: number): Promise<Counter> {
      const cutoff = now - windowMs
      const r = await db
        .insertInto('signin_counter')
        .values({ key, failures: 1, window_start: now })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            failures: sql<number>`case when signin_counter.window_start <= ${cutoff} then 1 else signin_counter.failures + 1 end`,
            window_start: sql<number>`case when signin_counter.window_start <= ${cutoff} then ${now} else signin_counter.window_start end`,
          }),
        )
        .returning(['failures', 'window_start'])
        .executeTakeFirstOrThrow()
      return { failures: Number(r.failures), windowStart: Number(r.window_start) }
    },

    /** Takes back one counted attempt (it turned out to be a success). */
    async unbumpCounter(key: string) {
      await db
        .updateTable('signin_counter')
        .set({ failures: sql<number>`case when failures > 0 then failures - 1 else 0 end` })
        .where('key', '=', key)
        .execute()
    },

    async clearCounter(key: string) {
      await db.deleteFrom('signin_counter').where('key', '=', key).execute()
    },

    async insertAudit(e: {
      at: Date
      staffId: number | null
      action: string
      subject: string
      detail: string
    }) {
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

    async listAudit(limit: number, beforeId?: number): Promise<AuditEntry[]> {
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

    /** The server's own secret (for CSRF tokens and address hashes), made once, shared by every instance. */
    async secret(make: () => string): Promise<string> {
      await db
        .insertInto('setting')
        .values({ key: 'secret', value: make() })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute()
      const r = await db
        .selectFrom('setting')
        .select('value')
        .where('key', '=', 'secret')
        .executeTakeFirstOrThrow()
      return r.value
    },
  }
}

export type StaffRepository = ReturnType<typeof createStaffRepository>
