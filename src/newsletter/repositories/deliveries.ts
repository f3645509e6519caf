import { type Kysely, sql } from 'kysely'
import type { Database } from '../../storage/index.js'
import type { EditionStatus } from '../edition.js'

export type DeliveryState = 'queued' | 'sending' | 'sent' | 'failed' | 'skipped'
/** Per state; `suppressed` are the skipped ones whose address bounced or complained. */
export type DeliveryCounts = Record<DeliveryState | 'suppressed', number>

/** The detail a delivery gets when it was never sent because its address is suppressed. */
export const SUPPRESSED_DETAIL = 'suppressed: the address bounced, complained or was stopped'

/** One recipient taken for sending; `attempts` counts this one. */
export interface ClaimedDelivery {
  subscriberId: number
  email: string
  attempts: number
  /** An emergency edition's reader: the newsletter their unsubscribe link names. */
  newsletterId: number | null
}

/** What the sender reads before each round: the state, and the email frozen by the snapshot. */
export interface SendState {
  status: EditionStatus
  kind: 'regular' | 'emergency'
  newsletter_id: number
  sent_html: string | null
  sent_text: string | null
  sent_marker: string | null
}

/**
 * The send's queries (ADR 008): the lease that lets one worker send an edition, the recipient
 * snapshot, batches taken and their outcomes written, and the counts the admin shows.
 */
export interface DeliveryStore {
  /**
   * Takes (or renews) the right to send an edition until `until`. Only one worker holds it;
   * a lease that ran out is free for the taking.
   */
  acquireLease(id: number, owner: string, until: Date, now: Date): Promise<boolean>
  releaseLease(id: number, owner: string): Promise<void>
  editionStatus(id: number): Promise<SendState | undefined>
  /**
   * The recipient snapshot, taken once, in one transaction; the number of recipients, or null
   * if the edition was not approved (already snapshotted, cancelled or gone).
   */
  snapshot(
    id: number,
    newsletterId: number,
    rendered: { html: string; text: string; marker: string },
    items: readonly { articleId: number; headline: string; path: string; blurb: string }[],
    now: Date,
  ): Promise<number | null>
  /**
   * Marks up to `limit` queued deliveries as being sent and returns them; `newsletterId` null
   * (an emergency edition): readers still confirmed on any newsletter.
   */
  claimBatch(
    editionId: number,
    newsletterId: number | null,
    limit: number,
    now: Date,
  ): Promise<ClaimedDelivery[]>
  /** Deliveries a dead worker left half-done: taken for sending, outcome never written. */
  inDoubt(editionId: number): Promise<ClaimedDelivery[]>
  /** Records outcomes, many at once (one statement per state). */
  recordOutcomes(
    editionId: number,
    outcomes: readonly { subscriberId: number; state: DeliveryState; detail: string }[],
    now: Date,
  ): Promise<void>
  /**
   * Who a snapshot taken now would hold (the same selection as `snapshot`): the readers it
   * would be sent to, and the suppressed addresses it would skip.
   */
  recipientCount(newsletterId: number): Promise<{ readers: number; suppressed: number }>
  /** Queued deliveries whose subscription ended after the snapshot: skipped, never sent. */
  skipNoLongerConfirmed(editionId: number, now: Date): Promise<number>
  /** Sending → sent, and the lease let go. */
  finish(id: number, now: Date): Promise<void>
  /** Every asked edition gets its counts, zeros included. */
  deliveryCounts(editionIds: number[]): Promise<Map<number, DeliveryCounts>>
}

const claimed = (r: {
  subscriber_id: number
  email: string
  attempts: number
  newsletter_id: number | null
}): ClaimedDelivery => ({
  subscriberId: Number(r.subscriber_id),
  email: r.email,
  attempts: Number(r.attempts),
  newsletterId: r.newsletter_id === null ? null : Number(r.newsletter_id),
})

/** Whether the address in column `email` is on the suppression list. */
export const isSuppressed = (email: 'r.email' | 'd.email' | 'delivery.email') =>
  sql<boolean>`exists (select 1 from suppression where suppression.email = ${sql.ref(email)})`

/**
 * Counts an edition's snapshot and writes the count on the edition, in the snapshot's own
 * transaction: what the edition's progress is measured against. Returns the count.
 */
export async function recordRecipients(tx: Kysely<Database>, id: number): Promise<number> {
  const c = await tx
    .selectFrom('delivery')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('edition_id', '=', id)
    .executeTakeFirstOrThrow()
  await tx
    .updateTable('edition')
    .set({ recipients: Number(c.n) })
    .where('id', '=', id)
    .execute()
  return Number(c.n)
}

/** A newsletter's confirmed readers: whom a snapshot takes, and whom the confirmation counts. */
const confirmedOn = (q: Kysely<Database>, newsletterId: number) =>
  q
    .selectFrom('subscription as s')
    .innerJoin('subscriber as r', 'r.id', 's.subscriber_id')
    .where('s.newsletter_id', '=', newsletterId)
    .where('s.status', '=', 'confirmed')

