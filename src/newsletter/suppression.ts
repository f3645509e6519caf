/**
 * Suppression rules as pure functions: which provider reports stop mail to an address, how a
 * webhook proves it is ours, and how a CSV of bounces is read. No I/O here.
 */
import crypto from 'node:crypto'
import { isEmailAddress } from '../email/index.js'
import { parseCsv } from '../lib/csv.js'

export type SuppressionReason = 'bounce' | 'complaint' | 'manual'
export const SUPPRESSION_REASONS: readonly SuppressionReason[] = ['bounce', 'complaint', 'manual']

/** One address to stop mailing, with why and where the news came from. */
export interface SuppressionEvent {
  email: string
  reason: SuppressionReason
  detail: string
}

export interface Suppression extends SuppressionEvent {
  source: string
  at: Date
}

/** Events in one webhook call: more is a provider misconfigured or someone probing. */
export const MAX_WEBHOOK_EVENTS = 1000
const MAX_DETAIL = 500

export type MailEventsParse =
  | { ok: true; events: SuppressionEvent[]; ignored: number; source: string; subscribeUrl?: string }
  | { ok: false; problems: string[] }

/** Lowercased and trimmed: how addresses are stored and compared everywhere. */
export function normalEmail(raw: string): string {
  return raw.trim().toLowerCase()
}

/** Detail text from outside: control characters (line breaks included) become spaces. */
const clip = (s: unknown) =>
  typeof s === 'string'
    ? [...s]
        .map((c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? ' ' : c))
        .join('')
        .slice(0, MAX_DETAIL)
    : ''

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Reads a provider's report. Two shapes are understood:
 *
 * - ours: `{"events": [{"type": "bounce" | "complaint", "email": "…", "permanent"?: bool, "detail"?: "…"}]}`;
 *   a bounce is permanent unless `permanent` is false.
 * - Amazon SES, as SNS delivers it (`{"Type": "Notification", "Message": "<SES JSON>"}`) or bare:
 *   `notificationType` (or `eventType`) `Bounce` with `bounceType` `Permanent`, or `Complaint`.
 *
 * Soft (transient) bounces and deliveries are counted as ignored: a full mailbox is not a reason
 * to stop. Any malformed part rejects the whole report, so nothing is half-applied.
 */
export function parseMailEvents(body: unknown): MailEventsParse {
  if (!isObject(body)) return { ok: false, problems: ['body: expected a JSON object'] }
  if (typeof body['Type'] === 'string') return parseSns(body)
  if ('notificationType' in body || 'eventType' in body) return parseSes(body, 'ses')
  const list = body['events']
  if (!Array.isArray(list)) return { ok: false, problems: ['events: expected a list'] }
  if (list.length > MAX_WEBHOOK_EVENTS)
    return { ok: false, problems: [`events: at most ${MAX_WEBHOOK_EVENTS} at a time`] }
  const problems: string[] = []
  const events: SuppressionEvent[] = []
  let ignored = 0
  for (const [i, e] of list.entries()) {
    if (!isObject(e)) {
      problems.push(`events[${i}]: expected an object`)
      continue
    }
    const type = e['type']
    if (type !== 'bounce' && type !== 'complaint') {
      problems.push(`events[${i}].type: must be bounce or complaint`)
      continue
    }
    const email = typeof e['email'] === 'string' ? normalEmail(e['email']) : ''
    if (!isEmailAddress(email)) {
      problems.push(`events[${i}].email: not an email address`)
      continue
    }
    if (e['permanent'] !== undefined && typeof e['permanent'] !== 'boolean') {
      problems.push(`events[${i}].permanent: must be true or false`)
      continue
    }
    if (e['detail'] !== undefined && typeof e['detail'] !== 'string') {
      problems.push(`events[${i}].detail: must be text`)
      continue
    }
    if (type === 'bounce' && e['permanent'] === false) {
      ignored++
      continue
    }
    events.push({ email, reason: type, detail: clip(e['detail']) })
  }

  return problems.length
    ? { ok: false, problems }
    : { ok: true, events, ignored, source: 'webhook' }
}

function parseSns(body: Record<string, unknown>): MailEventsParse {
  const type = body['Type']
  if (type === 'SubscriptionConfirmation' || type === 'UnsubscribeConfirmation') {
    // Confirming would mean fetching a URL at Amazon: an operator does that by hand (see the log).
    const url = typeof body['SubscribeURL'] === 'string' ? body['SubscribeURL'] : ''
    return {
      ok: true,
      events: [],
      ignored: 1,
      source: 'ses',
      ...(url ? { subscribeUrl: url.slice(0, 2000) } : {}),
    }
  }
  if (type !== 'Notification') return { ok: false, problems: ['Type: unknown SNS message type'] }
  if (typeof body['Message'] !== 'string')
    return { ok: false, problems: ['Message: expected the SES notification as text'] }
  let inner: unknown
  try {
    inner = JSON.parse(body['Message'])
  } catch {
    return { ok: false, problems: ['Message: not JSON'] }
  }
  if (!isObject(inner)) return { ok: false, problems: ['Message: expected a JSON object'] }
  return parseSes(inner, 'ses')
}

