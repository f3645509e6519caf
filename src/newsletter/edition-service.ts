import crypto from 'node:crypto'
import { z } from 'zod'
import type { JobQueue } from '../jobs/index.js'
import { prepareBulk, type MailTransport } from '../email/index.js'
import type { Clock } from '../lib/clock.js'
import { AppError } from '../lib/errors.js'
import {
  type EditionItem,
  isEditable,
  latestSlot,
  MAX_ITEMS,
  SLOT_FRESH_MS,
  suggestSelection,
  editionMessage,
  compileTemplate,
  fillTemplate,
  type Candidate,
  type Edition,
} from './edition.js'
import type {
  DeliveryCounts,
  EditionRepository,
  SentItemRow,
  SentListing,
} from './edition-repository.js'
import { renderNow } from './edition-email.js'
import type { ArticleLookup } from './edition-sender.js'
import type { NewsletterRepository } from './newsletter-repository.js'
import { createEmergencyService, type EmergencyService } from './emergency.js'

export interface EditionServiceDeps {
  editions: EditionRepository
  newsletters: NewsletterRepository
  articles: ArticleLookup & {
    /** Published articles, newest first, at most `limit`. */
    recent(limit: number, language?: string): Promise<Candidate[]>
  }
  jobs: Pick<JobQueue, 'send'>
  mail: MailTransport
  clock: Clock
  origin: string
  siteName: string
  mailFrom: string
  /** Why editions may not go out (sendBlocker), or null. */
  blocked?: string | null
  /** TIME_ZONE: the day in a new edition's subject is the newsroom's day. */
  timeZone?: string
  log: { info(o: object, m: string): void; error(o: object, m: string): void }
  /** SOS mode's switch and the newsroom's addresses, for the emergency edition (emergency.ts). */
  emergency?: {
    sosActive(): boolean | Promise<boolean>
    addresses(): Promise<readonly string[]>
  }
}

const WEEK_MS = 7 * 24 * 3600_000

const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !/[\r\n\u0085\u2028\u2029]/.test(s), 'must be one line')

const EditionInput = z.object({
  subject: oneLine(200).pipe(z.string().min(1, 'write a subject line')),
  intro: z.string().trim().max(5000),
  items: z
    .array(
      z.object({
        articleId: z.number().int().positive(),
        blurb: z.string().trim().max(600),
      }),
    )
    .max(MAX_ITEMS, `at most ${MAX_ITEMS} articles`),
})
export type EditionInput = z.input<typeof EditionInput>

function invalid(details: string[]): AppError {
  return new AppError('VALIDATION_FAILED', {
    status: 422,
    message: 'The edition has problems',
    details,
  })
}

/** Building, approving, testing and scheduling editions. Sending itself is the sender's. */
export interface EditionService {
  /** SOS mode's emergency edition to every newsletter's readers (emergency.ts). */
  readonly emergency: EmergencyService
  /**
   * The suggested selection: the week's published articles, ranked (edition.ts); in the
   * newsletter's language when given (ADR 026).
   */
  suggestion(language?: string): Promise<EditionItem[]>
  /** A new draft, empty or from the suggested selection. */
  createDraft(
    newsletterId: number,
    o: { suggested: boolean; staffId: number | null },
  ): Promise<number>
  findEdition(id: number): Promise<Edition | undefined>
  listEditions(newsletterId: number): Promise<Edition[]>
  deliveryCounts(ids: number[]): Promise<Map<number, DeliveryCounts>>
  /** Where every send in progress stands, for the metrics. */
  sendProgress(): Promise<Map<number, DeliveryCounts>>
  /** Sent editions, newest first, for the public archive. */
  listSent(
    newsletterId: number,
    limit: number,
    offset: number,
  ): Promise<{ items: SentListing[]; hasMore: boolean }>
  /** What readers were sent: the items as they were at send time. */
  sentItems(id: number): Promise<SentItemRow[]>
  /** Saves subject, intro and items; refuses an edition that has started. */
  update(id: number, input: EditionInput): Promise<void>
  /**
   * Approves an edition for sending at `at` (now when null). The job goes out at once for
   * "now"; a later time is picked up by the schedule tick when it comes.
   */
  approve(id: number, at: Date | null): Promise<void>
  /** Why editions may not go out now (shown in the admin), or null. */
  sendBlocked(): string | null
  /** Back to draft (if not started) or cancelled for good. */
  withdraw(id: number, to: 'draft' | 'cancelled'): Promise<boolean>
  /** Sends this edition as it stands to one address, marked as a test. */
  sendTest(id: number, to: string): Promise<void>
  /**
   * The same refusals as `approve`, before anyone is asked to confirm; then whom the send
   * would reach if it started now (the snapshot's own selection).
   */
  checkSend(id: number): Promise<{ readers: number; suppressed: number }>
  /**
   * The email as `to` would read it: as it was sent once the send has started, else as it
   * stands; its unsubscribe link leads to the newsletters page, as a test's does.
   */
  preview(id: number, to: string): Promise<{ html: string; text: string } | undefined>
  /**
   * Runs every minute in a worker: drafts (or sends) each schedule slot that has come, queues
   * approved editions whose time has come, and resumes sends whose worker died. Safe on many
   * workers at once: each slot's edition is unique, and sends are guarded by the lease.
   */
  tick(): Promise<{ drafted: number[]; queued: number[] }>
}

