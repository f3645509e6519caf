import crypto from 'node:crypto'
import { z } from 'zod'
import type { Clock } from '../lib/clock.js'
import { AppError } from '../lib/errors.js'
import { isUniqueViolation } from '../storage/index.js'
import { ROLES, type Role, canAssignRole } from './policy.js'
import type { StaffMember, StaffRepository } from './staff-repository.js'
import { ACCOUNT_RULE, ADDRESS_RULE, type Counter, blockedUntil } from './throttle.js'

/** How long a session lives without use, and at most. */
export const SESSION_IDLE_MS = 24 * 3600_000
export const SESSION_MAX_MS = 30 * 24 * 3600_000
/** How long the proof of a right password waits for the second factor. */
const PENDING_MS = 5 * 60_000
/** last_seen is written at most this often: a page view should not always be a write. */
const TOUCH_EVERY_MS = 5 * 60_000

const StaffInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .refine(
      (e) => /^[^\s@<>()[\]\\,;:"]+@[a-z0-9.-]+\.[a-z]{2,}$/i.test(e),
      'must be an email address',
    ),
  name: z
    .string()
    .trim()
    .min(1)
    .max(120)
    // Names go into email headers: no line breaks of any kind, no control characters.
    // eslint-disable-next-line no-control-regex
    .refine((n) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(n), 'must be one line of text'),
  role: z.enum(ROLES),
  // Long passphrases are welcome; the upper bound keeps hashing cost bounded.
  password: z.string().min(12, 'use at least 12 characters').max(256),
  authorId: z.number().int().positive().nullish(),
})
export type StaffInput = z.input<typeof StaffInput>

export type SignInResult =
  | { ok: true; token: string; staff: StaffMember }
  /** Password right, two-factor on: `pending` proves the password for a few minutes. */
  | { ok: 'needs-code'; pending: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAt: Date }

export interface StaffServiceDeps {
  repo: StaffRepository
  clock: Clock
  /** Records an audit entry; the service calls it for sign-ins and account changes. */
  audit: (e: {
    staffId: number | null
    action: string
    subject?: string
    detail?: string
  }) => Promise<void>
}