export function createDeliveryStore(db: Kysely<Database>): DeliveryStore {
  return {
    /**
     * Takes (or renews) the right to send an edition until `until`. Only one worker holds it;
     * a lease that ran out is free for the taking.
     */
    async acquireLease(id: number, owner: string, until: Date, now: Date): Promise<boolean> {
      const r = await db
        .updateTable('edition')
        .set({ lease_owner: owner, lease_until: until.getTime() })
        .where('id', '=', id)
        .where('status', 'in', ['approved', 'sending'])
        .where((eb) =>
          eb.or([
            eb('lease_owner', 'is', null),
            eb('lease_owner', '=', owner),
            eb('lease_until', '<', now.getTime()),
          ]),
        )
        .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },

    async releaseLease(id: number, owner: string): Promise<void> {
      await db
        .updateTable('edition')
        .set({ lease_owner: null, lease_until: null })
        .where('id', '=', id)
        .where('lease_owner', '=', owner)
        .execute()
    },

    async editionStatus(id: number) {
      return db
        .selectFrom('edition')
        .select(['status', 'kind', 'newsletter_id', 'sent_html', 'sent_text', 'sent_marker'])
        .where('id', '=', id)
        .executeTakeFirst()
    },

    /**
     * The recipient snapshot, taken once: every confirmed subscriber at this moment gets a
     * queued delivery, the rendered email and the items' headlines are kept, and the edition
     * becomes `sending`, all in one transaction. Returns the number of recipients, or null if
     * the edition was not approved (already snapshotted, cancelled or gone).
     */
    async snapshot(
      id: number,
      newsletterId: number,
      rendered: { html: string; text: string; marker: string },
      items: readonly { articleId: number; headline: string; path: string; blurb: string }[],
      now: Date,
    ): Promise<number | null> {
      return db.transaction().execute(async (tx) => {
        const r = await tx
          .updateTable('edition')
          .set({
            status: 'sending',
            started_at: now.getTime(),
            updated_at: now.getTime(),
            sent_html: rendered.html,
            sent_text: rendered.text,
            sent_marker: rendered.marker,
          })
          .where('id', '=', id)
          .where('status', '=', 'approved')
          .executeTakeFirst()
        if (Number(r.numUpdatedRows) !== 1) return null
        await tx
          .insertInto('delivery')
          .columns(['edition_id', 'subscriber_id', 'email', 'state', 'detail', 'updated_at'])
          .expression(
            confirmedOn(tx, newsletterId).select([
              // Cast: PostgreSQL types a bare parameter in a select list as text.
              sql<number>`cast(${id} as bigint)`.as('edition_id'),
              's.subscriber_id',
              'r.email',
              // Bounced, complained or stopped by hand (suppression.ts): in the snapshot, so
              // the edition's history counts them, but skipped and never sent.
              sql<string>`case when ${isSuppressed('r.email')} then 'skipped' else 'queued' end`.as(
                'state',
              ),
              sql<string>`case when ${isSuppressed('r.email')} then ${SUPPRESSED_DETAIL} else '' end`.as(
                'detail',
              ),
              sql<number>`cast(${now.getTime()} as bigint)`.as('updated_at'),
            ]),
          )
          .execute()
        const recipients = await recordRecipients(tx, id)
        for (const it of items)
          await tx
            .updateTable('edition_item')
            .set({ sent_headline: it.headline, sent_path: it.path, blurb: it.blurb })
            .where('edition_id', '=', id)
            .where('article_id', '=', it.articleId)
            .execute()
        return recipients
      })
    },

    async recipientCount(newsletterId: number) {
      const row = await confirmedOn(db, newsletterId)
        .select((eb) => [
          eb.fn.countAll<number | string>().as('n'),
          eb.fn
            .sum<number | string | null>(
              sql`case when ${isSuppressed('r.email')} then 1 else 0 end`,
            )
            .as('s'),
        ])
        .executeTakeFirstOrThrow()
      const suppressed = Number(row.s ?? 0)
      return { readers: Number(row.n) - suppressed, suppressed }
    },

    /**
     * Marks up to `limit` queued deliveries as being sent and returns them. Only subscribers
     * still confirmed are taken: someone who unsubscribed after the snapshot gets nothing.
     */
    async claimBatch(
      editionId: number,
      newsletterId: number | null,
      limit: number,
      now: Date,
    ): Promise<ClaimedDelivery[]> {
      const rows = await db
        .updateTable('delivery')
        .set({ state: 'sending', attempts: sql`attempts + 1`, updated_at: now.getTime() })
        .where('edition_id', '=', editionId)
        .where('state', '=', 'queued')
        .where('subscriber_id', 'in', (eb) =>
          eb
            .selectFrom('delivery as d')
            .innerJoin('subscription as s', (j) => {
              const on = j.onRef('s.subscriber_id', '=', 'd.subscriber_id')
              return newsletterId === null ? on : on.on('s.newsletter_id', '=', newsletterId)
            })
            .select('d.subscriber_id')
            .where('d.edition_id', '=', editionId)
            .where('d.state', '=', 'queued')
            .where('s.status', '=', 'confirmed')
            // Suppressed after the snapshot (a bounce arriving mid-send): left queued, then skipped.
            .where(({ not, exists, selectFrom }) =>
              not(
                exists(
                  selectFrom('suppression')
                    .select('suppression.email')
                    .whereRef('suppression.email', '=', 'd.email'),
                ),
              ),
            )
            .orderBy('d.subscriber_id')
            .limit(limit),
        )
        .returning(['subscriber_id', 'email', 'attempts', 'newsletter_id'])
        .execute()
      return rows.map(claimed)
    },

    /** Deliveries a dead worker left half-done: taken for sending, outcome never written. */
    async inDoubt(editionId: number) {
      const rows = await db
        .selectFrom('delivery')
        .select(['subscriber_id', 'email', 'attempts', 'newsletter_id'])
        .where('edition_id', '=', editionId)
        .where('state', '=', 'sending')
        .orderBy('subscriber_id')
        .execute()
      return rows.map(claimed)
    },

    /** Records outcomes, many at once (one statement per state). */
    async recordOutcomes(
      editionId: number,
      outcomes: readonly { subscriberId: number; state: DeliveryState; detail: string }[],
      now: Date,
    ): Promise<void> {
      if (outcomes.length === 0) return
      const sent = outcomes.filter((o) => o.state === 'sent').map((o) => o.subscriberId)
      const others = outcomes.filter((o) => o.state !== 'sent')
      // The usual group, all sent: one statement, without a transaction's extra round trips.
      if (others.length === 0 && sent.length <= 500) {
        await db
          .updateTable('delivery')
          .set({ state: 'sent', updated_at: now.getTime() })
          .where('edition_id', '=', editionId)
          .where('subscriber_id', 'in', sent)
          .execute()
        return
      }
      await db.transaction().execute(async (tx) => {
        for (let i = 0; i < sent.length; i += 500)
          await tx
            .updateTable('delivery')
            .set({ state: 'sent', updated_at: now.getTime() })
            .where('edition_id', '=', editionId)
            .where('subscriber_id', 'in', sent.slice(i, i + 500))
            .execute()
        for (const o of others)
          await tx
            .updateTable('delivery')
            .set({ state: o.state, detail: o.detail.slice(0, 500), updated_at: now.getTime() })
            .where('edition_id', '=', editionId)
            .where('subscriber_id', '=', o.subscriberId)
            .execute()
      })
    },

    /** Queued deliveries whose subscription ended after the snapshot: skipped, never sent. */
    async skipNoLongerConfirmed(editionId: number, now: Date): Promise<number> {
      const suppressed = await db
        .updateTable('delivery')
        .set({ state: 'skipped', detail: SUPPRESSED_DETAIL, updated_at: now.getTime() })
        .where('edition_id', '=', editionId)
        .where('state', '=', 'queued')
        .where(isSuppressed('delivery.email'))
        .executeTakeFirst()
      const r = await db
        .updateTable('delivery')
        .set({
          state: 'skipped',
          detail: 'unsubscribed after the send began',
          updated_at: now.getTime(),
        })
        .where('edition_id', '=', editionId)
        .where('state', '=', 'queued')
        .executeTakeFirst()
      return Number(r.numUpdatedRows) + Number(suppressed.numUpdatedRows)
    },

    async finish(id: number, now: Date): Promise<void> {
      await db
        .updateTable('edition')
        .set({
          status: 'sent',
          finished_at: now.getTime(),
          updated_at: now.getTime(),
          lease_owner: null,
          lease_until: null,
        })
        .where('id', '=', id)
        .where('status', '=', 'sending')
        .execute()
    },

    async deliveryCounts(editionIds: number[]): Promise<Map<number, DeliveryCounts>> {
      const out = new Map<number, DeliveryCounts>()
      if (editionIds.length === 0) return out
      const rows = await db
        .selectFrom('delivery')
        .select([
          'edition_id',
          'state',
          (eb) =>
            eb.case().when('detail', '=', SUPPRESSED_DETAIL).then(1).else(0).end().as('suppressed'),
          (eb) => eb.fn.countAll<number | string>().as('n'),
        ])
        .where('edition_id', 'in', editionIds)
        .groupBy(['edition_id', 'state', 'suppressed'])
        .execute()
      for (const id of editionIds)
        out.set(id, { queued: 0, sending: 0, sent: 0, failed: 0, skipped: 0, suppressed: 0 })
      for (const r of rows)
        out.get(r.edition_id)![Number(r.suppressed) === 1 ? 'suppressed' : r.state] += Number(r.n)
      return out
    },
  }
}
