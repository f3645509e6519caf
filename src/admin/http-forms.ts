import crypto from 'node:crypto'

/** A parsed urlencoded form: repeated names (checkboxes) keep every value. */
export type FormBody = Record<string, string | string[]>

/** More fields than any admin form has: past this, the rest is ignored. */
const MAX_FIELDS = 1000

export function parseForm(raw: string): FormBody {
  // No prototype: a field called __proto__ is just a field.
  const out = Object.create(null) as FormBody
  let n = 0
  for (const [k, v] of new URLSearchParams(raw)) {
    if (++n > MAX_FIELDS) break
    const prev = out[k]
    if (prev === undefined) out[k] = v
    else if (Array.isArray(prev)) prev.push(v)
    else out[k] = [prev, v]
  }
  return out
}

/** One value (the first if repeated), trimmed of nothing: fields keep what the person typed. */
export function field(body: FormBody | undefined, name: string): string {
  const v = body?.[name]
  return (Array.isArray(v) ? v[0] : v) ?? ''
}

export function fields(body: FormBody | undefined, name: string): string[] {
  const v = body?.[name]
  return v === undefined ? [] : Array.isArray(v) ? v : [v]
}

/** A Set-Cookie value for the admin (reading cookies is @fastify/cookie's, in plugin.ts). */
export function cookie(
  name: string,
  value: string,
  opts: { maxAgeS?: number; secure: boolean; path?: string; httpOnly?: boolean },
): string {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${opts.path ?? '/admin'}`,
    'SameSite=Lax',
  ]
  if (opts.httpOnly ?? true) parts.push('HttpOnly')
  if (opts.secure) parts.push('Secure')
  if (opts.maxAgeS !== undefined) parts.push(`Max-Age=${opts.maxAgeS}`)
  return parts.join('; ')
}

/** A CSRF token bound to one session (or one pre-session cookie) by the server's secret. */
export function csrfToken(secret: string, bindTo: string): string {
  return crypto.createHmac('sha256', secret).update(`csrf:${bindTo}`).digest('base64url')
}

export function csrfValid(secret: string, bindTo: string, token: unknown): boolean {
  if (typeof token !== 'string') return false
  const expected = Buffer.from(csrfToken(secret, bindTo))
  const given = Buffer.from(token)
  return given.length === expected.length && crypto.timingSafeEqual(given, expected)
}
