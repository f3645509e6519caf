import crypto from 'node:crypto'
import { z } from 'zod'
import type { Clock } from '../lib/clock.js'
import { AppError } from '../lib/errors.js'
import { isUniqueViolation } from '../storage/index.js'
import { ROLES, type Role } from './policy.js'
import type { StaffMember, StaffRepository } from './staff-repository.js'
import { ACCOUNT_RULE, ADDRESS_RULE, checkThrottle, recordFailure } from './throttle.js'

/** How long a session lives without use, and at most. */
export const SESSION_IDLE_MS = 24 * 3600_000
export const SESSION_MAX_MS = 30 * 24 * 3600_000
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
    .refine((n) => !/[\r\n]/.test(n), 'must be one line'),
  role: z.enum(ROLES),
  // Long passphrases are welcome; the upper bound keeps hashing cost bounded.
  password: z.string().min(12, 'use at least 12 characters').max(256),
  authorId: z.number().int().positive().nullish(),
})
export type StaffInput = z.input<typeof StaffInput>

export type SignInResult =
  | { ok: true; token: string; staff: StaffMember }
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
    (secretMemo ??= repo.secret(() => crypto.randomBytes(32).toString('base64url')))
  // Verified when the email is unknown, so both answers take as long.
  let dummyHash: Promise<string> | null = null

  const tokenHash = (token: string) => crypto.createHash('sha256').update(token).digest('base64url')

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
      const [acc, addr] = await Promise.all([repo.getCounter(accountKey), repo.getCounter(addrKey)])
      for (const [c, rule] of [
        [acc, ACCOUNT_RULE],
        [addr, ADDRESS_RULE],
      ] as const) {
        const t = checkThrottle(c, rule, now)
        if (!t.allowed) {
          await deps.audit({ staffId: null, action: 'signin.throttled', subject: email })
          return { ok: false, reason: 'throttled', retryAt: new Date(t.retryAt) }
        }
      }
      const found = await repo.findByEmailWithHash(email)
      const { verify, hash } = await argon()
      dummyHash ??= hash('not a password of anyone here')
      const ok = found
        ? await verify(found.passwordHash, password.slice(0, 256)).catch(() => false)
        : (await verify(await dummyHash, password.slice(0, 256)).catch(() => false)) && false
      if (!found || !ok || found.staff.disabledAt) {
        await Promise.all([
          repo.putCounter(accountKey, recordFailure(acc, ACCOUNT_RULE, now)),
          repo.putCounter(addrKey, recordFailure(addr, ADDRESS_RULE, now)),
        ])
        await deps.audit({
          staffId: found?.staff.id ?? null,
          action: 'signin.failed',
          subject: email,
        })
        return { ok: false, reason: 'invalid' }
      }
      await repo.clearCounter(accountKey)
      const token = crypto.randomBytes(32).toString('base64url')
      await repo.insertSession({
        tokenHash: tokenHash(token),
        staffId: found.staff.id,
        now: new Date(now),
        expiresAt: new Date(now + SESSION_IDLE_MS),
      })
      await deps.audit({
        staffId: found.staff.id,
        action: 'signin',
        subject: `staff:${found.staff.id}`,
      })
      return { ok: true, token, staff: found.staff }
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

    /** Records an audit entry (content actions come through here too). */
    audit: deps.audit,
    listStaff: () => repo.listStaff(),
    countStaff: () => repo.countStaff(),
    listAudit: (limit: number, beforeId?: number) => repo.listAudit(limit, beforeId),
  }
}

export type StaffService = ReturnType<typeof createStaffService>
export type { Role }
