import type { Selectable } from 'kysely'
import type { StaffTable } from '../../storage/index.js'
import { isRole } from '../policy.js'
import type { StaffMember } from '../staff-member.js'

/** The staff columns a `StaffMember` is made of; never the password hash. */
export const STAFF_COLUMNS = [
  'id',
  'email',
  'name',
  'role',
  'author_id',
  'created_at',
  'disabled_at',
  'totp_secret',
  'password_one_time',
] as const

// The TOTP secret is read only to know whether two-factor is on; it never leaves the repository.
export function toStaff(
  r: Omit<Selectable<StaffTable>, 'password_hash' | 'totp_last_step'>,
): StaffMember {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    // A role this version does not know (written by a newer one) gets the least access.
    role: isRole(r.role) ? r.role : 'contributor',
    authorId: r.author_id,
    createdAt: new Date(r.created_at),
    disabledAt: r.disabled_at === null ? null : new Date(r.disabled_at),
    twoFactor: r.totp_secret !== null,
    mustChangePassword: Number(r.password_one_time) === 1,
  }
}
