import type { Clock } from '../../lib/clock.js'
import type { AuditRecorder } from '../audit.js'
import type { StaffAccounts } from '../repositories/accounts.js'
import type { SigninCounters } from '../repositories/counters.js'
import type { SessionStore } from '../repositories/sessions.js'
import type { TotpStore } from '../repositories/totp.js'
import type { Signer } from '../signer.js'
import type { StaffMember } from '../staff-member.js'
import type { Passwords } from './passwords.js'
import { type OpenedSession, startSession } from './sessions.js'
import { ACCOUNT_RULE, ADDRESS_RULE, type Counter, blockedUntil } from './throttle.js'
import { checkCode } from './totp.js'

/** How long the proof of a right password waits for the second factor. */
const PENDING_MS = 5 * 60_000

export type SignInResult =
  | OpenedSession
  /** Password right, two-factor on: `pending` proves the password for a few minutes. */
  | { ok: 'needs-code'; pending: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAt: Date }

/** Signing in with a password, and the second step with a code when two-factor is on. */
export interface SignIn {
  /**
   * Every attempt counts against the account and the address (hashed) before the password is
   * checked; past either limit the answer is `throttled` whatever the password.
   */
  signIn(email: string, password: string, address: string): Promise<SignInResult>
  /** Second step: the code from the authenticator app, with the proof of the password. */
  completeSignIn(pending: string, code: string, address: string): Promise<SignInResult>
  /** Whether this is the staff member's current password (re-checked before adding a passkey). */
  checkPassword(staff: StaffMember, password: string): Promise<boolean>
}

export interface SignInDeps {
  repo: Pick<StaffAccounts, 'findByEmailWithHash' | 'findById' | 'passwordHashOf'> &
    SigninCounters &
    Pick<TotpStore, 'totpOf' | 'claimTotpStep'> &
    Pick<SessionStore, 'insertSession'>
  clock: Clock
  signer: Signer
  passwords: Passwords
  audit: AuditRecorder
}

export function createSignIn(deps: SignInDeps): SignIn {
  const { repo, clock, signer } = deps

  async function pendingToken(staffId: number, expires: number): Promise<string> {
    return `${staffId}.${expires}.${await signer.sign(`pending:${staffId}:${expires}`)}`
  }

  async function readPendingToken(token: string, now: number): Promise<number | null> {
    const m = /^([1-9][0-9]{0,11})\.([0-9]{13})\.([A-Za-z0-9_-]{43})$/.exec(token)
    if (!m || Number(m[2]) <= now) return null
    return (await signer.verifySigned(`pending:${m[1]}:${m[2]}`, m[3]!)) ? Number(m[1]) : null
  }

  /** When counted attempts are past either limit: the time the window ends; else null. */
  function overLimit(account: Counter, address: Counter): Date | null {
    return blockedUntil(account, ACCOUNT_RULE) ?? blockedUntil(address, ADDRESS_RULE)
  }

  async function addressKey(address: string) {
    // Addresses are never stored: a keyed hash is enough to count failures from one place.
    return `address:${(await signer.sign(address)).slice(0, 22)}`
  }

  return {
    async signIn(emailRaw, password, address) {
      const email = emailRaw.trim().toLowerCase().slice(0, 254)
      const now = clock.now().getTime()
      const accountKey = `account:${email}`
      const addrKey = await addressKey(address)
      // Every attempt is counted before the password is checked, in one statement each, so
      // parallel guesses cannot all slip under the limit; a success takes its count back.
      const [acc, addr] = await Promise.all([
        repo.bumpCounter(accountKey, ACCOUNT_RULE.windowMs, now),
        repo.bumpCounter(addrKey, ADDRESS_RULE.windowMs, now),
      ])
      const blocked = overLimit(acc, addr)
      if (blocked) {
        await deps.audit({ staffId: null, action: 'signin.throttled', subject: email })
        return { ok: false, reason: 'throttled', retryAt: blocked }
      }
      const found = await repo.findByEmailWithHash(email)
      const ok = await deps.passwords.verifyOrNone(found?.passwordHash, password)
      if (!found || !ok || found.staff.disabledAt) {
        await deps.audit({
          staffId: found?.staff.id ?? null,
          action: 'signin.failed',
          subject: email,
        })
        return { ok: false, reason: 'invalid' }
      }
      await repo.unbumpCounter(addrKey)
      await repo.clearCounter(accountKey)
      if (found.staff.twoFactor) {
        return { ok: 'needs-code', pending: await pendingToken(found.staff.id, now + PENDING_MS) }
      }
      return startSession(deps, found.staff, now)
    },

    async completeSignIn(pending, code, address) {
      const now = clock.now().getTime()
      const staffId = await readPendingToken(pending, now)
      if (staffId === null) return { ok: false, reason: 'invalid' }
      const key = `code:${staffId}`
      const addrKey = await addressKey(address)
      const [c, addr] = await Promise.all([
        repo.bumpCounter(key, ACCOUNT_RULE.windowMs, now),
        repo.bumpCounter(addrKey, ADDRESS_RULE.windowMs, now),
      ])
      const blocked = overLimit(c, addr)
      if (blocked) return { ok: false, reason: 'throttled', retryAt: blocked }
      const [staff, totp] = await Promise.all([repo.findById(staffId), repo.totpOf(staffId)])
      const step =
        staff && !staff.disabledAt && totp?.secret ? await checkCode(totp.secret, code, now) : null
      if (!staff || step === null || !(await repo.claimTotpStep(staffId, step))) {
        await deps.audit({ staffId, action: 'signin.code-failed', subject: `staff:${staffId}` })
        return { ok: false, reason: 'invalid' }
      }
      await repo.unbumpCounter(addrKey)
      await repo.clearCounter(key)
      return startSession(deps, staff, now)
    },

    async checkPassword(staff, password) {
      const hash = await repo.passwordHashOf(staff.id)
      if (!hash) return false
      return deps.passwords.verify(hash, password)
    },
  }
}
