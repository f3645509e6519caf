import type { Kysely } from 'kysely'
import type { Database } from '../storage/index.js'
import { type StaffAccounts, createStaffAccounts } from './repositories/accounts.js'
import { type AuditLog, createAuditLog } from './repositories/audit-log.js'
import { type SigninCounters, createSigninCounters } from './repositories/counters.js'
import { type PasskeyStore, createPasskeyStore } from './repositories/passkeys.js'
import { type SecretStore, createSecretStore } from './repositories/secret.js'
import { type SessionStore, createSessionStore } from './repositories/sessions.js'
import { type TotpStore, createTotpStore } from './repositories/totp.js'

export type { StaffMember } from './staff-member.js'
export type { AuditEntry } from './repositories/audit-log.js'
export type { NewStaff } from './repositories/accounts.js'
export type { PasskeyListing, StoredPasskey } from './repositories/passkeys.js'
export type { StoredSession } from './repositories/sessions.js'
export type { TotpState } from './repositories/totp.js'
export type {
  AuditLog,
  PasskeyStore,
  SecretStore,
  SessionStore,
  SigninCounters,
  StaffAccounts,
  TotpStore,
}

/**
 * Every staff query, one part per concern (see `repositories/`). Queries only, on both
 * databases; a caller that needs one concern takes that part's interface instead of this one.
 */
export interface StaffRepository
  extends
    StaffAccounts,
    SessionStore,
    SigninCounters,
    TotpStore,
    PasskeyStore,
    AuditLog,
    SecretStore {}

export function createStaffRepository(db: Kysely<Database>): StaffRepository {
  return {
    ...createStaffAccounts(db),
    ...createSessionStore(db),
    ...createSigninCounters(db),
    ...createTotpStore(db),
    ...createPasskeyStore(db),
    ...createAuditLog(db),
    ...createSecretStore(db),
  }
}
