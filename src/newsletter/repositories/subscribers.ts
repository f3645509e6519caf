import { type Kysely, type SelectQueryBuilder, type Transaction, sql } from 'kysely'
import type { Database } from '../../storage/index.js'
import type { SubscriptionStatus } from '../newsletter.js'

type Db = Kysely<Database> | Transaction<Database>

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

export interface StatusCounts {
  confirmed: number
  pending: number
  unsubscribed: number
  suppressed: number
}

/** Counts keyed newsletter id -> week index (from the start asked) -> count. */
export type WeeklyCounts = Map<number, Map<number, number>>

/** Who an edition goes to, as a query the caller runs, pages or inserts from. */
export type RecipientQuery = SelectQueryBuilder<
  Database,
  'subscription' | 'subscriber',
  { subscriberId: number; email: string }
>

/**
 * Subscribers and their subscriptions as the newsroom sees them: who gets an edition, search,
 * one reader's subscriptions and the changes made for them, counts and weekly growth.
 */
export interface SubscriberLists {
  /**
   * For the send job: the confirmed subscribers of a newsletter whose address is not
   * suppressed, ordered by subscriber id. A query builder, so a snapshot can run it as an
   * INSERT … SELECT or page through it (`where('subscriber.id', '>', last)`).
   */
  deliverableRecipients(newsletterId: number, on?: Db): RecipientQuery
  /**
   * Addresses containing `q` (already lowercased, as stored), in address order after `after`;
   * no total, since counting every match would always read everything.
   */
  searchSubscribers(q: string, after: string, limit: number): Promise<SubscriberMatch[]>
  findSubscriber(id: number): Promise<SubscriberMatch | undefined>
  subscriptionsOf(subscriberId: number): Promise<SubscriptionDetail[]>
  /** Every subscription of one reader ends now; says how many were still on. */
  unsubscribeAll(subscriberId: number, now: Date): Promise<number>
  /**
   * Back on a newsletter the reader had confirmed before and then left; the reader's click on
   * their own signed page is the new consent, recorded with its words and time.
   */
  resubscribe(
    subscriberId: number,
    newsletterId: number,
    consentText: string,
    now: Date,
  ): Promise<boolean>
  /** Per newsletter: subscriptions by status, with suppressed addresses counted apart. */
  countsByNewsletter(): Promise<Map<number, StatusCounts>>
  /** Confirmations and unsubscriptions (of readers who had confirmed) per newsletter and week. */
  weeklyChanges(
    start: number,
    weekMs: number,
  ): Promise<{ confirmed: WeeklyCounts; unsubscribed: WeeklyCounts }>
}

export function createSubscriberLists(db: Kysely<Database>): SubscriberLists {
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
  }
}
