import type { Clock } from '../lib/clock.js'
import { AppError } from '../lib/errors.js'
import { csvLine } from '../lib/csv.js'
import { type Newsletter, type SubscriptionStatus, consentText } from './newsletter.js'
import type { NewsletterRepository } from './newsletter-repository.js'
import type { Signer } from './newsletter-service.js'
import type {
  ImportCounts,
  RecipientQuery,
  StatusCounts,
  SubscriberMatch,
  SubscriberRepository,
  SubscriptionDetail,
  SubscriptionImport,
} from './subscriber-repository.js'
import {
  EXPORT_COLUMNS,
  GROWTH_WEEKS,
  MAX_IMPORT_BYTES,
  WEEK_MS,
  growthStart,
  importAction,
  isoTime,
  parseSubscriberCsv,
  weeklyNet,
} from './subscribers.js'
import {
  type Suppression,
  type SuppressionEvent,
  normalEmail,
  parseSuppressionCsv,
} from './suppression.js'
import { isEmailAddress } from '../email/index.js'

export interface SubscriberServiceDeps {
  repo: SubscriberRepository
  newsletters: NewsletterRepository
  clock: Clock
  signer: Signer
  siteName: string
}

/** One newsletter as a reader sees it on their preferences page. */
export interface PreferenceRow {
  newsletter: Newsletter
  status: SubscriptionStatus | null
  /** Confirmed once and left since: one click brings it back. */
  mayResubscribe: boolean
}

export interface NewsletterOverview {
  newsletter: Newsletter
  counts: StatusCounts
  /** Net confirmed per week, oldest first. */
  weekly: number[]
}

/** One reader as the admin's subscriber page shows them. */
export interface SubscriberDetail extends SubscriberMatch {
  subscriptions: SubscriptionDetail[]
  suppression: Suppression | undefined
}

/**
 * The subscriber lists: suppression (reports, by hand, by file), the reader's preferences page,
 * the admin's overview, search and detail, and the subscriber file in and out.
 */
export interface SubscriberService {
  isSuppressed(email: string): Promise<boolean>
  findSuppression(email: string): Promise<Suppression | undefined>
  /** Who an edition goes to (see `SubscriberLists.deliverableRecipients`). */
  deliverableRecipients(newsletterId: number): RecipientQuery
  /** Records provider reports (already checked); says how many addresses are newly suppressed. */
  suppress(events: readonly SuppressionEvent[], source: string): Promise<number>
  /** Stops all mail to an address; false when it was already suppressed. */
  suppressManually(emailRaw: string, detail: string): Promise<boolean>
  /** A provider's CSV of bounces and complaints: all rows checked first, then one transaction. */
  importSuppressions(text: string): Promise<{ added: number; rows: number }>
  /** The never-expiring address of a reader's preferences page (sent in every email). */
  preferencesLink(origin: string, subscriberId: number): Promise<string>
  /** The subscriber a preferences link names, or null when the link is not genuine. */
  subscriberFromToken(sub: string, sig: string): Promise<number | null>
  /** The preferences page's path, for links and forms on the site itself. */
  preferencesPath(subscriberId: number): Promise<string>
  emailOf(subscriberId: number): Promise<string | undefined>
  /** Every newsletter with this reader's state in it. */
  preferences(
    subscriberId: number,
  ): Promise<{ rows: PreferenceRow[]; suppression: Suppression | undefined } | null>
  /** A reader's choice on their page; the token was checked by the caller. */
  changePreference(
    subscriberId: number,
    action: 'unsubscribe' | 'unsubscribe-all' | 'resubscribe',
    newsletterId: number | null,
  ): Promise<'done' | 'nothing' | 'suppressed'>
  /** The admin's overview: counts and 26 weeks of growth for every newsletter. */
  overview(): Promise<NewsletterOverview[]>
  /** Case-insensitive substring search, a page at a time after the last address shown. */
  search(q: string, after: string, limit: number): Promise<SubscriberMatch[]>
  subscriber(id: number): Promise<SubscriberDetail | null>
  unsubscribe(subscriberId: number, newsletterId: number): Promise<boolean>
  /** The export, a page of rows at a time: the whole file never sits in memory. */
  exportCsv(): AsyncGenerator<string>
  /**
   * A subscriber file: every row checked first (problems listed by line, nothing written),
   * then written in one transaction. Suppressed addresses are skipped; nothing confirmed is
   * downgraded.
   */
  importCsv(text: string): Promise<ImportCounts>
  /**
   * Subscriptions a move from another system brings (imports/subscribers.ts checked them):
   * written in one transaction like a file's rows, by the same rules. Nobody is emailed.
   */
  importSubscriptions(rows: readonly SubscriptionImport[]): Promise<ImportCounts>
}

