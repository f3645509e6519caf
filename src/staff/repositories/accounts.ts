import type { Kysely } from 'kysely'
import type { Database } from '../../storage/index.js'
import type { Role } from '../policy.js'
import type { StaffMember } from '../staff-member.js'
import { STAFF_COLUMNS, toStaff } from './rows.js'

/** A new account as the service has checked it, its password already hashed. */
export interface NewStaff {
  email: string
  name: string
  role: Role
  passwordHash: string
  authorId: number | null
  /** The password was shown to someone else (the demo's owner): a new one is asked for. */
  oneTimePassword?: boolean
}

/** Staff accounts and their password hashes. */
export interface StaffAccounts {
  countStaff(): Promise<number>
  /** Returns the new id; a taken email is the database's unique violation. */
  insertStaff(s: NewStaff, now: Date): Promise<number>
  /** The account with this (already normalised) email, with its hash for checking a password. */
  findByEmailWithHash(
    email: string,
  ): Promise<{ staff: StaffMember; passwordHash: string } | undefined>
  findById(id: number): Promise<StaffMember | undefined>
  /** By name. */
  listStaff(): Promise<StaffMember[]>
  passwordHashOf(staffId: number): Promise<string | undefined>
  /** A new password, chosen by its owner: no longer one-time. */
  setPasswordHash(staffId: number, hash: string): Promise<void>
  /** Marks the account disabled and ends every one of its sessions. */
  disableStaff(staffId: number, now: Date): Promise<void>
  deleteStaff(staffId: number): Promise<void>
}

export function createStaffAccounts(db: Kysely<Database>): StaffAccounts {
  return {
    async countStaff() {
      const r = await db
        .selectFrom('staff')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow()
      return Number(r.n)
    },

    async insertStaff(s, now) {
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
          password_one_time: s.oneTimePassword ? 1 : 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return r.id
    },

    async findByEmailWithHash(email) {
      const r = await db
        .selectFrom('staff')
        .selectAll()
        .where('email', '=', email)
        .executeTakeFirst()
      return r ? { staff: toStaff(r), passwordHash: r.password_hash } : undefined
    },

    async findById(id) {
      const r = await db
        .selectFrom('staff')
        .select(STAFF_COLUMNS)
        .where('id', '=', id)
        .executeTakeFirst()
      return r ? toStaff(r) : undefined
    },

    async listStaff() {
      const rows = await db.selectFrom('staff').select(STAFF_COLUMNS).orderBy('name').execute()
      return rows.map(toStaff)
    },

    async passwordHashOf(staffId) {
      const r = await db
        .selectFrom('staff')
        .select('password_hash')
        .where('id', '=', staffId)
        .executeTakeFirst()
      return r?.password_hash
    },

    async setPasswordHash(staffId, hash) {
      await db
        .updateTable('staff')
        .set({ password_hash: hash, password_one_time: 0 })
        .where('id', '=', staffId)
        .execute()
    },

    async disableStaff(staffId, now) {
      await db
        .updateTable('staff')
        .set({ disabled_at: now.getTime() })
        .where('id', '=', staffId)
        .execute()
      await db.deleteFrom('staff_session').where('staff_id', '=', staffId).execute()
    },

    async deleteStaff(staffId) {
      await db.deleteFrom('staff').where('id', '=', staffId).execute()
    },
  }
}
