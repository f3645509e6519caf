/**
 * The one cookie the reader site sets: `mh_quiet`, a date until which this device sees no
 * banner and no appeal (after a contribution, or "Remind me later"). It holds that date and
 * nothing else: no id, so it cannot follow anyone.
 */
export const QUIET_COOKIE = 'mh_quiet'

/** True when the request carries a quiet date still in the future. */
export function isQuiet(cookieHeader: string | undefined, now: Date): boolean {
  if (!cookieHeader) return false
  const m = /(?:^|;\s*)mh_quiet=(\d{13})(?:;|$)/.exec(cookieHeader)
  return m ? Number(m[1]) > now.getTime() : false
}

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
  return typeof v === 'string' && /^\/(?![/\\])[^\s]{0,500}$/.test(v) ? v : '/'
}
