import crypto from 'node:crypto'
import { languagePrefix } from '../content/index.js'
import { type BulkCopy, type MailTransport, type MessageBody, prepareBulk } from '../email/index.js'
import type { Clock } from '../lib/clock.js'
import { isAppError } from '../lib/errors.js'
import { editionCopy, editionItems, editionMessage } from './edition.js'
import type { ClaimedDelivery, DeliveryState, EditionRepository } from './edition-repository.js'
import { emergencyList } from './emergency.js'
import { renderEdition } from './edition-render.js'
import type { NewsletterRepository } from './newsletter-repository.js'
import type { Signer } from './newsletter-service.js'

/** What the sender needs to know about articles: published ones, by id, in the order asked. */
export interface ArticleLookup {
  summaries(
    ids: number[],
  ): Promise<
    { id: number; kicker: string | null; headline: string; summary: string; path: string }[]
  >
}

export interface SenderDeps {
  editions: EditionRepository
  newsletters: NewsletterRepository
  articles: ArticleLookup
  /**
   * Sends the copies, raw when it can. It must not add to messages itself: what every email
   * carries (the addresses footer) comes from `addToEmail`, once per edition.
   */
  mail: MailTransport
  /** What every email of the newsroom ends with, added once to the edition's template. */
  addToEmail?: <B extends MessageBody>(m: B) => Promise<B>
  /**
   * The file an emergency edition carries (the offline edition, ADR 022); built once per send
   * run. Each copy is then composed whole, not from prepared bytes.
   */
  attachment?: () => Promise<{ filename: string; html: string }>
  clock: Clock
  signer: Signer
  /** Origin for links in email, `https://example.org`. */
  origin: string
  siteName: string
  /** SITE_NAME_XX: the site's name in each language (config.ts); default siteName. */
  siteNames?: Readonly<Record<string, string>> | undefined
  /** SITE_LANGUAGES: links in an edition open the newsletter's language edition (ADR 026). */
  languages?: readonly string[] | undefined
  mailFrom: string
  /** Why editions may not go out (sendBlocker), or null: a send then waits, approved. */
  blocked?: string | null
  log: { info(o: object, m: string): void; warn(o: object, m: string): void }
  /** How long a worker holds an edition without renewing (default 30 s). */
  leaseMs?: number
  /** Recipients taken per round (default 500). */
  batchSize?: number
  /** Messages handed to the transport at once (default 32). */
  concurrency?: number
}

/** `stopped`: the signal came; what is left waits in the queue for the next worker. */
export type SendOutcome = 'finished' | 'busy' | 'not-sendable' | 'stopped'

/** Longest an outcome waits before it is written with others (see ADR 008). */
const GROUP_MS = 20

/** The send of editions, as a worker runs it. */
export interface EditionSender {
  /**
   * Sends (or resumes) one edition; `busy` when another worker holds its lease, `not-sendable`
   * when it is neither approved nor sending. When `signal` aborts (the worker is stopping) it
   * takes no more recipients, writes the outcomes of those in flight, puts the rest back in the
   * queue and returns `stopped`, letting go of the lease.
   */
  send(id: number, signal?: AbortSignal): Promise<SendOutcome>
  /** This worker's name on the leases it takes. */
  readonly owner: string
}

/** A transport failure that is about the whole send (nobody could be reached), not one address. */
class SendPaused extends Error {}

/**
 * Sends an edition to its recipient snapshot, exactly once per recipient (ADR 008).
 *
 * Each delivery row goes queued → sending → sent (or failed, or skipped), and the worker holds a
 * lease on the edition while it works. A worker that dies leaves some rows in `sending`: the
 * mail server may or may not have taken them. The next worker sends those again with the same
 * Message-ID, so the copy that arrives twice is the same message, which mail clients show once.
 */
