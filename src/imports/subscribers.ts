/**
 * Subscribers a source brings (Ghost members, Substack's email lists), only with
 * `--subscribers` (ADR 028). Each address becomes one subscription to one newsletter of ours,
 * written in one transaction by the newsletter's own import (which skips suppressed addresses
 * and never downgrades a confirmed subscription). Nobody is emailed. A reader is confirmed only
 * when the export says they took the emails and gives the time they signed up; without the
 * time they are pending; an address the export shows not taking emails is left out.
 */
import { isEmailAddress } from '../email/index.js'
import type { Clock } from '../lib/clock.js'
import {
  NO_CONSENT_RECORDED,
  type Newsletter,
  type SubscriberService,
  type SubscriptionImport,
  normalEmail,
} from '../newsletter/index.js'
import type { SourceSubscriber } from './item.js'
import { ImportError } from './import-error.js'
import type { SubscriberReport } from './report.js'

/** The newsletter imported readers subscribe to: the one named, or the only one there is. */
export function chooseNewsletter(list: readonly Newsletter[], slug?: string): Newsletter {
  if (slug) {
    const found = list.find((n) => n.slug === slug)
    if (found) return found
    throw new ImportError(
      'IMPORT_NEWSLETTER_REQUIRED',
      `no newsletter has the address "${slug}"; there are: ${list.map((n) => n.slug).join(', ') || 'none'}`,
    )
  }
  if (list.length === 1) return list[0]!
  throw new ImportError(
    'IMPORT_NEWSLETTER_REQUIRED',
    list.length === 0
      ? 'subscribers need a newsletter to subscribe to: make one in the admin (Newsletters) first'
      : `say which newsletter subscribers join with --newsletter SLUG (${list.map((n) => n.slug).join(', ')})`,
  )
}

const SOURCE_NAMES: Record<string, string> = { ghost: 'Ghost', substack: 'Substack' }

export async function importSubscribers(
  deps: { service: Pick<SubscriberService, 'importSubscriptions'>; clock: Clock },
  list: readonly SourceSubscriber[],
  newsletter: Newsletter | null,
  source: string,
  dryRun: boolean,
): Promise<SubscriberReport> {
  const now = deps.clock.now().getTime()
  const report: SubscriberReport = {
    read: list.length,
    toWrite: 0,
    added: 0,
    updated: 0,
    unchanged: 0,
    suppressed: 0,
    leftOut: {},
  }
  const leave = (why: string) => (report.leftOut[why] = (report.leftOut[why] ?? 0) + 1)
  // One address may be in several lists of an export: what each says is merged.
  const byEmail = new Map<string, { subscribed: boolean; consentAt: number | null }>()
  const invalid = new Set<string>()
  for (const s of list) {
    const email = normalEmail(s.email)
    if (!isEmailAddress(email)) {
      if (!invalid.has(email)) leave('not an email address we can send to')
      invalid.add(email)
      continue
    }
    const at = s.consentAt?.getTime() ?? null
    const known = byEmail.get(email)
    const consentAt = at !== null && at <= now ? at : null
    if (!known) byEmail.set(email, { subscribed: s.subscribed, consentAt })
    else {
      known.subscribed &&= s.subscribed
      if (consentAt !== null && (known.consentAt === null || consentAt < known.consentAt))
        known.consentAt = consentAt
    }
  }
  const words = `Signed up on ${SOURCE_NAMES[source] ?? source} before the newsroom moved; taken over with its export`
  const rows: SubscriptionImport[] = []
  for (const [email, s] of byEmail) {
    if (!s.subscribed) {
      leave('not taking emails in the export')
      continue
    }
    rows.push(
      s.consentAt === null
        ? {
            email,
            newsletterId: newsletter?.id ?? 0,
            status: 'pending',
            consentText: NO_CONSENT_RECORDED,
            consentAt: now,
            confirmedAt: null,
            unsubscribedAt: null,
          }
        : {
            email,
            newsletterId: newsletter?.id ?? 0,
            status: 'confirmed',
            consentText: words,
            consentAt: s.consentAt,
            confirmedAt: s.consentAt,
            unsubscribedAt: null,
          },
    )
  }
  report.toWrite = rows.length
  if (dryRun || rows.length === 0 || !newsletter) return report
  const counts = await deps.service.importSubscriptions(rows)
  report.added = counts.added
  report.updated = counts.updated
  report.unchanged = counts.skipped
  report.suppressed = counts.suppressed
  return report
}
