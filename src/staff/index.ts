export * from './policy.js'
export {
  createStaffRepository,
  type StaffRepository,
  type StaffMember,
  type AuditEntry,
} from './staff-repository.js'
export {
  createStaffService,
  type StaffService,
  type SignInResult,
  SESSION_IDLE_MS,
  SESSION_MAX_MS,
} from './staff-service.js'