export function createEditionService(deps: EditionServiceDeps): EditionService {
  const { editions, clock } = deps

  async function suggestion(language?: string): Promise<EditionItem[]> {
    const now = clock.now().getTime()
    const recent = (await deps.articles.recent(60, language)).filter(
      (c) => now - c.publishedAt.getTime() <= WEEK_MS,
    )
    return suggestSelection(recent).map((articleId) => ({ articleId, blurb: '' }))
  }

  function defaultSubject(name: string) {
    const day = clock.now().toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: deps.timeZone ?? 'UTC',
    })
    return `${name}: ${day}`
  }

  async function queueSend(id: number) {
    await deps.jobs.send('edition.send', { edition: id })
  }

  /**
   * What approving and the send's confirmation both refuse: no https PUBLIC_URL, no such
   * edition, an edition with nothing in it.
   */
  async function sendable(id: number) {
    if (deps.blocked)
      throw new AppError('SEND_NEEDS_PUBLIC_URL', { status: 409, message: deps.blocked })
    const edition = await editions.findEdition(id)
    if (!edition) throw new AppError('NOT_FOUND', { status: 404, message: 'No such edition' })
    if (edition.items.length === 0 && edition.intro.trim() === '')
      throw invalid(['items: add at least one article or an introduction before sending'])
    return edition
  }

  return {
    suggestion,
    sendBlocked: () => deps.blocked ?? null,
    emergency: createEmergencyService({
      editions,
      jobs: deps.jobs,
      clock,
      sosActive: deps.emergency?.sosActive ?? (() => false),
      addresses: deps.emergency?.addresses ?? (async () => []),
      origin: deps.origin,
      siteName: deps.siteName,
      blocked: deps.blocked ?? null,
    }),

    /** A new draft, empty or from the suggested selection. */
    async createDraft(
      newsletterId: number,
      o: { suggested: boolean; staffId: number | null },
    ): Promise<number> {
      const newsletter = await deps.newsletters.findNewsletter(newsletterId)
      if (!newsletter)
        throw new AppError('NOT_FOUND', { status: 404, message: 'No such newsletter' })
      const id = await editions.insertEdition({
        newsletterId,
        subject: defaultSubject(newsletter.name),
        intro: '',
        items: o.suggested ? await suggestion(newsletter.language) : [],
        slotAt: null,
        createdBy: o.staffId,
        now: clock.now(),
      })
      return id!
    },

    findEdition: (id: number) => editions.findEdition(id),
    listEditions: (newsletterId: number) => editions.listEditions(newsletterId, 50),
    deliveryCounts: (ids: number[]) => editions.deliveryCounts(ids),
    sendProgress: async () => editions.deliveryCounts(await editions.sendingEditions()),
    listSent: (newsletterId: number, limit: number, offset: number) =>
      editions.listSent(newsletterId, limit, offset),
    sentItems: (id: number) => editions.sentItems(id),

    /** Saves subject, intro and items; refuses an edition that has started. */
    async update(id: number, input: EditionInput): Promise<void> {
      const parsed = EditionInput.safeParse(input)
      if (!parsed.success)
        throw invalid(
          parsed.error.issues.map((i) => `${i.path.join('.') || 'edition'}: ${i.message}`),
        )
      const ids = parsed.data.items.map((i) => i.articleId)
      if (new Set(ids).size !== ids.length) throw invalid(['items: an article appears twice'])
      const found = new Set((await deps.articles.summaries(ids)).map((a) => a.id))
      const missing = ids.filter((i) => !found.has(i))
      if (missing.length > 0)
        throw invalid(missing.map((m) => `items: article ${m} is not published`))
      const current = await editions.findEdition(id)
      if (!current) throw new AppError('NOT_FOUND', { status: 404, message: 'No such edition' })
      if (
        !isEditable(current.status) ||
        !(await editions.updateEdition(id, parsed.data, clock.now()))
      )
        throw new AppError('EDIT_CONFLICT', {
          status: 409,
          message: 'This edition has started sending and can no longer be changed.',
        })
    },

    /**
     * Approves an edition for sending at `at` (now when null). The job goes out at once for
     * "now"; a later time is picked up by the schedule tick when it comes.
     */
    async approve(id: number, at: Date | null): Promise<void> {
      await sendable(id)
      const when = at ?? clock.now()
      if (!(await editions.setStatus(id, ['draft', 'approved'], 'approved', clock.now(), when)))
        throw new AppError('EDIT_CONFLICT', {
          status: 409,
          message: 'This edition has already started sending.',
        })
      if (when.getTime() <= clock.now().getTime()) await queueSend(id)
    },

    /** Back to draft (if not started) or cancelled for good. */
    async withdraw(id: number, to: 'draft' | 'cancelled'): Promise<boolean> {
      return editions.setStatus(
        id,
        to === 'draft' ? ['approved'] : ['draft', 'approved'],
        to,
        clock.now(),
        null,
      )
    },

    async checkSend(id: number) {
      const edition = await sendable(id)
      if (!isEditable(edition.status))
        throw new AppError('EDIT_CONFLICT', {
          status: 409,
          message: 'This edition has already started sending.',
        })
      return editions.recipientCount(edition.newsletterId)
    },

    async preview(id: number, to: string) {
      const edition = await editions.findEdition(id)
      if (!edition) return undefined
      const values = { unsubscribe_url: `${deps.origin}/newsletters`, email: to }
      const sent = await editions.editionStatus(id)
      if (sent?.sent_html && sent.sent_text && sent.sent_marker) {
        const marker = sent.sent_marker
        const fill = (src: string) => fillTemplate(compileTemplate(src, marker), values)
        return { html: fill(sent.sent_html), text: fill(sent.sent_text) }
      }
      const { rendered } = await renderNow(deps, edition)
      return {
        html: fillTemplate(rendered.html, values),
        text: fillTemplate(rendered.text, values),
      }
    },

    /** Sends this edition as it stands to one address, marked as a test. */
    async sendTest(id: number, to: string): Promise<void> {
      const edition = await editions.findEdition(id)
      if (!edition) throw new AppError('NOT_FOUND', { status: 404, message: 'No such edition' })
      const { rendered, newsletter } = await renderNow(deps, edition)
      // The reader's email, headers and all (List-Unsubscribe, List-Id…), so what staff check is
      // what readers get. The person testing is not a reader: their link is the newsletters page.
      const domain = deps.mailFrom.split('@')[1] ?? 'localhost'
      const bulk = await prepareBulk(
        editionMessage({
          html: rendered.htmlSource,
          text: rendered.textSource,
          marker: rendered.marker,
          subject: `[Test] ${edition.subject}`,
          from: {
            name: newsletter.senderName || deps.siteName,
            address: newsletter.senderAddress || deps.mailFrom,
          },
          newsletterName: newsletter.name,
          slug: newsletter.slug,
          domain,
          mailFrom: deps.mailFrom,
          language: newsletter.language,
        }),
      )
      await deps.mail.send(
        bulk.message({
          to,
          // Each test its own id: a mailbox hides a second message with an id it has seen.
          messageId: `<e${id}.test-${crypto.randomUUID()}.${newsletter.slug}@${domain}>`,
          values: { unsubscribe_url: `${deps.origin}/newsletters`, email: to, subscriber: 'test' },
        }),
      )
    },

    /**
     * Runs every minute in a worker: makes the draft (or sends) for each schedule slot that has
     * come, queues approved editions whose time has come, and resumes sends whose worker died.
     * Safe on many workers at once: each slot's edition is unique in the database, and sends
     * are guarded by the edition's lease.
     */
    async tick(): Promise<{ drafted: number[]; queued: number[] }> {
      const now = clock.now()
      const drafted: number[] = []
      for (const s of await editions.newsletterSchedules()) {
        const slot = latestSlot(s, now)
        if (!slot || now.getTime() - slot.getTime() > SLOT_FRESH_MS) continue
        const newsletter = await deps.newsletters.findNewsletter(s.newsletterId)
        if (!newsletter) continue
        const items = await suggestion(newsletter.language)
        const id = await editions.insertEdition({
          newsletterId: s.newsletterId,
          subject: defaultSubject(newsletter.name),
          intro: '',
          items,
          slotAt: slot,
          createdBy: null,
          now,
        })
        if (id === null) continue
        drafted.push(id)
        deps.log.info(
          { edition: id, newsletter: newsletter.slug, mode: s.mode },
          'scheduled edition made',
        )
        // "send" newsrooms trust the suggestion; an empty week sends nothing.
        if (s.mode === 'send' && items.length > 0)
          await editions.setStatus(id, ['draft'], 'approved', now, now)
      }
      const queued = [...(await editions.dueApproved(now)), ...(await editions.stalledSends(now))]
      for (const id of queued) await queueSend(id)
      return { drafted, queued }
    },
  }
}
