/** Editions (a newsletter's issues), their schedule and what goes into the email: plain rules. */
import type { BulkCopy, BulkMessage } from '../email/index.js'
import { isTimeZone, zoneOffsetMs, zonedInstant } from '../lib/time-zone.js'

export type EditionStatus = 'draft' | 'approved' | 'sending' | 'sent' | 'cancelled'

export interface EditionItem {
  articleId: number
  blurb: string
}

export interface Edition {
  id: number
  newsletterId: number
  subject: string
  intro: string
  status: EditionStatus
  sendAt: Date | null
  createdAt: Date
  updatedAt: Date
  startedAt: Date | null
  finishedAt: Date | null
  recipients: number
  items: EditionItem[]
}

/** Most articles an edition may carry: a newsletter is a selection, not the archive. */
export const MAX_ITEMS = 30

/** Editors change a draft or an approved edition not yet started; the rest is history. */
export function isEditable(status: EditionStatus): boolean {
  return status === 'draft' || status === 'approved'
}

export type ScheduleMode = 'off' | 'draft' | 'send'

export interface Schedule {
  mode: ScheduleMode
  /** 0 = Sunday … 6 = Saturday. */
  day: number | null
  /** "HH:MM". */
  time: string
  /** IANA zone, such as Europe/Riga. */
  tz: string
}

// Wall-clock times in a zone are the newsroom's, not only the newsletters': they live in lib.
export { isTimeZone, zonedInstant } from '../lib/time-zone.js'

/**
 * The latest slot of a weekly schedule at or before `now`, or null when the schedule is off
 * or incomplete. A worker that was down through Friday 08:00 still finds Friday's slot after.
 */
export function latestSlot(s: Schedule, now: Date): Date | null {
  if (s.mode === 'off' || s.day === null || !/^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(s.time))
    return null
  if (!isTimeZone(s.tz)) return null
  const [hh, mm] = s.time.split(':').map(Number) as [number, number]
  // The zone's calendar date today, then step back to the scheduled weekday.
  const local = new Date(now.getTime() + zoneOffsetMs(s.tz, now))
  for (let back = 0; back <= 7; back++) {
    const day = new Date(
      Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - back),
    )
    if (day.getUTCDay() !== s.day) continue
    const at = zonedInstant(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hh, mm, s.tz)
    if (at.getTime() <= now.getTime()) return at
  }
  return null
}

/** A slot is acted on only while fresh: a newsroom back from a month offline gets no backlog. */
export const SLOT_FRESH_MS = 24 * 3600_000

export interface Candidate {
  id: number
  publishedAt: Date
  pick: boolean
}

/**
 * The suggested selection: the week's published articles, editors' picks first, each group
 * newest first, at most `max`.
 */
export function suggestSelection(candidates: readonly Candidate[], max = 10): number[] {
  return [...candidates]
    .sort(
      (a, b) =>
        Number(b.pick) - Number(a.pick) ||
        b.publishedAt.getTime() - a.publishedAt.getTime() ||
        b.id - a.id,
    )
    .slice(0, max)
    .map((c) => c.id)
}

/**
 * A Message-ID that is the same every time this edition goes to this subscriber, so a message
 * sent again after a crash is recognisably the same message (RFC 5322 §3.6.4).
 */
export function deliveryMessageId(
  editionId: number,
  subscriberId: number,
  tag: string,
  domain: string,
): string {
  return `<e${editionId}.s${subscriberId}.${tag}@${domain}>`
}

// The template an edition is rendered into lives with the bulk message that fills it.
export { type Template, compileTemplate, fillTemplate } from '../email/index.js'

/** What every reader's copy of an edition shares: the rendered parts with their slots, headers. */
export interface EditionMail {
  html: string
  text: string
  marker: string
  subject: string
  from: { name: string; address: string }
  newsletterName: string
  slug: string
  /** The domain of MAIL_FROM: the List-Id's and the Message-IDs'. */
  domain: string
  mailFrom: string
  /** The newsletter's language: the footer's words and Content-Language. */
  language?: string | undefined
}

/**
 * Why editions may not go out, or null. In production every email's unsubscribe link must be
 * https on the newsroom's public address (RFC 8058 one-click): without PUBLIC_URL the links would
 * point at this machine. A laptop demo sends with whatever it has.
 */
export function sendBlocker(o: {
  production: boolean
  publicUrl: string | undefined
}): string | null {
  if (!o.production) return null
  if (!o.publicUrl)
    return "Sending is off: PUBLIC_URL is not set, so unsubscribe links would point at this machine. Set it to the site's https:// address and restart."
  if (!o.publicUrl.startsWith('https://'))
    return `Sending is off: PUBLIC_URL (${o.publicUrl}) is not https, and one-click unsubscribe (RFC 8058) needs https. Set it to the site's https:// address and restart.`
  return null
}

/**
 * An edition's email, composed once for all its readers: the unsubscribe link and the reader's
 * address in the body, and the List-Unsubscribe header, are slots filled per copy.
 */
export function editionMessage(e: EditionMail): BulkMessage {
  const slot = (name: string) => `{{${e.marker}:${name}}}`
  return {
    from: e.from,
    subject: e.subject,
    html: e.html,
    text: e.text,
    marker: e.marker,
    ...(e.language ? { language: e.language } : {}),
    headers: {
      'List-Unsubscribe': `<${slot('unsubscribe_url')}>, <mailto:${e.mailFrom}?subject=unsubscribe%20${e.slug}%20${slot('subscriber')}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': `${e.newsletterName.replace(/[<>"\\]/g, '')} <${e.slug}.${e.domain}>`,
      Precedence: 'bulk',
    },
  }
}

/** One reader's copy: their address, their signed unsubscribe link, their fixed Message-ID. */
export function editionCopy(c: {
  editionId: number
  newsletterId: number
  subscriberId: number
  email: string
  slug: string
  domain: string
  /** Origin for links in email, `https://example.org`. */
  origin: string
  /** The signature over `nl-unsub:<subscriber>:<newsletter>`. */
  signature: string
}): BulkCopy {
  return {
    to: c.email,
    messageId: deliveryMessageId(c.editionId, c.subscriberId, c.slug, c.domain),
    values: {
      unsubscribe_url: `${c.origin}/newsletters/unsubscribe/${c.subscriberId}/${c.newsletterId}/${c.signature}`,
      email: c.email,
      subscriber: String(c.subscriberId),
    },
  }
}

/**
 * The picks as an edition shows them, in their order: the editor's blurb or the story's summary,
 * a whole link. A story taken down since it was picked is left out rather than linked to a 410.
 */
export function editionItems(
  picks: readonly { articleId: number; blurb: string }[],
  found: readonly {
    id: number
    path: string
    kicker: string | null
    headline: string
    summary: string
  }[],
  origin: string,
) {
  const byId = new Map(found.map((a) => [a.id, a]))
  return picks.flatMap((it) => {
    const a = byId.get(it.articleId)
    if (!a) return []
    const blurb = it.blurb.trim() || a.summary
    return [
      {
        articleId: a.id,
        path: a.path,
        kicker: a.kicker,
        headline: a.headline,
        blurb,
        url: origin + a.path,
      },
    ]
  })
}
