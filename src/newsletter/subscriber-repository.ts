import { type Kysely, type Transaction, sql } from 'kysely'
import type { Database } from '../storage/index.js'
import type { SubscriptionStatus } from './newsletter.js'
import type { Suppression, SuppressionEvent, SuppressionReason } from './suppression.js'
import type { ExistingSubscription } from './subscribers.js'

type Db = Kysely<Database> | Transaction<Database>

/** Rows per statement when many are written: well under both databases' parameter limits. */
const BATCH = 500

export interface SubscriberMatch {
  id: number
  email: string
  createdAt: Date
}

export interface SubscriptionDetail {
  newsletterId: number
  newsletterName: string
  newsletterSlug: string
  status: SubscriptionStatus
  consentText: string
  consentAt: Date
  confirmedAt: Date | null
  unsubscribedAt: Date | null
}

export interface ExportRow {
  subscriberId: number
  newsletterId: number
  email: string
  newsletter: string
  status: SubscriptionStatus
  consentText: string
  consentAt: number
  confirmedAt: number | null
  unsubscribedAt: number | null
}

export interface StatusCounts {
  confirmed: number
  pending: number
  unsubscribed: number
  suppressed: number
}

const num = (v: number | string | bigint | null) => (v === null ? null : Number(v))

/** Queries for subscriber lists and suppression, on both databases. */
export function createSubscriberRepository(db: Kysely<Database>) {
  return {
    /**
     * For the send job: the confirmed subscribers of a newsletter whose address is not
     * suppressed, ordered by subscriber id. A query builder, so a snapshot can run it as an
     * INSERT … SELECT or page through it (`where('subscriber.id', '>', last)`).
     */
    deliverableRecipients(newsletterId: number, on: Db = db) {
      return on
        .selectFrom('subscription')
        .innerJoin('subscriber', 'subscriber.id', 'subscription.subscriber_id')
        .select(['subscriber.id as subscriberId', 'subscriber.email as email'])
        .where('subscription.newsletter_id', '=', newsletterId)
        .where('subscription.status', '=', 'confirmed')
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('suppression')
                .select('suppression.email')
                .whereRef('suppression.email', '=', 'subscriber.email'),
            ),
          ),
        )
        .orderBy('subscriber.id')
    },

    async isSuppressed(email: string): Promise<boolean> {
      const r = await db
        .selectFrom('suppression')
        .select('email')
        .where('email', '=', email)
        .executeTakeFirst()
      return !!r
    },

    async findSuppression(email: string): Promise<Suppression | undefined> {
      const r = await db
        .selectFrom('suppression')
        .selectAll()
        .where('email', '=', email)
        .executeTakeFirst()
      return r
        ? {
            email: r.email,
            reason: r.reason,
            source: r.source,
            detail: r.detail,
            at: new Date(Number(r.at)),
          }
        : undefined
    },

    /**
     * Records suppressions in one transaction; an address already suppressed keeps its first
     * record (a provider resending the same report changes nothing). Returns how many are new.
     */
    async suppress(
      events: readonly SuppressionEvent[],
      source: string,
      now: Date,
    ): Promise<number> {
      if (!events.length) return 0
      // One report may name an address twice: the first mention wins.
      const unique = [...new Map(events.map((e) => [e.email, e])).values()]
      return db.transaction().execute(async (trx) => {
        let added = 0
        for (let i = 0; i < unique.length; i += BATCH) {
          const chunk = unique.slice(i, i + BATCH)
          const r = await trx
            .insertInto('suppression')
            .values(
              chunk.map((e) => ({
                email: e.email,
                reason: e.reason,
                source,
                detail: e.detail,
                at: now.getTime(),
              })),
            )
            .onConflict((oc) => oc.column('email').doNothing())
            .executeTakeFirst()
          added += Number(r.numInsertedOrUpdatedRows ?? 0)
        }
        return added
      })
    },

    async countSuppressions(): Promise<Record<SuppressionReason, number>> {
      const rows = await db
        .selectFrom('suppression')
        .select(['reason', (eb) => eb.fn.countAll<number | string>().as('n')])
        .groupBy('reason')
        .execute()
      const out = { bounce: 0, complaint: 0, manual: 0 }
      for (const r of rows) out[r.reason] = Number(r.n)
      return out
    },

    /**
     * Addresses containing `q` (already lowercased, as stored), in address order after
     * `after`. Walks the unique index on email in order and stops at `limit` matches, so a
     * common term answers from the first pages of the index; a rare one reads the narrow
     * subscriber table once. No count of all matches: that would always read everything.
     */
    async searchSubscribers(q: string, after: string, limit: number): Promise<SubscriberMatch[]> {
      let query = db
        .selectFrom('subscriber')
        .select(['id', 'email', 'created_at'])
        .orderBy('email')
        .limit(limit)
      if (after) query = query.where('email', '>', after)
      if (q) {
        const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
        query = query.where(sql<boolean>`email like ${pattern} escape '\\'`)
      }
      const rows = await query.execute()
      return rows.map((r) => ({
        id: r.id,
        email: r.email,
        createdAt: new Date(Number(r.created_at)),
      }))
    },

    async findSubscriber(id: number): Promise<SubscriberMatch | undefined> {
      const r = await db
        .selectFrom('subscriber')
        .select(['id', 'email', 'created_at'])
        .where('id', '=', id)
        .executeTakeFirst()
      return r && { id: r.id, email: r.email, createdAt: new Date(Number(r.created_at)) }
    },

    async subscriptionsOf(subscriberId: number): Promise<SubscriptionDetail[]> {
      const rows = await db
        .selectFrom('subscription')
        .innerJoin('newsletter', 'newsletter.id', 'subscription.newsletter_id')
        .select([
          'newsletter.id as newsletterId',
          'newsletter.name as newsletterName',
          'newsletter.slug as newsletterSlug',
          'subscription.status',
          'subscription.consent_text',
          'subscription.consent_at',
          'subscription.confirmed_at',
          'subscription.unsubscribed_at',
        ])
        .where('subscription.subscriber_id', '=', subscriberId)
        .orderBy('newsletter.id')
        .execute()
      const date = (v: number | null) => (v === null ? null : new Date(Number(v)))
      return rows.map((r) => ({
        newsletterId: r.newsletterId,
        newsletterName: r.newsletterName,
        newsletterSlug: r.newsletterSlug,
        status: r.status,
        consentText: r.consent_text,
        consentAt: new Date(Number(r.consent_at)),
        confirmedAt: date(r.confirmed_at),
        unsubscribedAt: date(r.unsubscribed_at),
      }))
    },

    /** Every subscription of one reader ends now; says how many were still on. */
    async unsubscribeAll(subscriberId: number, now: Date): Promise<number> {
      const r = await db
        .updateTable('subscription')
        .set({ status: 'unsubscribed', unsubscribed_at: now.getTime() })
        .where('subscriber_id', '=', subscriberId)
        .where('status', '!=', 'unsubscribed')
        .executeTakeFirst()
      return Number(r.numUpdatedRows)
    },

    /**
     * Back on a newsletter the reader had confirmed before and then left; the reader's click on
     * their own signed page is the new consent, recorded with its words and time.
     */
    async resubscribe(
      subscriberId: number,
      newsletterId: number,
      consentText: string,
      now: Date,
    ): Promise<boolean> {
      const r = await db
        .updateTable('subscription')
        .set({
          status: 'confirmed',
          unsubscribed_at: null,
          consent_text: consentText,
          consent_at: now.getTime(),
          confirmed_at: now.getTime(),
        })
        .where('subscriber_id', '=', subscriberId)
        .where('newsletter_id', '=', newsletterId)
        .where('status', '=', 'unsubscribed')
        .where('confirmed_at', 'is not', null)
        .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },

    /** Per newsletter: subscriptions by status, with suppressed addresses counted apart. */
    async countsByNewsletter(): Promise<Map<number, StatusCounts>> {
      const rows = await db
        .selectFrom('subscription')
        .innerJoin('subscriber', 'subscriber.id', 'subscription.subscriber_id')
        .leftJoin('suppression', 'suppression.email', 'subscriber.email')
        .select((eb) => [
          'subscription.newsletter_id as nl',
          'subscription.status as status',
          eb.case().when('suppression.email', 'is', null).then(0).else(1).end().as('sup'),
          eb.fn.countAll<number | string>().as('n'),
        ])
        .groupBy(['subscription.newsletter_id', 'subscription.status', 'sup'])
        .execute()
      const out = new Map<number, StatusCounts>()
      for (const r of rows) {
        const c = out.get(r.nl) ?? { confirmed: 0, pending: 0, unsubscribed: 0, suppressed: 0 }
        if (Number(r.sup) === 1) c.suppressed += Number(r.n)
        else c[r.status] += Number(r.n)
        out.set(r.nl, c)
      }
      return out
    },

    /**
     * Confirmations and unsubscriptions (of readers who had confirmed) per newsletter and week
     * since `start`: keyed `newsletterId` -> week index -> count.
     */
    async weeklyChanges(start: number, weekMs: number) {
      const bucket = (col: 'confirmed_at' | 'unsubscribed_at') =>
        db
          .selectFrom('subscription')
          .select((eb) => [
            'newsletter_id as nl',
            sql<number | string>`(${sql.ref(col)} - ${start}) / ${weekMs}`.as('week'),
            eb.fn.countAll<number | string>().as('n'),
          ])
          .where(col, '>=', start)
          .$if(col === 'unsubscribed_at', (q) => q.where('confirmed_at', 'is not', null))
          .groupBy(['newsletter_id', 'week'])
          .execute()
      const [confirmed, unsubscribed] = await Promise.all([
        bucket('confirmed_at'),
        bucket('unsubscribed_at'),
      ])
      const toMap = (rows: { nl: number; week: number | string; n: number | string }[]) => {
        const m = new Map<number, Map<number, number>>()
        for (const r of rows) {
          const w = Math.floor(Number(r.week))
          const inner = m.get(r.nl) ?? new Map<number, number>()
          inner.set(w, (inner.get(w) ?? 0) + Number(r.n))
          m.set(r.nl, inner)
        }
        return m
      }
      return { confirmed: toMap(confirmed), unsubscribed: toMap(unsubscribed) }
    },

    /** One page of the export, in (subscriber, newsletter) order after the given key. */
    async exportPage(after: [number, number], limit: number): Promise<ExportRow[]> {
      const rows = await db
        .selectFrom('subscription')
        .innerJoin('subscriber', 'subscriber.id', 'subscription.subscriber_id')
        .innerJoin('newsletter', 'newsletter.id', 'subscription.newsletter_id')
        .select([
          'subscription.subscriber_id',
          'subscription.newsletter_id',
          'subscriber.email',
          'newsletter.slug',
          'subscription.status',
          'subscription.consent_text',
          'subscription.consent_at',
          'subscription.confirmed_at',
          'subscription.unsubscribed_at',
        ])
        .where((eb) =>
          eb.or([
            eb('subscription.subscriber_id', '>', after[0]),
            eb.and([
              eb('subscription.subscriber_id', '=', after[0]),
              eb('subscription.newsletter_id', '>', after[1]),
            ]),
          ]),
        )
        .orderBy('subscription.subscriber_id')
        .orderBy('subscription.newsletter_id')
        .limit(limit)
        .execute()
      return rows.map((r) => ({
        subscriberId: r.subscriber_id,
        newsletterId: r.newsletter_id,
        email: r.email,
        newsletter: r.slug,
        status: r.status,
        consentText: r.consent_text,
        consentAt: Number(r.consent_at),
        confirmedAt: num(r.confirmed_at),
        unsubscribedAt: num(r.unsubscribed_at),
      }))
    },

    /**
     * Writes checked import rows in one transaction: subscribers made as needed, then each
     * row's subscription added or updated as `decide` says. Suppressed addresses are skipped.
     */
    async importRows<
      R extends {
        email: string
        newsletterId: number
        status: SubscriptionStatus
        consentText: string
        consentAt: number
        confirmedAt: number | null
        unsubscribedAt: number | null
      },
    >(
      rows: readonly R[],
      decide: (existing: ExistingSubscription | undefined, row: R) => 'add' | 'update' | 'skip',
      now: Date,
    ): Promise<{ added: number; updated: number; skipped: number; suppressed: number }> {
      return db.transaction().execute(async (trx) => {
        const emails = [...new Set(rows.map((r) => r.email))]
        const suppressed = new Set<string>()
        const ids = new Map<string, number>()
        for (let i = 0; i < emails.length; i += BATCH) {
          const chunk = emails.slice(i, i + BATCH)
          for (const s of await trx
            .selectFrom('suppression')
            .select('email')
            .where('email', 'in', chunk)
            .execute())
            suppressed.add(s.email)
          const fresh = chunk.filter((e) => !suppressed.has(e))
          if (fresh.length)
            await trx
              .insertInto('subscriber')
              .values(fresh.map((email) => ({ email, created_at: now.getTime() })))
              .onConflict((oc) => oc.column('email').doNothing())
              .execute()
          for (const s of await trx
            .selectFrom('subscriber')
            .select(['id', 'email'])
            .where('email', 'in', chunk)
            .execute())
            ids.set(s.email, s.id)
        }
        const existing = new Map<string, ExistingSubscription>()
        const idList = [...new Set(ids.values())]
        for (let i = 0; i < idList.length; i += BATCH) {
          for (const s of await trx
            .selectFrom('subscription')
            .select(['subscriber_id', 'newsletter_id', 'status', 'unsubscribed_at'])
            .where('subscriber_id', 'in', idList.slice(i, i + BATCH))
            .execute())
            existing.set(`${s.subscriber_id}:${s.newsletter_id}`, {
              status: s.status,
              unsubscribedAt: num(s.unsubscribed_at),
            })
        }
        const counts = { added: 0, updated: 0, skipped: 0, suppressed: 0 }
        const inserts: Database['subscription'][] = []
        for (const r of rows) {
          if (suppressed.has(r.email)) {
            counts.suppressed++
            continue
          }
          const sid = ids.get(r.email)!
          const action = decide(existing.get(`${sid}:${r.newsletterId}`), r)
          const values = {
            status: r.status,
            consent_text: r.consentText,
            consent_at: r.consentAt,
            confirmed_at: r.confirmedAt,
            unsubscribed_at: r.unsubscribedAt,
          }
          if (action === 'skip') counts.skipped++
          else if (action === 'add') {
            counts.added++
            inserts.push({
              subscriber_id: sid,
              newsletter_id: r.newsletterId,
              confirm_sent_at: null,
              ...values,
            })
          } else {
            counts.updated++
            await trx
              .updateTable('subscription')
              .set(values)
              .where('subscriber_id', '=', sid)
              .where('newsletter_id', '=', r.newsletterId)
              .execute()
          }
        }
        for (let i = 0; i < inserts.length; i += BATCH)
          await trx
            .insertInto('subscription')
            .values(inserts.slice(i, i + BATCH))
            .execute()
        return counts
      })
    },
  }
}

export type SubscriberRepository = ReturnType<typeof createSubscriberRepository>
