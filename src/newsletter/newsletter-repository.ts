import type { Kysely } from 'kysely'
import type { Database } from '../storage/index.js'
import type { Newsletter, SubscriptionStatus } from './newsletter.js'

/** A reader's subscription as sign-up sees it: its state, and when we last asked to confirm. */
export interface SubscriptionState {
  status: SubscriptionStatus
  confirmSentAt: Date | null
}

/**
 * Newsletters and the reader's side of subscribing: sign-up, confirmation, one-click
 * unsubscribe. The newsroom's subscriber lists are the subscriber repository's.
 */
export interface NewsletterRepository {
  listNewsletters(): Promise<Newsletter[]>
  findNewsletter(id: number): Promise<Newsletter | undefined>
  findNewsletterBySlug(slug: string): Promise<Newsletter | undefined>
  insertNewsletter(
    n: Pick<Newsletter, 'slug' | 'name' | 'description' | 'cadence' | 'language'>,
    now: Date,
  ): Promise<number>
  /** Sender and schedule settings of one newsletter. */
  updateSettings(
    id: number,
    s: Pick<
      Newsletter,
      | 'senderName'
      | 'senderAddress'
      | 'scheduleMode'
      | 'scheduleDay'
      | 'scheduleTime'
      | 'scheduleTz'
    >,
  ): Promise<void>
  /** The subscriber with this address, made if new (safe when two sign-ups race). */
  subscriberId(email: string, now: Date): Promise<number>
  findSubscriberEmail(subscriberId: number): Promise<string | undefined>
  findSubscription(
    subscriberId: number,
    newsletterId: number,
  ): Promise<SubscriptionState | undefined>
  /** Adds the subscription, or records the new consent and state on the existing one. */
  saveSubscription(s: {
    subscriberId: number
    newsletterId: number
    status: SubscriptionStatus
    consentText: string
    now: Date
  }): Promise<void>
  markConfirmationSent(subscriberId: number, newsletterId: number, now: Date): Promise<void>
  /** Pending → confirmed; says whether anything changed (a second click is a no-op). */
  confirm(subscriberId: number, newsletterId: number, now: Date): Promise<boolean>
  /** Says whether anything changed: a second click finds it already unsubscribed. */
  unsubscribe(subscriberId: number, newsletterId: number, now: Date): Promise<boolean>
  statusOf(subscriberId: number, newsletterId: number): Promise<SubscriptionStatus | undefined>
  countByStatus(newsletterId: number): Promise<Record<SubscriptionStatus, number>>
}

