export * from './policy.js'
export type { StaffMember } from './staff-member.js'
export {
  createStaffRepository,
  type StaffRepository,
  type AuditEntry,
  type AuditLog,
  type PasskeyStore,
  type SecretStore,
  type SessionStore,
  type SigninCounters,
  type StaffAccounts,
  type TotpStore,
} from './staff-repository.js'
export {
  createStaffService,
  type StaffService,
  type StaffServiceDeps,
  type SignInResult,
  type Signer,
  type ServerSigner,
  type AuditRecorder,
  SESSION_IDLE_MS,
  SESSION_MAX_MS,
} from './staff-service.js'