export function createStaffService(deps: StaffServiceDeps) {
  const { repo, clock } = deps
  // @node-rs/argon2's default algorithm is argon2id; loaded on first use (native module).
  const argon = () => import('@node-rs/argon2')
  let secretMemo: Promise<string> | null = null
  const secret = () =>
    (secretMemo ??= repo
      .secret(() => crypto.randomBytes(32).toString('base64url'))
      .catch((err: unknown) => {
        // A failed first read (database down at start) must not stick until the next restart.
        secretMemo = null
        throw err
      }))
  // Verified when the email is unknown, so both answers take as long.
  let dummyHash: Promise<string> | null = null

  const tokenHash = (token: string) => crypto.createHash('sha256').update(token).digest('base64url')

  async function sign(data: string): Promise<string> {
    return crypto
      .createHmac('sha256', await secret())
      .update(data)
      .digest('base64url')
  }
  async function verifySigned(data: string, sig: string): Promise<boolean> {
    const a = Buffer.from(await sign(data))
    const b = Buffer.from(sig)
    return a.length === b.length && crypto.timingSafeEqual(a, b)
  }
  async function pendingToken(staffId: number, expires: number): Promise<string> {
    return `${staffId}.${expires}.${await sign(`pending:${staffId}:${expires}`)}`
  }
  async function readPendingToken(token: string, now: number): Promise<number | null> {
    const m = /^([1-9][0-9]{0,11})\.([0-9]{13})\.([A-Za-z0-9_-]{43})$/.exec(token)
    if (!m || Number(m[2]) <= now) return null
    return (await verifySigned(`pending:${m[1]}:${m[2]}`, m[3]!)) ? Number(m[1]) : null
  }
  /** The TOTP time step a six-digit code matches (one step either side for clock drift), or null. */
  async function checkCode(totpSecret: string, code: string, now: number): Promise<number | null> {
    const token = code.replace(/\s+/g, '')
    if (!/^[0-9]{6}$/.test(token)) return null
    const { verify } = await import('otplib')
    const epoch = Math.floor(now / 1000)
    try {
      const r = await verify({ secret: totpSecret, token, epoch, epochTolerance: 30 })
      return r.valid ? Math.floor(epoch / 30) + r.delta : null
    } catch {
      // A malformed secret (never one we issued) matches nothing.
      return null
    }
  }
  /** `purpose.staffId.expires.challenge.sig`: the challenge a browser must answer, for 5 minutes. */
  async function challengeToken(
    purpose: string,
    staffId: number,
    challenge: string,
  ): Promise<string> {
    const exp = clock.now().getTime() + PENDING_MS
    return `${purpose}.${staffId}.${exp}.${challenge}.${await sign(`wa:${purpose}:${staffId}:${exp}:${challenge}`)}`
  }
  async function readChallengeToken(
    token: string,
    purpose: string,
    staffId: number,
  ): Promise<string | null> {
    const m =
      /^([a-z]+)\.([0-9]+)\.([0-9]{13})\.([A-Za-z0-9_-]{16,200})\.([A-Za-z0-9_-]{43})$/.exec(token)
    if (!m || m[1] !== purpose || Number(m[2]) !== staffId || Number(m[3]) <= clock.now().getTime())
      return null
    return (await verifySigned(`wa:${purpose}:${staffId}:${m[3]}:${m[4]}`, m[5]!)) ? m[4]! : null
  }
  /** When counted attempts are past either limit: the time the window ends; else null. */
  function overLimit(account: Counter, address: Counter): Date | null {
    return blockedUntil(account, ACCOUNT_RULE) ?? blockedUntil(address, ADDRESS_RULE)
  }

  async function hashTag(staffId: number): Promise<string> {
    const h = (await repo.passwordHashOf(staffId)) ?? ''
    return crypto.createHash('sha256').update(h).digest('base64url').slice(0, 16)
  }

  async function startSession(staff: StaffMember, now: number): Promise<SignInResult> {
    const token = crypto.randomBytes(32).toString('base64url')
    await repo.insertSession({
      tokenHash: tokenHash(token),
      staffId: staff.id,
      now: new Date(now),
      expiresAt: new Date(now + SESSION_IDLE_MS),
    })
    await deps.audit({ staffId: staff.id, action: 'signin', subject: `staff:${staff.id}` })
    return { ok: true, token, staff }
  }

  async function addressKey(address: string) {
    // Addresses are never stored: a keyed hash is enough to count failures from one place.
    return `address:${crypto
      .createHmac('sha256', await secret())
      .update(address)
      .digest('base64url')
      .slice(0, 22)}`
  }

  return {
    secret,

    async addStaff(input: StaffInput, actorId: number | null = null): Promise<number> {
      const parsed = StaffInput.safeParse(input)
      if (!parsed.success) {
        throw new AppError('VALIDATION_FAILED', {
          status: 422,
          message: 'The account has problems',
          details: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
        })
      }
      const s = parsed.data
      const passwordHash = await (await argon()).hash(s.password)
      let id: number
      try {
        id = await repo.insertStaff(
          {
            email: s.email,
            name: s.name,
            role: s.role,
            passwordHash,
            authorId: s.authorId ?? null,
          },
          clock.now(),
        )
      } catch (err) {
        if (isUniqueViolation(err)) {
          throw new AppError('EMAIL_TAKEN', {
            status: 409,
            message: 'An account with this email already exists',
            cause: err,
          })
        }
        throw err
      }
      await deps.audit({
        staffId: actorId,
        action: 'staff.add',
        subject: `staff:${id}`,
        detail: `${s.email} as ${s.role}`,
      })
      return id
    },

    async signIn(emailRaw: string, password: string, address: string): Promise<SignInResult> {
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
      const { verify, hash } = await argon()
      dummyHash ??= hash('not a password of anyone here')
      const ok = found
        ? await verify(found.passwordHash, password.slice(0, 256)).catch(() => false)
        : (await verify(await dummyHash, password.slice(0, 256)).catch(() => false)) && false
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
      return startSession(found.staff, now)
    },

    /** Second step: the code from the authenticator app, with the proof of the password. */
    async completeSignIn(pending: string, code: string, address: string): Promise<SignInResult> {
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
      return startSession(staff, now)
    },

    /** A new secret to show while enrolling; `proof` lets the confirm step trust it came from us. */
    async beginTwoFactor(staff: StaffMember, issuer: string) {
      const { generateSecret, generateURI } = await import('otplib')
      const totpSecret = generateSecret()
      return {
        secret: totpSecret,
        uri: generateURI({ issuer, label: staff.email, secret: totpSecret }),
        proof: await sign(`enrol:${staff.id}:${totpSecret}`),
      }
    },

    /** Turns two-factor on once the person shows a code from the app they just set up. */
    async enableTwoFactor(
      staff: StaffMember,
      totpSecret: string,
      proof: string,
      code: string,
    ): Promise<boolean> {
      if (!(await verifySigned(`enrol:${staff.id}:${totpSecret}`, proof))) return false
      const step = await checkCode(totpSecret, code, clock.now().getTime())
      if (step === null) return false
      await repo.setTotp(staff.id, totpSecret, step)
      await deps.audit({ staffId: staff.id, action: 'two-factor.on', subject: `staff:${staff.id}` })
      return true
    },

    /** Turns it off; asks for a current code so a borrowed session alone cannot. */
    async disableTwoFactor(staff: StaffMember, code: string): Promise<boolean> {
      const totp = await repo.totpOf(staff.id)
      if (!totp?.secret) return true
      const step = await checkCode(totp.secret, code, clock.now().getTime())
      if (step === null || !(await repo.claimTotpStep(staff.id, step))) return false
      await repo.setTotp(staff.id, null, null)
      await deps.audit({
        staffId: staff.id,
        action: 'two-factor.off',
        subject: `staff:${staff.id}`,
      })
      return true
    },

    /**
     * Options for the browser to create a passkey, and a signed token holding the challenge
     * (kept by the browser in a cookie, checked when the result comes back).
     */
    /** Whether this is the staff member's current password (re-checked before adding a passkey). */
    async checkPassword(staff: StaffMember, password: string): Promise<boolean> {
      const hashValue = await repo.passwordHashOf(staff.id)
      if (!hashValue) return false
      return (await argon()).verify(hashValue, password.slice(0, 256)).catch(() => false)
    },

    async passkeyRegistrationOptions(staff: StaffMember, rp: { id: string; name: string }) {
      const { generateRegistrationOptions } = await import('@simplewebauthn/server')
      const existing = await repo.listPasskeys(staff.id)
      const options = await generateRegistrationOptions({
        rpName: rp.name,
        rpID: rp.id,
        userName: staff.email,
        userDisplayName: staff.name,
        userID: new TextEncoder().encode(`staff:${staff.id}`),
        attestationType: 'none',
        excludeCredentials: existing.map((p) => ({ id: p.id })),
        authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      })
      return { options, token: await challengeToken('reg', staff.id, options.challenge) }
    },

    async finishPasskeyRegistration(
      staff: StaffMember,
      response: unknown,
      token: string,
      rp: { id: string; origin: string },
      name: string,
    ): Promise<boolean> {
      const challenge = await readChallengeToken(token, 'reg', staff.id)
      if (!challenge) return false
      const { verifyRegistrationResponse } = await import('@simplewebauthn/server')
      try {
        const r = await verifyRegistrationResponse({
          response: response as Parameters<typeof verifyRegistrationResponse>[0]['response'],
          expectedChallenge: challenge,
          expectedOrigin: rp.origin,
          expectedRPID: rp.id,
          requireUserVerification: true,
        })
        if (!r.verified) return false
        const c = r.registrationInfo.credential
        await repo.insertPasskey(
          {
            id: c.id,
            staffId: staff.id,
            publicKey: Buffer.from(c.publicKey).toString('base64url'),
            counter: c.counter,
            transports: c.transports ?? [],
            name: name.trim().slice(0, 80) || 'Passkey',
          },
          clock.now(),
        )
      } catch {
        // A malformed or foreign response is a refusal, not a fault.
        return false
      }
      await deps.audit({ staffId: staff.id, action: 'passkey.add', subject: `staff:${staff.id}` })
      return true
    },

    async passkeySignInOptions(rpId: string) {
      const { generateAuthenticationOptions } = await import('@simplewebauthn/server')
      const options = await generateAuthenticationOptions({
        rpID: rpId,
        userVerification: 'required',
      })
      return { options, token: await challengeToken('auth', 0, options.challenge) }
    },

    /** A passkey with user verification is both factors at once: it opens a session directly. */
    async finishPasskeySignIn(
      response: unknown,
      token: string,
      rp: { id: string; origin: string },
    ): Promise<SignInResult> {
      const challenge = await readChallengeToken(token, 'auth', 0)
      const id = (response as { id?: unknown } | null)?.id
      const key =
        typeof id === 'string' && id.length < 1400 ? await repo.findPasskey(id) : undefined
      if (!challenge || !key) return { ok: false, reason: 'invalid' }
      const staff = await repo.findById(key.staffId)
      if (!staff || staff.disabledAt) return { ok: false, reason: 'invalid' }
      const { verifyAuthenticationResponse } = await import('@simplewebauthn/server')
      try {
        const r = await verifyAuthenticationResponse({
          response: response as Parameters<typeof verifyAuthenticationResponse>[0]['response'],
          expectedChallenge: challenge,
          expectedOrigin: rp.origin,
          expectedRPID: rp.id,
          requireUserVerification: true,
          credential: {
            id: key.id,
            publicKey: new Uint8Array(Buffer.from(key.publicKey, 'base64url')),
            counter: key.counter,
            transports: key.transports as never,
          },
        })
        if (!r.verified) return { ok: false, reason: 'invalid' }
        await repo.usePasskey(key.id, r.authenticationInfo.newCounter, clock.now())
      } catch {
        await deps.audit({
          staffId: staff.id,
          action: 'signin.passkey-failed',
          subject: `staff:${staff.id}`,
        })
        return { ok: false, reason: 'invalid' }
      }
      return startSession(staff, clock.now().getTime())
    },

    listPasskeys: (staffId: number) => repo.listPasskeys(staffId),

    async removePasskey(staff: StaffMember, id: string): Promise<boolean> {
      const ok = await repo.deletePasskey(id, staff.id)
      if (ok)
        await deps.audit({
          staffId: staff.id,
          action: 'passkey.remove',
          subject: `staff:${staff.id}`,
        })
      return ok
    },

    /** The staff member behind a session cookie, or null if it is unknown, expired or disabled. */
    async fromSession(
      token: string | undefined,
    ): Promise<{ staff: StaffMember; sessionId: string } | null> {
      if (!token || token.length > 100) return null
      const h = tokenHash(token)
      const s = await repo.findSession(h)
      const now = clock.now().getTime()
      if (!s || s.staff.disabledAt) return null
      if (s.expiresAt.getTime() <= now || now - s.createdAt.getTime() >= SESSION_MAX_MS) {
        await repo.deleteSession(h)
        return null
      }
      if (now - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        const expires = Math.min(now + SESSION_IDLE_MS, s.createdAt.getTime() + SESSION_MAX_MS)
        await repo.touchSession(h, new Date(now), new Date(expires))
      }
      return { staff: s.staff, sessionId: h }
    },

    async signOut(token: string | undefined, staffId: number | null) {
      if (token) await repo.deleteSession(tokenHash(token))
      if (staffId) await deps.audit({ staffId, action: 'signout', subject: `staff:${staffId}` })
    },

    /** Ends every session of this staff member, on every device and instance. */
    async signOutEverywhere(staffId: number): Promise<number> {
      const n = await repo.deleteSessionsOf(staffId)
      await deps.audit({
        staffId,
        action: 'signout.everywhere',
        subject: `staff:${staffId}`,
        detail: `${n} sessions`,
      })
      return n
    },

    /**
     * A link to set a password: for an invitation (7 days) or a reset (1 hour). It names the
     * current password hash, so it stops working once any password is set with it or otherwise.
     */
    async passwordLink(
      staffId: number,
      purpose: 'invite' | 'reset',
      origin: string,
    ): Promise<string> {
      const exp = clock.now().getTime() + (purpose === 'invite' ? 7 * 24 : 1) * 3600_000
      const sig = await sign(`pw:${staffId}:${exp}:${await hashTag(staffId)}`)
      return `${origin}/admin/password/set/${staffId}/${exp}/${sig}`
    },

    /** The staff member a password link was made for, if it is genuine, unexpired and unused. */
    async checkPasswordLink(id: string, exp: string, sig: string): Promise<StaffMember | null> {
      if (
        !/^[1-9][0-9]{0,11}$/.test(id) ||
        !/^[0-9]{13}$/.test(exp) ||
        Number(exp) <= clock.now().getTime()
      )
        return null
      const staff = await repo.findById(Number(id))
      if (!staff || staff.disabledAt) return null
      return (await verifySigned(`pw:${id}:${exp}:${await hashTag(staff.id)}`, sig)) ? staff : null
    },

    /** Sets a new password and ends every session of that account. */
    async setPassword(staff: StaffMember, password: string): Promise<void> {
      const parsed = StaffInput.shape.password.safeParse(password)
      if (!parsed.success) {
        throw new AppError('VALIDATION_FAILED', {
          status: 422,
          message: 'The password has problems',
          details: parsed.error.issues.map((i) => `password: ${i.message}`),
        })
      }
      await repo.setPasswordHash(staff.id, await (await argon()).hash(parsed.data))
      await repo.deleteSessionsOf(staff.id)
      await repo.clearCounter(`account:${staff.email}`)
      await deps.audit({ staffId: staff.id, action: 'password.set', subject: `staff:${staff.id}` })
    },

    /** An account for someone who will choose their own password from an emailed link. */
    async inviteStaff(
      input: Omit<StaffInput, 'password'>,
      actorId: number | null,
    ): Promise<number> {
      // A password nobody knows until the link is used: the account cannot be entered before.
      return this.addStaff(
        { ...input, password: crypto.randomBytes(24).toString('base64url') },
        actorId,
      )
    },

    /** Password-reset requests are limited per account, so nobody can flood a colleague's inbox. */
    async allowResetRequest(email: string): Promise<boolean> {
      const key = `reset:${email.trim().toLowerCase().slice(0, 254)}`
      const c = await repo.bumpCounter(key, 3600_000, clock.now().getTime())
      return c.failures <= 3
    },

    /**
     * Ends someone's access at once (every session, every device) while keeping their name on
     * past work and in the audit log. Nobody disables themselves; only an owner disables an owner.
     */
    async disableStaff(
      actor: StaffMember,
      staffId: number,
    ): Promise<'done' | 'self' | 'not-allowed' | 'unknown'> {
      if (actor.id === staffId) return 'self'
      const target = await repo.findById(staffId)
      if (!target) return 'unknown'
      if (!canAssignRole(actor.role, target.role)) return 'not-allowed'
      await repo.disableStaff(staffId, clock.now())
      await deps.audit({
        staffId: actor.id,
        action: 'staff.disable',
        subject: `staff:${staffId}`,
        detail: target.email,
      })
      return 'done'
    },

    /** Deletes an account that was never used (an invitation whose email could not go out). */
    async removeUnusedAccount(staffId: number): Promise<void> {
      await repo.deleteStaff(staffId)
    },

    /** Housekeeping: expired sessions and day-old attempt counters go. */
    async cleanUp(): Promise<void> {
      const now = clock.now()
      await repo.deleteExpiredSessions(now)
      await repo.deleteStaleCounters(new Date(now.getTime() - 24 * 3600_000))
    },

    async findByEmail(email: string): Promise<StaffMember | undefined> {
      return (await repo.findByEmailWithHash(email.trim().toLowerCase().slice(0, 254)))?.staff
    },

    /** Signs a value with the server's secret (links that must not be guessed or altered). */
    sign,
    verifySigned,

    /** The id a session is stored under (what CSRF tokens bind to), from its cookie token. */
    sessionIdOf: (token: string) => tokenHash(token),

    /** Records an audit entry (content actions come through here too). */
    audit: deps.audit,
    listStaff: () => repo.listStaff(),
    countStaff: () => repo.countStaff(),
    listAudit: (limit: number, beforeId?: number) => repo.listAudit(limit, beforeId),
  }
}

export type StaffService = ReturnType<typeof createStaffService>
export type { Role }
