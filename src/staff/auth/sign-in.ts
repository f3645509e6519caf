import crypto from 'node:crypto'
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
import {
  ACCOUNT_WINDOW_MS,
  ADDRESS_RULE,
  CLIENT_RULE,
  type Counter,
  mustWaitUntil,
} from './throttle.js'
import { checkCode } from './totp.js'

/** How long the proof of a right password waits for the second factor. */
const PENDING_MS = 5 * 60_000

export type SignInResult =
  /** `device`: proof that this browser signed in to this account, to keep (throttle.ts). */
  | (OpenedSession & { device?: string })
  /** Password right, two-factor on: `pending` proves the password for a few minutes. */
  | { ok: 'needs-code'; pending: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAt: Date }

/** Signing in with a password, and the second step with a code when two-factor is on. */
export interface SignIn {
  /**
   * Failures buy growing delays (throttle.ts) per client and account and per address; an
   * attempt made before its delay is over is `throttled` without the password being checked.
   * `client` is the address and, when the browser kept one, its device proof (a bare string:
   * the address alone).
   */
  signIn(email: string, password: string, client: Client | string): Promise<SignInResult>
  /** Second step: the code from the authenticator app, with the proof of the password. */
  completeSignIn(pending: string, code: string, client: Client | string): Promise<SignInResult>
  /** Whether this is the staff member's current password (re-checked before adding a passkey). */
  checkPassword(staff: StaffMember, password: string): Promise<boolean>
}

/** Who is signing in, as far as we can tell: the address, and a device proof if any. */
export interface Client {
  address: string
  device?: string | undefined
}

const clientOf = (c: Client | string): Client => (typeof c === 'string' ? { address: c } : c)

export interface SignInDeps {
  repo: Pick<StaffAccounts, 'findByEmailWithHash' | 'findById' | 'passwordHashOf'> &
    Pick<SigninCounters, 'bumpCounter' | 'unbumpCounter' | 'clearCounter' | 'peekCounter'> &
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

  async function addressKey(address: string) {
    // Addresses are never stored: a keyed hash is enough to count failures from one place.
    return `address:${(await signer.sign(address)).slice(0, 22)}`
  }

  async function deviceProof(staffId: number): Promise<string> {
    const id = crypto.randomBytes(12).toString('base64url')
    return `${staffId}.${id}.${await signer.sign(`device:${staffId}:${id}`)}`
  }

  /** The device id of a proof that this browser signed in to `staffId` before; else null. */
  async function knownDevice(proof: string | undefined, staffId: number | undefined) {
    const m = /^([1-9][0-9]{0,11})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(proof ?? '')
    if (!m || staffId === undefined || Number(m[1]) !== staffId) return null
    return (await signer.verifySigned(`device:${m[1]}:${m[2]}`, m[3]!)) ? m[2]! : null
  }

  /**
   * Counts this attempt against its client and account first (one statement, so parallel
   * guesses each see their own number), then asks the rule whether it must wait; a refused
   * attempt is taken back, so waiting costs nothing more.
   */
  async function admit(
    keys: { client: string; account: string; address: string },
    device: boolean,
    now: number,
  ) {
    const [client, account, address] = await Promise.all([
      repo.bumpCounter(keys.client, CLIENT_RULE.windowMs, now),
      repo.peekCounter(keys.account, ACCOUNT_WINDOW_MS, now),
      repo.peekCounter(keys.address, ADDRESS_RULE.windowMs, now),
    ])
    const earlier: Counter = { failures: client.failures - 1, windowStart: client.windowStart }
    const until = mustWaitUntil({ client: earlier, account, address, knownDevice: device, now })
    if (until) await repo.unbumpCounter(keys.client)
    return until
  }

  async function failed(keys: { account: string; address: string }, now: number) {
    await Promise.all([
      repo.bumpCounter(keys.account, ACCOUNT_WINDOW_MS, now),
      repo.bumpCounter(keys.address, ADDRESS_RULE.windowMs, now),
    ])
  }

  return {
    async signIn(emailRaw, password, client) {
      const who = clientOf(client)
      const email = emailRaw.trim().toLowerCase().slice(0, 254)
      const now = clock.now().getTime()
      // Looked up before the throttle so that a known and an unknown address cost the same.
      const found = await repo.findByEmailWithHash(email)
      const device = await knownDevice(who.device, found?.staff.id)
      const address = await addressKey(who.address)
      const keys = {
        client: `client:${device ? `device:${device}` : address}:${email}`,
        account: `account:${email}`,
        address,
      }
      const until = await admit(keys, device !== null, now)
      if (until) {
        await deps.audit({ staffId: null, action: 'signin.throttled', subject: email })
        return { ok: false, reason: 'throttled', retryAt: until }
      }
      const ok = await deps.passwords.verifyOrNone(found?.passwordHash, password)
      if (!found || !ok || found.staff.disabledAt) {
        await failed(keys, now)
        await deps.audit({
          staffId: found?.staff.id ?? null,
          action: 'signin.failed',
          subject: email,
        })
        return { ok: false, reason: 'invalid' }
      }
      await repo.clearCounter(keys.client)
      if (found.staff.twoFactor) {
        return { ok: 'needs-code', pending: await pendingToken(found.staff.id, now + PENDING_MS) }
      }
      const session = await startSession(deps, found.staff, now)
      return {
        ...session,
        device: who.device && device ? who.device : await deviceProof(found.staff.id),
      }
    },

    async completeSignIn(pending, code, client) {
      const who = clientOf(client)
      const now = clock.now().getTime()
      const staffId = await readPendingToken(pending, now)
      if (staffId === null) return { ok: false, reason: 'invalid' }
      const device = await knownDevice(who.device, staffId)
      const address = await addressKey(who.address)
      const keys = {
        client: `code:${staffId}:${device ? `device:${device}` : address}`,
        account: `code:${staffId}`,
        address,
      }
      const until = await admit(keys, device !== null, now)
      if (until) return { ok: false, reason: 'throttled', retryAt: until }
      const [staff, totp] = await Promise.all([repo.findById(staffId), repo.totpOf(staffId)])
      const step =
        staff && !staff.disabledAt && totp?.secret ? await checkCode(totp.secret, code, now) : null
      if (!staff || step === null || !(await repo.claimTotpStep(staffId, step))) {
        await failed(keys, now)
        await deps.audit({ staffId, action: 'signin.code-failed', subject: `staff:${staffId}` })
        return { ok: false, reason: 'invalid' }
      }
      await repo.clearCounter(keys.client)
      const session = await startSession(deps, staff, now)
      return { ...session, device: who.device && device ? who.device : await deviceProof(staffId) }
    },

    async checkPassword(staff, password) {
      const hash = await repo.passwordHashOf(staff.id)
      if (!hash) return false
      return deps.passwords.verify(hash, password)
    },
  }
}
