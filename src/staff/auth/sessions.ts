import crypto from 'node:crypto'
import type { Clock } from '../../lib/clock.js'
import type { AuditRecorder } from '../audit.js'
import type { SessionStore } from '../repositories/sessions.js'
import type { StaffMember } from '../staff-member.js'

/** How long a session lives without use, and at most. */
export const SESSION_IDLE_MS = 24 * 3600_000
export const SESSION_MAX_MS = 30 * 24 * 3600_000
/** last_seen is written at most this often: a page view should not always be a write. */
const TOUCH_EVERY_MS = 5 * 60_000

/** A session just opened: the token goes into the browser's cookie, only its hash is stored. */
export interface OpenedSession {
  ok: true
  token: string
  staff: StaffMember
}

/** Signed-in browsers. */
export interface SessionService {
  /** The staff member behind a session cookie, or null if it is unknown, expired or disabled. */
  fromSession(token: string | undefined): Promise<{ staff: StaffMember; sessionId: string } | null>
  signOut(token: string | undefined, staffId: number | null): Promise<void>
  /** Ends every session of this staff member, on every device and instance; returns how many. */
  signOutEverywhere(staffId: number): Promise<number>
  /** The id a session is stored under (what CSRF tokens bind to), from its cookie token. */
  sessionIdOf(token: string): string
}

/** The stored form of a session token: its SHA-256, base64url. */
export function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('base64url')
}

/** Opens a session after a successful sign-in, and records the sign-in. */
export async function startSession(
  deps: { repo: Pick<SessionStore, 'insertSession'>; audit: AuditRecorder },
  staff: StaffMember,
  now: number,
): Promise<OpenedSession> {
  const token = crypto.randomBytes(32).toString('base64url')
  await deps.repo.insertSession({
    tokenHash: tokenHash(token),
    staffId: staff.id,
    now: new Date(now),
    expiresAt: new Date(now + SESSION_IDLE_MS),
  })
  await deps.audit({ staffId: staff.id, action: 'signin', subject: `staff:${staff.id}` })
  return { ok: true, token, staff }
}

export function createSessionService(deps: {
  repo: SessionStore
  clock: Clock
  audit: AuditRecorder
}): SessionService {
  const { repo, clock } = deps
  return {
    async fromSession(token) {
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

    async signOut(token, staffId) {
      if (token) await repo.deleteSession(tokenHash(token))
      if (staffId) await deps.audit({ staffId, action: 'signout', subject: `staff:${staffId}` })
    },

    async signOutEverywhere(staffId) {
      const n = await repo.deleteSessionsOf(staffId)
      await deps.audit({
        staffId,
        action: 'signout.everywhere',
        subject: `staff:${staffId}`,
        detail: `${n} sessions`,
      })
      return n
    },

    sessionIdOf: (token) => tokenHash(token),
  }
}
