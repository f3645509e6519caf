/**
 * Subscriber lists as pure rules: reading an import file, what an imported row does to an
 * existing subscription, and the weekly growth series. No I/O here.
 */
import { isEmailAddress } from '../email/index.js'
import { parseCsv } from '../lib/csv.js'
import type { SubscriptionStatus } from './newsletter.js'
import { normalEmail } from './suppression.js'

/** The columns of an export, in order; an import reads the same names. */
export const EXPORT_COLUMNS = [
  'email',
  'newsletter',
  'status',
  'consent_text',
  'consent_at',
  'confirmed_at',
  'unsubscribed_at',
] as const

/** Rows in one import, and its size: larger lists are split, so one mistake costs little. */
export const MAX_IMPORT_ROWS = 100_000
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024
/** Problems listed for one refused file: the first ones are enough to fix it. */
const MAX_PROBLEMS = 50

/** The consent recorded for an imported row that is not confirmed and came without one. */
export const NO_CONSENT_RECORDED = '(imported without recorded consent; not confirmed)'

export interface ImportRow {
  line: number
  email: string
  newsletterSlug: string
  status: SubscriptionStatus
  consentText: string
  consentAt: number
  confirmedAt: number | null
  unsubscribedAt: number | null
}

export type ImportParse = { ok: true; rows: ImportRow[] } | { ok: false; problems: string[] }

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/

/** An ISO 8601 date or date-time (UTC when no offset is given), as epoch ms; null if empty. */
export function parseIsoTime(v: string): number | null | 'bad' {
  const s = v.trim()
  if (!s) return null
  if (!ISO.test(s)) return 'bad'
  const withZone = /T/.test(s) && !/(Z|[+-]\d{2}:?\d{2})$/.test(s) ? `${s}Z` : s
  const t = Date.parse(withZone)
  return Number.isFinite(t) ? t : 'bad'
}

export function isoTime(ms: number | null): string {
  return ms === null ? '' : new Date(ms).toISOString()
}

/**
 * Reads a subscriber file and checks every row before anything is written: a problem anywhere
 * refuses the whole file, listed by line. `newsletters` are the slugs that exist.
 */
export function parseSubscriberCsv(
  text: string,
  newsletters: ReadonlySet<string>,
  now: number,
): ImportParse {
  const parsed = parseCsv(text, { maxFields: 50 })
  if (!parsed.ok) return { ok: false, problems: [`Line ${parsed.line}: ${parsed.message}`] }
  const [head, ...records] = parsed.records
  if (!head) return { ok: false, problems: ['The file is empty'] }
  const cols = head.fields.map((h) => h.trim().toLowerCase())
  const missing = ['email', 'newsletter', 'status'].filter((c) => !cols.includes(c))
  if (missing.length)
    return {
      ok: false,
      problems: [`Line ${head.line}: the header must name the columns ${missing.join(', ')}`],
    }
  if (records.length > MAX_IMPORT_ROWS)
    return { ok: false, problems: [`At most ${MAX_IMPORT_ROWS} rows at a time; split the file`] }
  const col = (r: string[], name: string) => {
    const i = cols.indexOf(name)
    return i >= 0 ? (r[i] ?? '') : ''
  }
  const problems: string[] = []
  const rows: ImportRow[] = []
  const seen = new Map<string, number>()
  for (const { line, fields } of records) {
    const bad = (why: string) => problems.push(`Line ${line}: ${why}`)
    const before = problems.length
    const email = normalEmail(col(fields, 'email'))
    if (!isEmailAddress(email)) bad('email is not an email address')
    const slug = col(fields, 'newsletter').trim()
    if (!newsletters.has(slug)) bad('newsletter is not the address of one of our newsletters')
    const status = col(fields, 'status').trim().toLowerCase()
    if (status !== 'pending' && status !== 'confirmed' && status !== 'unsubscribed')
      bad('status must be pending, confirmed or unsubscribed')
    const consentText = col(fields, 'consent_text').trim()
    if (consentText.length > 2000) bad('consent_text is longer than 2,000 characters')
    const times = {
      consent_at: parseIsoTime(col(fields, 'consent_at')),
      confirmed_at: parseIsoTime(col(fields, 'confirmed_at')),
      unsubscribed_at: parseIsoTime(col(fields, 'unsubscribed_at')),
    }
    for (const [k, t] of Object.entries(times)) {
      if (t === 'bad') bad(`${k} is not an ISO 8601 time such as 2026-11-27T09:30:00Z`)
      else if (t !== null && t > now + 24 * 3600_000) bad(`${k} is in the future`)
    }
    if (status === 'confirmed' && (times.consent_at === null || !consentText))
      bad('a confirmed row needs consent_at and consent_text: we import nobody without consent')
    const key = `${email}\n${slug}`
    if (seen.has(key)) bad(`the same address and newsletter as line ${seen.get(key)}`)
    seen.set(key, line)
    if (problems.length === before) {
      const consentAt = times.consent_at as number | null
      rows.push({
        line,
        email,
        newsletterSlug: slug,
        status: status as SubscriptionStatus,
        consentText: consentText || NO_CONSENT_RECORDED,
        consentAt: consentAt ?? now,
        confirmedAt:
          status === 'confirmed' ? ((times.confirmed_at as number | null) ?? consentAt) : null,
        unsubscribedAt:
          status === 'unsubscribed' ? ((times.unsubscribed_at as number | null) ?? now) : null,
      })
    }
    if (problems.length >= MAX_PROBLEMS) {
      problems.push('… and maybe more: fix these first')
      break
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, rows }
}

export interface ExistingSubscription {
  status: SubscriptionStatus
  unsubscribedAt: number | null
}

/**
 * What an imported row does to a subscription already here. Nothing is ever downgraded from
 * confirmed, and a reader who unsubscribed after the consent the file shows stays unsubscribed.
 */
export function importAction(
  existing: ExistingSubscription | undefined,
  row: Pick<ImportRow, 'status' | 'consentAt'>,
): 'add' | 'update' | 'skip' {
  if (!existing) return 'add'
  if (existing.status === 'confirmed') return 'skip'
  if (row.status === existing.status) return 'skip'
  if (existing.status === 'unsubscribed') {
    if (row.status !== 'confirmed') return 'skip'
    return (existing.unsubscribedAt ?? 0) > row.consentAt ? 'skip' : 'update'
  }
  // Pending here: the file knows more (confirmed, or unsubscribed).
  return 'update'
}

export const WEEK_MS = 7 * 24 * 3600_000
export const GROWTH_WEEKS = 26

/**
 * Net confirmed subscribers per week: confirmations minus unsubscriptions of confirmed readers,
 * oldest week first. `start` is the first week's beginning; counts are keyed by week index.
 */
export function weeklyNet(
  confirmed: ReadonlyMap<number, number>,
  unsubscribed: ReadonlyMap<number, number>,
  weeks = GROWTH_WEEKS,
): number[] {
  return Array.from(
    { length: weeks },
    (_, i) => (confirmed.get(i) ?? 0) - (unsubscribed.get(i) ?? 0),
  )
}

/** The first week's start for a chart ending with the week that holds `now` (weeks start Monday 00:00 UTC). */
export function growthStart(now: number, weeks = GROWTH_WEEKS): number {
  // 1970-01-05 was a Monday.
  const monday0 = Date.UTC(1970, 0, 5)
  const thisWeek = monday0 + Math.floor((now - monday0) / WEEK_MS) * WEEK_MS
  return thisWeek - (weeks - 1) * WEEK_MS
}