const ID = /^[1-9][0-9]{0,11}$/
/** Rows read per query while exporting: the file is streamed, never held whole. */
const EXPORT_PAGE = 1000

export function createSubscriberService(deps: SubscriberServiceDeps): SubscriberService {
  const { repo, clock, signer } = deps
  const prefsData = (sub: number) => `nl-prefs:${sub}`

  async function subscriberFromToken(sub: string, sig: string): Promise<number | null> {
    if (!ID.test(sub) || !/^[A-Za-z0-9_-]{16,128}$/.test(sig)) return null
    return (await signer.verifySigned(prefsData(Number(sub)), sig)) ? Number(sub) : null
  }

  function tooLarge(bytes: number) {
    if (bytes > MAX_IMPORT_BYTES)
      throw new AppError('PAYLOAD_TOO_LARGE', {
        status: 413,
        message: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it and import the parts one by one.`,
      })
  }

  return {
    isSuppressed: (email: string) => repo.isSuppressed(normalEmail(email)),
    findSuppression: (email: string) => repo.findSuppression(normalEmail(email)),
    deliverableRecipients: repo.deliverableRecipients,

    /** Records provider reports (already checked); says how many addresses are newly suppressed. */
    suppress: (events: readonly SuppressionEvent[], source: string) =>
      repo.suppress(events, source, clock.now()),

    async suppressManually(emailRaw: string, detail: string): Promise<boolean> {
      const email = normalEmail(emailRaw)
      if (!isEmailAddress(email))
        throw new AppError('VALIDATION_FAILED', {
          status: 422,
          message: 'That is not an email address',
          details: ['email: not an email address'],
        })
      return (
        (await repo.suppress(
          [{ email, reason: 'manual', detail: detail.slice(0, 500) }],
          'admin',
          clock.now(),
        )) === 1
      )
    },

    /** A provider's CSV of bounces and complaints: all rows checked first, then one transaction. */
    async importSuppressions(text: string): Promise<{ added: number; rows: number }> {
      tooLarge(Buffer.byteLength(text))
      const parsed = parseSuppressionCsv(text)
      if (!parsed.ok)
        throw new AppError('CSV_INVALID', {
          status: 422,
          message: 'The file was not imported: nothing was written. Fix these lines and try again.',
          details: parsed.problems,
        })
      const added = await repo.suppress(parsed.events, 'csv', clock.now())
      return { added, rows: parsed.events.length }
    },

    /** The never-expiring address of a reader's preferences page (sent in every email). */
    async preferencesLink(origin: string, subscriberId: number): Promise<string> {
      return `${origin}/newsletters/preferences/${subscriberId}/${await signer.sign(prefsData(subscriberId))}`
    },

    subscriberFromToken,

    /** The preferences page's path, for links and forms on the site itself. */
    async preferencesPath(subscriberId: number): Promise<string> {
      return `/newsletters/preferences/${subscriberId}/${await signer.sign(prefsData(subscriberId))}`
    },

    emailOf: (subscriberId: number) => deps.newsletters.findSubscriberEmail(subscriberId),

    /** Every newsletter with this reader's state in it. */
    async preferences(subscriberId: number): Promise<{
      rows: PreferenceRow[]
      suppression: Suppression | undefined
    } | null> {
      const email = await deps.newsletters.findSubscriberEmail(subscriberId)
      if (!email) return null
      const [all, mine, suppression] = await Promise.all([
        deps.newsletters.listNewsletters(),
        repo.subscriptionsOf(subscriberId),
        repo.findSuppression(email),
      ])
      const by = new Map(mine.map((s) => [s.newsletterId, s]))
      return {
        suppression,
        rows: all.map((newsletter) => {
          const s = by.get(newsletter.id)
          return {
            newsletter,
            status: s?.status ?? null,
            mayResubscribe: !!s && s.status === 'unsubscribed' && s.confirmedAt !== null,
          }
        }),
      }
    },

    /** A reader's choice on their page; the token was checked by the caller. */
    async changePreference(
      subscriberId: number,
      action: 'unsubscribe' | 'unsubscribe-all' | 'resubscribe',
      newsletterId: number | null,
    ): Promise<'done' | 'nothing' | 'suppressed'> {
      const now = clock.now()
      if (action === 'unsubscribe-all')
        return (await repo.unsubscribeAll(subscriberId, now)) ? 'done' : 'nothing'
      if (!newsletterId) return 'nothing'
      if (action === 'unsubscribe')
        return (await deps.newsletters.unsubscribe(subscriberId, newsletterId, now))
          ? 'done'
          : 'nothing'
      const email = await deps.newsletters.findSubscriberEmail(subscriberId)
      if (!email) return 'nothing'
      if (await repo.isSuppressed(email)) return 'suppressed'
      const n = await deps.newsletters.findNewsletter(newsletterId)
      if (!n) return 'nothing'
      return (await repo.resubscribe(
        subscriberId,
        newsletterId,
        consentText(n.name, deps.siteName, n.language),
        now,
      ))
        ? 'done'
        : 'nothing'
    },

    /** The admin's overview: counts and 26 weeks of growth for every newsletter. */
    async overview(): Promise<NewsletterOverview[]> {
      const now = clock.now().getTime()
      const start = growthStart(now)
      const [list, counts, changes] = await Promise.all([
        deps.newsletters.listNewsletters(),
        repo.countsByNewsletter(),
        repo.weeklyChanges(start, WEEK_MS),
      ])
      return list.map((newsletter) => ({
        newsletter,
        counts: counts.get(newsletter.id) ?? {
          confirmed: 0,
          pending: 0,
          unsubscribed: 0,
          suppressed: 0,
        },
        weekly: weeklyNet(
          changes.confirmed.get(newsletter.id) ?? new Map(),
          changes.unsubscribed.get(newsletter.id) ?? new Map(),
          GROWTH_WEEKS,
        ),
      }))
    },

    /** Case-insensitive substring search, a page at a time after the last address shown. */
    search: (q: string, after: string, limit: number) =>
      repo.searchSubscribers(q.trim().toLowerCase().slice(0, 254), after.slice(0, 254), limit),

    async subscriber(id: number): Promise<{
      id: number
      email: string
      createdAt: Date
      subscriptions: SubscriptionDetail[]
      suppression: Suppression | undefined
    } | null> {
      const s = await repo.findSubscriber(id)
      if (!s) return null
      const [subscriptions, suppression] = await Promise.all([
        repo.subscriptionsOf(id),
        repo.findSuppression(s.email),
      ])
      return { ...s, subscriptions, suppression }
    },

    unsubscribe: (subscriberId: number, newsletterId: number) =>
      deps.newsletters.unsubscribe(subscriberId, newsletterId, clock.now()),

    /** The export, a page of rows at a time: the whole file never sits in memory. */
    async *exportCsv(): AsyncGenerator<string> {
      yield csvLine(EXPORT_COLUMNS)
      let after: [number, number] = [0, 0]
      for (;;) {
        const rows = await repo.exportPage(after, EXPORT_PAGE)
        if (!rows.length) return
        let chunk = ''
        for (const r of rows)
          chunk += csvLine([
            r.email,
            r.newsletter,
            r.status,
            r.consentText,
            isoTime(r.consentAt),
            isoTime(r.confirmedAt),
            isoTime(r.unsubscribedAt),
          ])
        yield chunk
        const last = rows[rows.length - 1]!
        after = [last.subscriberId, last.newsletterId]
        if (rows.length < EXPORT_PAGE) return
      }
    },

    /**
     * A subscriber file: every row checked first (problems listed by line, nothing written),
     * then written in one transaction. Suppressed addresses are skipped; nothing confirmed is
     * downgraded.
     */
    async importCsv(text: string) {
      tooLarge(Buffer.byteLength(text))
      const list = await deps.newsletters.listNewsletters()
      const bySlug = new Map(list.map((n) => [n.slug, n.id]))
      const now = clock.now()
      const parsed = parseSubscriberCsv(text, new Set(bySlug.keys()), now.getTime())
      if (!parsed.ok)
        throw new AppError('CSV_INVALID', {
          status: 422,
          message: 'The file was not imported: nothing was written. Fix these lines and try again.',
          details: parsed.problems,
        })
      const rows = parsed.rows.map((r) => ({ ...r, newsletterId: bySlug.get(r.newsletterSlug)! }))
      return repo.importRows(rows, importAction, now)
    },

    importSubscriptions: (rows) => repo.importRows(rows, importAction, clock.now()),
  }
}
