import type { FastifyReply, FastifyRequest } from 'fastify'
import { SESSION_MAX_MS } from '../../staff/staff-service.js'
import { localPath } from '../../http/local-path.js'
import { cookie } from '../http-forms.js'

export const SESSION_COOKIE = 'mh_session'
/** Before sign-in, CSRF tokens bind to this random pre-session cookie. */
export const PRE_COOKIE = 'mh_pre'
/** The sign-in waiting for its second factor. */
export const CODE_COOKIE = 'mh_2fa'
/** A passkey ceremony in progress. */
export const WEBAUTHN_COOKIE = 'mh_wa'
/**
 * Proof that this browser signed in to an account before: sign-in throttling does not slow it
 * for failures from its address that were not its own (staff/auth/throttle.ts, ADR 014).
 */
export const DEVICE_COOKIE = 'mh_device'
const DEVICE_MAX_AGE_S = 400 * 24 * 3600

/** Who is signing in, as sign-in throttling sees it: the address and the device proof. */
export function clientOf(req: FastifyRequest): { address: string; device?: string } {
  const device = req.cookies[DEVICE_COOKIE]
  return device ? { address: req.ip, device } : { address: req.ip }
}

/** Keeps the device proof a successful sign-in handed out (a no-op without one). */
export function keepDevice(req: FastifyRequest, reply: FastifyReply, device: string | undefined) {
  if (device) reply.header('set-cookie', adminCookie(req, DEVICE_COOKIE, device, DEVICE_MAX_AGE_S))
}

/** A cookie of the admin's that lasts `maxAgeS` (0: ends it now). */
export function adminCookie(req: FastifyRequest, name: string, value: string, maxAgeS: number) {
  return cookie(name, value, { secure: req.protocol === 'https', maxAgeS })
}

/** The cookies of a new session: its token, and the pre-session one ended. */
export function sessionCookies(req: FastifyRequest, token: string): string[] {
  return [
    adminCookie(req, SESSION_COOKIE, token, SESSION_MAX_MS / 1000),
    adminCookie(req, PRE_COOKIE, '', 0),
  ]
}

export function startSession(
  req: FastifyRequest,
  reply: FastifyReply,
  token: string,
  next: string,
) {
  reply.header('set-cookie', sessionCookies(req, token))
  return reply.redirect(next, 303)
}

export function signedOut(req: FastifyRequest, reply: FastifyReply) {
  reply.header('set-cookie', adminCookie(req, SESSION_COOKIE, '', 0))
  return reply.redirect('/admin/sign-in', 303)
}

/** Only paths inside the admin: a sign-in link must not send anyone elsewhere. */
export function safeNext(v: unknown): string {
  return localPath(v, '/admin') ?? '/admin/articles'
}