/** Queries only, on both databases. */
export function createNewsletterRepository(db: Kysely<Database>): NewsletterRepository {
  const columns = [
    'id',
    'slug',
    'name',
    'description',
    'cadence',
    'language',
    'sender_name as senderName',
    'sender_address as senderAddress',
    'schedule_mode as scheduleMode',
    'schedule_day as scheduleDay',
    'schedule_time as scheduleTime',
    'schedule_tz as scheduleTz',
  ] as const
  return {
    async listNewsletters(): Promise<Newsletter[]> {
      return db.selectFrom('newsletter').select(columns).orderBy('id').execute()
    },

    async findNewsletter(id: number): Promise<Newsletter | undefined> {
      return db.selectFrom('newsletter').select(columns).where('id', '=', id).executeTakeFirst()
    },

    async findNewsletterBySlug(slug: string): Promise<Newsletter | undefined> {
      return db.selectFrom('newsletter').select(columns).where('slug', '=', slug).executeTakeFirst()
    },

    async insertNewsletter(
      n: Pick<Newsletter, 'slug' | 'name' | 'description' | 'cadence' | 'language'>,
      now: Date,
    ): Promise<number> {
      const r = await db
        .insertInto('newsletter')
        .values({ ...n, created_at: now.getTime() })
        .returning('id')
        .executeTakeFirstOrThrow()
      return r.id
    },

    /** Sender and schedule settings of one newsletter. */
    async updateSettings(
      id: number,
      s: Pick<
        Newsletter,
        | 'senderName'
        | 'senderAddress'
        | 'scheduleMode'
        | 'scheduleDay'
        | 'scheduleTime'
        | 'scheduleTz'
      >,
    ): Promise<void> {
      await db
        .updateTable('newsletter')
        .set({
          sender_name: s.senderName,
          sender_address: s.senderAddress,
          schedule_mode: s.scheduleMode,
          schedule_day: s.scheduleDay,
          schedule_time: s.scheduleTime,
          schedule_tz: s.scheduleTz,
        })
        .where('id', '=', id)
        .execute()
    },

    /** The subscriber with this address, made if new (safe when two sign-ups race). */
    async subscriberId(email: string, now: Date): Promise<number> {
      await db
        .insertInto('subscriber')
        .values({ email, created_at: now.getTime() })
        .onConflict((oc) => oc.column('email').doNothing())
        .execute()
      const r = await db
        .selectFrom('subscriber')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirstOrThrow()
      return r.id
    },

    async findSubscriberEmail(subscriberId: number): Promise<string | undefined> {
      const r = await db
        .selectFrom('subscriber')
        .select('email')
        .where('id', '=', subscriberId)
        .executeTakeFirst()
      return r?.email
    },

    async findSubscription(subscriberId: number, newsletterId: number) {
      const r = await db
        .selectFrom('subscription')
        .selectAll()
        .where('subscriber_id', '=', subscriberId)
        .where('newsletter_id', '=', newsletterId)
        .executeTakeFirst()
      return r
        ? {
            status: r.status,
            confirmSentAt: r.confirm_sent_at === null ? null : new Date(Number(r.confirm_sent_at)),
          }
        : undefined
    },

    async saveSubscription(s: {
      subscriberId: number
      newsletterId: number
      status: SubscriptionStatus
      consentText: string
      now: Date
    }) {
      const at = s.now.getTime()
      await db
        .insertInto('subscription')
        .values({
          subscriber_id: s.subscriberId,
          newsletter_id: s.newsletterId,
          status: s.status,
          consent_text: s.consentText,
          consent_at: at,
          confirmed_at: null,
          unsubscribed_at: null,
          confirm_sent_at: null,
        })
        .onConflict((oc) =>
          oc.columns(['subscriber_id', 'newsletter_id']).doUpdateSet({
            status: s.status,
            consent_text: s.consentText,
            consent_at: at,
          }),
        )
        .execute()
    },

    async markConfirmationSent(subscriberId: number, newsletterId: number, now: Date) {
      await db
        .updateTable('subscription')
        .set({ confirm_sent_at: now.getTime() })
        .where('subscriber_id', '=', subscriberId)
        .where('newsletter_id', '=', newsletterId)
        .execute()
    },

    /** Pending → confirmed; says whether anything changed (a second click is a no-op). */
    async confirm(subscriberId: number, newsletterId: number, now: Date): Promise<boolean> {
      const r = await db
        .updateTable('subscription')
        .set({ status: 'confirmed', confirmed_at: now.getTime() })
        .where('subscriber_id', '=', subscriberId)
        .where('newsletter_id', '=', newsletterId)
        .where('status', '=', 'pending')
        .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },

    async unsubscribe(subscriberId: number, newsletterId: number, now: Date): Promise<boolean> {
      const r = await db
        .updateTable('subscription')
        .set({ status: 'unsubscribed', unsubscribed_at: now.getTime() })
        .where('subscriber_id', '=', subscriberId)
        .where('newsletter_id', '=', newsletterId)
        .where('status', '!=', 'unsubscribed')
        .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },

    async statusOf(
      subscriberId: number,
      newsletterId: number,
    ): Promise<SubscriptionStatus | undefined> {
      const r = await db
        .selectFrom('subscription')
        .select('status')
        .where('subscriber_id', '=', subscriberId)
        .where('newsletter_id', '=', newsletterId)
        .executeTakeFirst()
      return r?.status
    },

    async countByStatus(newsletterId: number): Promise<Record<SubscriptionStatus, number>> {
      const rows = await db
        .selectFrom('subscription')
        .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('newsletter_id', '=', newsletterId)
        .groupBy('status')
        .execute()
      const out = { pending: 0, confirmed: 0, unsubscribed: 0 }
      for (const r of rows) out[r.status] = Number(r.n)
      return out
    },
  }
}
