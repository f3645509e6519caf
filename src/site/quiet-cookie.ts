import { fastifyCookie } from '@fastify/cookie'
import { localPath } from '../http/local-path.js'

/**
 * The one cookie the reader site sets: `mh_quiet`, a date until which this device sees no
 * banner and no appeal (after a contribution, or "Remind me later"). It holds that date and
 * nothing else: no id, so it cannot follow anyone.
 */
export const QUIET_COOKIE = 'mh_quiet'

/** True when the cookie's value is a date (epoch milliseconds) still in the future. */
export function isQuiet(value: string | undefined, now: Date): boolean {
  return value !== undefined && /^\d{13}$/.test(value) && Number(value) > now.getTime()
}

/**
 * The same, from a raw `Cookie` header, with @fastify/cookie's own parser: the page variant is
 * worked out in the root onRequest hook (before the site's plugins run), and must read the
 * cookie exactly as the page that fills the cache does, or a page without the banner could be
 * stored for everyone.
 */
export function isQuietHeader(header: string | undefined, now: Date): boolean {
  return header ? isQuiet(fastifyCookie.parse(header)[QUIET_COOKIE], now) : false
}

/**
 * The Set-Cookie value. Written here rather than with reply.setCookie: the plugin orders the
 * attributes differently (Max-Age before Path), and the header as readers' browsers have always
 * received it is pinned by a test (support.test.ts).
 */
export function quietCookie(days: number, now: Date, secure: boolean): string {
  const until = now.getTime() + days * 86_400_000
  const parts = [
    `${QUIET_COOKIE}=${until}`,
    'Path=/',
    `Max-Age=${days * 86_400}`,
    'SameSite=Lax',
    'HttpOnly',
  ]
  if (secure) parts.push('Secure')
  return parts.join('; ')
}

/** Where "Remind me later" may send the reader back: a path on this site, nothing else. */
export function safeBack(v: unknown): string {
  return localPath(v) ?? '/'
}