function parseSes(msg: Record<string, unknown>, source: string): MailEventsParse {
  const kind = msg['notificationType'] ?? msg['eventType']
  const recipients = (list: unknown, what: string) => {
    if (!Array.isArray(list) || list.length > MAX_WEBHOOK_EVENTS) return null
    const out: string[] = []
    for (const r of list) {
      const addr =
        isObject(r) && typeof r['emailAddress'] === 'string' ? normalEmail(r['emailAddress']) : ''
      // SES may send "Name <addr>": keep the address only.
      const bare = /<([^<>]+)>\s*$/.exec(addr)?.[1] ?? addr
      if (!isEmailAddress(bare)) return null
      out.push(bare)
    }
    return out.length ? out : what === 'optional' ? [] : null
  }
  if (kind === 'Bounce') {
    const b = msg['bounce']
    if (!isObject(b)) return { ok: false, problems: ['bounce: missing'] }
    const list = recipients(b['bouncedRecipients'], 'required')
    if (!list) return { ok: false, problems: ['bounce.bouncedRecipients: expected addresses'] }
    if (b['bounceType'] !== 'Permanent')
      return { ok: true, events: [], ignored: list.length, source }
    const detail = clip(`${String(b['bounceSubType'] ?? '')}`.trim())
    return {
      ok: true,
      events: list.map((email) => ({ email, reason: 'bounce', detail })),
      ignored: 0,
      source,
    }
  }
  if (kind === 'Complaint') {
    const c = msg['complaint']
    if (!isObject(c)) return { ok: false, problems: ['complaint: missing'] }
    const list = recipients(c['complainedRecipients'], 'required')
    if (!list)
      return { ok: false, problems: ['complaint.complainedRecipients: expected addresses'] }
    const detail = clip(c['complaintFeedbackType'])
    return {
      ok: true,
      events: list.map((email) => ({ email, reason: 'complaint', detail })),
      ignored: 0,
      source,
    }
  }
  if (typeof kind === 'string') return { ok: true, events: [], ignored: 1, source }
  return { ok: false, problems: ['notificationType: missing'] }
}

/** The signature header a sender computes: `sha256=` and the hex HMAC-SHA256 of the raw body. */
export function webhookSignature(secret: string, rawBody: string | Buffer): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(rawBody).digest('hex')}`
}

/**
 * Whether a webhook call carries the shared secret: either the HMAC signature header over the
 * exact bytes received, or (for Amazon SNS, which cannot sign with our key) HTTP Basic
 * credentials whose password is the secret. Both compared in constant time.
 */
export function webhookAuthorized(
  secret: string,
  rawBody: string | Buffer,
  headers: { signature?: string | undefined; authorization?: string | undefined },
): boolean {
  const same = (a: string, b: string) => {
    const x = crypto.createHash('sha256').update(a).digest()
    const y = crypto.createHash('sha256').update(b).digest()
    // Hashing first makes both sides the same length, so the comparison leaks nothing.
    return crypto.timingSafeEqual(x, y) && a === b
  }
  if (headers.signature && same(headers.signature.trim(), webhookSignature(secret, rawBody)))
    return true
  const auth = headers.authorization ?? ''
  if (/^Basic /i.test(auth)) {
    const decoded = Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon >= 0 && same(decoded.slice(colon + 1), secret)) return true
  }
  return false
}

export type SuppressionCsv =
  { ok: true; events: SuppressionEvent[] } | { ok: false; problems: string[] }

/**
 * A provider's export of bounces and complaints: a header line naming `email` and `reason`
 * (bounce, complaint or manual; `hard`/`permanent` read as bounce), `detail` optional. Rows
 * marked soft or transient are left out. Every row is checked before anything is written.
 */
export function parseSuppressionCsv(text: string, maxRows = 100_000): SuppressionCsv {
  const parsed = parseCsv(text, { maxFields: 50 })
  if (!parsed.ok) return { ok: false, problems: [`Line ${parsed.line}: ${parsed.message}`] }
  const [head, ...rows] = parsed.records
  if (!head) return { ok: false, problems: ['The file is empty'] }
  const cols = head.fields.map((h) => h.trim().toLowerCase())
  const at = (name: string) => cols.indexOf(name)
  const iEmail = at('email')
  const iReason = at('reason') >= 0 ? at('reason') : at('type')
  const iDetail = at('detail')
  if (iEmail < 0 || iReason < 0)
    return { ok: false, problems: ['Line 1: the header must name the columns email and reason'] }
  if (rows.length > maxRows)
    return { ok: false, problems: [`At most ${maxRows} rows at a time; split the file`] }
  const problems: string[] = []
  const events: SuppressionEvent[] = []
  for (const r of rows) {
    const email = normalEmail(r.fields[iEmail] ?? '')
    const raw = (r.fields[iReason] ?? '').trim().toLowerCase()
    if (!isEmailAddress(email)) problems.push(`Line ${r.line}: email is not an email address`)
    let reason: SuppressionReason | 'skip' | null = null
    if (raw === 'bounce' || raw === 'hard' || raw === 'hard-bounce' || raw === 'permanent')
      reason = 'bounce'
    else if (raw === 'complaint' || raw === 'manual') reason = raw
    else if (raw === 'soft' || raw === 'soft-bounce' || raw === 'transient') reason = 'skip'
    else problems.push(`Line ${r.line}: reason must be bounce, complaint or manual`)
    if (problems.length >= 50) {
      problems.push('… and maybe more: fix these first')
      break
    }
    if (reason && reason !== 'skip' && isEmailAddress(email))
      events.push({ email, reason, detail: clip(iDetail >= 0 ? r.fields[iDetail] : '') })
  }
  return problems.length ? { ok: false, problems } : { ok: true, events }
}
