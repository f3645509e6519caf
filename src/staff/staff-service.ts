import type { Clock } from '../lib/clock.js'
import { type AccountService, createAccountService } from './accounts.js'
import { type AuditRecorder, type StaffAudit, createStaffAudit } from './audit.js'
import { type Passkeys, createPasskeys } from './auth/passkeys.js'
import { createPasswords } from './auth/passwords.js'
import { type SessionService, createSessionService } from './auth/sessions.js'
import { type SignIn, createSignIn } from './auth/sign-in.js'
import { type TwoFactor, createTwoFactor } from './auth/two-factor.js'
import { type PasswordLinks, createPasswordLinks } from './password-links.js'
import type { Role } from './policy.js'
import { type ServerSigner, createSigner } from './signer.js'
import type { StaffRepository } from './staff-repository.js'

export { SESSION_IDLE_MS, SESSION_MAX_MS } from './auth/sessions.js'
export type { SignInResult } from './auth/sign-in.js'
export type { DisableOutcome, StaffInput } from './accounts.js'
export type { AuditRecord, AuditRecorder } from './audit.js'
export type { RelyingParty } from './auth/passkeys.js'
export type { TwoFactorEnrolment } from './auth/two-factor.js'
export type { Signer, ServerSigner } from './signer.js'
export type {
  AccountService,
  PasswordLinks,
  Passkeys,
  SessionService,
  SignIn,
  StaffAudit,
  TwoFactor,
}
export type { Role }

/** How old an attempt counter must be before housekeeping drops it. */
const COUNTER_KEEP_MS = 24 * 3600_000

export interface StaffServiceDeps {
  repo: StaffRepository
  clock: Clock
  /** Records an audit entry; the service calls it for sign-ins and account changes. */
  audit: AuditRecorder
}

/**
 * The staff domain's use cases, one part per concern: accounts, sign-in (password, code,
 * passkey), two-factor, sessions, password links, the audit log, and the server's signer.
 */
export interface StaffService
  extends
    ServerSigner,
    AccountService,
    SignIn,
    TwoFactor,
    Passkeys,
    SessionService,
    PasswordLinks,
    StaffAudit {
  /** Housekeeping: expired sessions and day-old attempt counters go. */
  cleanUp(): Promise<void>
}

export function createStaffService(deps: StaffServiceDeps): StaffService {
  const { repo, clock, audit } = deps
  const signer = createSigner(repo)
  const passwords = createPasswords()
  const parts = { repo, clock, audit, signer, passwords }
  return {
    ...signer,
    ...createAccountService(parts),
    ...createSignIn(parts),
    ...createTwoFactor(parts),
    ...createPasskeys(parts),
    ...createSessionService(parts),
    ...createPasswordLinks(parts),
    ...createStaffAudit(parts),

    async cleanUp() {
      const now = clock.now()
      await repo.deleteExpiredSessions(now)
      await repo.deleteStaleCounters(new Date(now.getTime() - COUNTER_KEEP_MS))
    },
  }
}