export function createEditionSender(deps: SenderDeps): EditionSender {
  const { editions, clock } = deps
  const leaseMs = deps.leaseMs ?? 30_000
  const batchSize = deps.batchSize ?? 500
  const concurrency = deps.concurrency ?? 32
  const owner = crypto.randomUUID()
  const domain = deps.mailFrom.split('@')[1] ?? 'localhost'

  async function renew(id: number): Promise<boolean> {
    const now = clock.now()
    return editions.acquireLease(id, owner, new Date(now.getTime() + leaseMs), now)
  }

  /**
   * Holds the lease for as long as a send runs, whatever it is busy with (a large snapshot, the
   * last messages of a batch on a slow server): renewed every third of its length, not only when
   * a batch is claimed, so another worker takes an edition over only from a worker that
   * stopped. `lost` turns true if another worker took it all the same (this one stalled).
   */
  function keepLease(id: number): { readonly lost: boolean; stop(): Promise<void> } {
    let lost = false
    let renewing: Promise<void> | null = null
    const timer = setInterval(
      () => {
        renewing ??= renew(id)
          .then((held) => {
            if (!held) lost = true
          })
          // The database is away for a moment: the next renewal tries again.
          .catch(() => {})
          .finally(() => {
            renewing = null
          })
      },
      Math.max(1, Math.floor(leaseMs / 3)),
    )
    timer.unref()
    return {
      get lost() {
        return lost
      },
      // A renewal that lands after the release would take the lease back for a gone sender.
      async stop() {
        clearInterval(timer)
        await renewing
      },
    }
  }

  /** Renders an approved edition and takes the recipient snapshot. */
  async function start(id: number, newsletterId: number): Promise<void> {
    const edition = await editions.findEdition(id)
    const newsletter = await deps.newsletters.findNewsletter(newsletterId)
    if (!edition || !newsletter) return
    const found = await deps.articles.summaries(edition.items.map((i) => i.articleId))
    const items = editionItems(edition.items, found, deps.origin)
    const site = `${deps.origin}${languagePrefix(newsletter.language, deps.languages ?? [])}`
    const rendered = await renderEdition({
      siteName: deps.siteNames?.[newsletter.language] ?? deps.siteName,
      newsletterName: newsletter.name,
      subject: edition.subject,
      intro: edition.intro,
      items,
      webUrl: `${site}/newsletters/${newsletter.slug}/issues/${id}`,
      privacyUrl: `${site}/privacy`,
      language: newsletter.language,
    })
    const n = await editions.snapshot(
      id,
      newsletterId,
      { html: rendered.htmlSource, text: rendered.textSource, marker: rendered.marker },
      items.map((i) => ({
        articleId: i.articleId,
        headline: i.headline,
        path: i.path,
        blurb: i.blurb,
      })),
      clock.now(),
    )
    if (n !== null) deps.log.info({ edition: id, recipients: n }, 'edition snapshot taken')
  }

  /**
   * Sends what is left of an edition. Returns when it is finished, or at once when another
   * worker holds it. Throws (after putting unsent recipients back in the queue) when no mail
   * transport takes messages, so the job is tried again later.
   */
  async function send(id: number, signal?: AbortSignal): Promise<SendOutcome> {
    if (deps.blocked) {
      deps.log.warn({ edition: id }, deps.blocked)
      return 'not-sendable'
    }
    if (!(await renew(id))) return 'busy'
    const lease = keepLease(id)
    try {
      let st = await editions.editionStatus(id)
      if (st?.status === 'approved') {
        await start(id, st.newsletter_id)
        st = await editions.editionStatus(id)
      }
      if (!st || st.status !== 'sending' || !st.sent_html || !st.sent_text || !st.sent_marker)
        return 'not-sendable'
      const newsletter = await deps.newsletters.findNewsletter(st.newsletter_id)
      if (!newsletter) return 'not-sendable'
      const subject = (await editions.findEdition(id))?.subject ?? newsletter.name
      // An emergency edition (SOS mode, ADR 022) comes from the newsroom, not one newsletter:
      // its list is every newsletter's readers, and each reader's own newsletter is theirs.
      const list = emergencyList(st.kind, newsletter, deps)
      // Composed once for the whole edition; each copy fills in the reader's own parts.
      const message = editionMessage({
        html: st.sent_html,
        text: st.sent_text,
        marker: st.sent_marker,
        subject,
        from: list.from,
        newsletterName: list.name,
        slug: list.slug,
        domain,
        mailFrom: deps.mailFrom,
        language: newsletter.language,
      })
      // The addresses footer, once for every copy, raw or composed whole.
      const bulk = await prepareBulk(deps.addToEmail ? await deps.addToEmail(message) : message)
      type Recipient = Omit<ClaimedDelivery, 'attempts'>
      const copyFor = async (r: Recipient): Promise<BulkCopy> => {
        const newsletterId = r.newsletterId ?? newsletter.id
        return editionCopy({
          editionId: id,
          newsletterId,
          subscriberId: r.subscriberId,
          email: r.email,
          slug: list.slug,
          domain,
          // The reader's page opens in the newsletter's language (ADR 026).
          origin: `${deps.origin}${languagePrefix(newsletter.language, deps.languages ?? [])}`,
          signature: await deps.signer.sign(`nl-unsub:${r.subscriberId}:${newsletterId}`),
        })
      }
      const file = st.kind === 'emergency' && deps.attachment ? await deps.attachment() : null
      const attachments = file && [
        { filename: file.filename, content: file.html, contentType: 'text/html; charset=utf-8' },
      ]
      const deliver = async (r: Recipient) => {
        const c = await copyFor(r)
        if (attachments) return void (await deps.mail.send({ ...bulk.message(c), attachments }))
        const raw = deps.mail.sendRaw ? bulk.raw(c, clock.now()) : null
        await (raw ? deps.mail.sendRaw!(raw) : deps.mail.send(bulk.message(c)))
      }

      // Outcomes are written as soon as they are known, in groups: while one write runs, the
      // next group gathers (group commit). What a crash can leave in doubt is only what was in
      // flight plus the group being written.
      let pending: { subscriberId: number; state: DeliveryState; detail: string }[] = []
      let writing: Promise<void> | null = null
      let failedWrite: unknown = null
      let groupTimer: NodeJS.Timeout | null = null
      const flush = (): Promise<void> => {
        if (groupTimer) {
          clearTimeout(groupTimer)
          groupTimer = null
        }
        if (writing) return writing.then(() => (pending.length ? flush() : undefined))
        if (pending.length === 0) return Promise.resolve()
        const group = pending
        pending = []
        writing = editions
          .recordOutcomes(id, group, clock.now())
          .catch((err: unknown) => {
            failedWrite = err
          })
          .finally(() => {
            writing = null
          })
        return writing
      }

      // Once nobody takes mail, the rest of the batch goes back in the queue untried.
      let paused: string | null = null
      const sendOne = async (r: Recipient) => {
        let state: DeliveryState = 'sent'
        let detail = ''
        if (paused !== null) {
          pending.push({ subscriberId: r.subscriberId, state: 'queued', detail: paused })
          return
        }
        try {
          await deliver(r)
        } catch (e) {
          if (isAppError(e) && e.code === 'VALIDATION_FAILED') {
            state = 'failed'
            detail = e.details.join('; ') || e.message
          } else if (refusedForGood(e)) {
            state = 'failed'
            detail = (e as Error).message.slice(0, 300)
          } else {
            // Nobody took it and it is not this address's fault: back in the queue for later.
            detail = (e as Error).message.slice(0, 300)
            paused = detail
            pending.push({ subscriberId: r.subscriberId, state: 'queued', detail })
            return
          }
        }
        pending.push({ subscriberId: r.subscriberId, state, detail })
        // A group goes when it has a lane's worth of outcomes or is GROUP_MS old: a statement
        // per message would cost PostgreSQL more than the message.
        if (pending.length >= concurrency) void flush()
        else
          groupTimer ??= setTimeout(() => {
            groupTimer = null
            void flush()
          }, GROUP_MS)
      }

      // Recipients stream to a bounded number of lanes (enough to keep every SMTP connection
      // busy, few enough that when the servers stop taking mail only a handful of tries are
      // wasted).
      // Left in `sending` by a worker that died: maybe delivered, maybe not. Same Message-ID.
      const buffer: Recipient[] = await editions.inDoubt(id)
      if (buffer.length > 0)
        deps.log.warn(
          { edition: id, count: buffer.length },
          'taking back recipients a stopped worker had claimed; any it had already sent go again with the same Message-ID',
        )
      // The next batch is claimed while half of this one is still to go: a claim on a busy
      // database can take longer than sending a lane's worth of messages, and lanes that wait
      // for it send nothing (a quarter of the time on PostgreSQL, measured on a busy machine).
      const refillBelow = Math.max(concurrency, Math.floor(batchSize / 2))
      let exhausted = false
      let leaseLost = false
      let stopped = false
      let claiming: Promise<void> | null = null
      const refill = () =>
        (claiming ??= (async () => {
          if (!(await renew(id))) {
            leaseLost = true
            return
          }
          const batch = await editions.claimBatch(id, list.claimFrom, batchSize, clock.now())
          if (batch.length === 0) exhausted = true
          buffer.push(...batch)
        })().finally(() => {
          claiming = null
        }))
      const take = async (): Promise<Recipient | null> => {
        for (;;) {
          if (paused !== null || failedWrite !== null || leaseLost || lease.lost) return null
          // Stopping: the messages in flight finish, nobody new is taken.
          if (signal?.aborted) {
            stopped = true
            return null
          }
          const r = buffer.shift()
          if (r) {
            if (buffer.length < refillBelow && !exhausted) void refill().catch(() => {})
            return r
          }
          if (exhausted) return null
          try {
            await refill()
          } catch (err) {
            // The database is away: stop taking recipients; the job is tried again.
            failedWrite ??= err
          }
        }
      }
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          for (let r = await take(); r; r = await take()) await sendOne(r)
        }),
      )
      await (claiming as Promise<void> | null)?.catch(() => {})
      // Claimed but never tried (the send paused): back in the queue, not in doubt.
      for (const r of buffer.splice(0))
        pending.push({ subscriberId: r.subscriberId, state: 'queued', detail: paused ?? '' })
      await flush()
      if (failedWrite) throw failedWrite
      if (paused !== null) throw new SendPaused(paused)
      if (leaseLost || lease.lost) return 'busy'
      if (stopped) {
        deps.log.info({ edition: id }, 'edition send stopped; the rest waits for the next worker')
        return 'stopped'
      }
      await editions.skipNoLongerConfirmed(id, clock.now())
      await editions.finish(id, clock.now())
      const counts = (await editions.deliveryCounts([id])).get(id)
      deps.log.info({ edition: id, ...counts }, 'edition sent')
      return 'finished'
    } finally {
      await lease.stop()
      await editions.releaseLease(id, owner)
    }
  }

  return { send, owner }
}

/** A 5xx answer about this recipient: sending again will not help. */
function refusedForGood(e: unknown): boolean {
  const details = isAppError(e) ? [e.message, ...e.details] : [String((e as Error)?.message ?? e)]
  // The fail-over reports each server's answer; if every server refused the address with 5xx,
  // the address is the problem.
  return details.length > 0 && details.some((d) => /refused with 5\d\d at RCPT/.test(d))
}
