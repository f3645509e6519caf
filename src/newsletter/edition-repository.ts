import { type Kysely, type Transaction, sql } from 'kysely'
import type { Database } from '../storage/index.js'
import type { Edition, EditionItem, EditionStatus, Schedule } from './edition.js'

export type DeliveryState = 'queued' | 'sending' | 'sent' | 'failed' | 'skipped'
/** Per state; `suppressed` are the skipped ones whose address bounced or complained. */
export type DeliveryCounts = Record<DeliveryState | 'suppressed', number>

/** The detail a delivery gets when it was never sent because its address is suppressed. */
export const SUPPRESSED_DETAIL = 'suppressed: the address bounced, complained or was stopped'

const isSuppressed = (email: 'r.email' | 'd.email' | 'delivery.email') =>
  sql<boolean>`exists (select 1 from suppression where suppression.email = ${sql.ref(email)})`

const toDate = (v: number | null) => (v === null ? null : new Date(Number(v)))

/** Editions, their items and deliveries: queries only, on both databases. */
export function createEditionRepository(db: Kysely<Database>) {
  /** An edition's items in their order (positions 0, 1, 2…). */
  async function insertItems(tx: Transaction<Database>, id: number, items: readonly EditionItem[]) {
    if (items.length === 0) return
    await tx
      .insertInto('edition_item')
      .values(
        items.map((it, i) => ({
          edition_id: id,
          position: i,
          article_id: it.articleId,
          blurb: it.blurb,
          sent_headline: null,
          sent_path: null,
        })),
      )
      .execute()
  }

  async function itemsOf(editionIds: number[]): Promise<Map<number, EditionItem[]>> {
    const out = new Map<number, EditionItem[]>()
    if (editionIds.length === 0) return out
    const rows = await db
      .selectFrom('edition_item')
      .select(['edition_id', 'article_id', 'blurb'])
      .where('edition_id', 'in', editionIds)
      .orderBy('edition_id')
      .orderBy('position')
      .execute()
    for (const r of rows) {
      const list = out.get(r.edition_id) ?? []
      list.push({ articleId: r.article_id, blurb: r.blurb })
      out.set(r.edition_id, list)
    }
    return out
  }

  const editionColumns = [
    'id',
    'newsletter_id',
    'subject',
    'intro',
    'status',
    'send_at',
    'created_at',
    'updated_at',
    'started_at',
    'finished_at',
    'recipients',
  ] as const
  type Row = {
    id: number
    newsletter_id: number
    subject: string
    intro: string
    status: EditionStatus
    send_at: number | null
    created_at: number
    updated_at: number
    started_at: number | null
    finished_at: number | null
    recipients: number
  }
  const toEdition = (r: Row, items: EditionItem[]): Edition => ({
    id: r.id,
    newsletterId: r.newsletter_id,
    subject: r.subject,
    intro: r.intro,
    status: r.status,
    sendAt: toDate(r.send_at),
    createdAt: new Date(Number(r.created_at)),
    updatedAt: new Date(Number(r.updated_at)),
    startedAt: toDate(r.started_at),
    finishedAt: toDate(r.finished_at),
    recipients: Number(r.recipients),
    items,
  })

  return {
    /** A new draft; with `slotAt`, null when that schedule slot already has its edition. */
    async insertEdition(e: {
      newsletterId: number
      subject: string
      intro: string
      items: readonly EditionItem[]
      slotAt: Date | null
      createdBy: number | null
      now: Date
    }): Promise<number | null> {
      return db.transaction().execute(async (tx) => {
        const row = await tx
          .insertInto('edition')
          .values({
            newsletter_id: e.newsletterId,
            subject: e.subject,
            intro: e.intro,
            status: 'draft',
            slot_at: e.slotAt?.getTime() ?? null,
            send_at: null,
            created_at: e.now.getTime(),
            updated_at: e.now.getTime(),
            started_at: null,
            finished_at: null,
            sent_html: null,
            sent_marker: null,
            sent_text: null,
            lease_owner: null,
            lease_until: null,
            created_by: e.createdBy,
          })
          .onConflict((oc) => oc.columns(['newsletter_id', 'slot_at']).doNothing())
          .returning('id')
          .executeTakeFirst()
        if (!row) return null
        await insertItems(tx, row.id, e.items)
        return row.id
      })
    },

    async findEdition(id: number): Promise<Edition | undefined> {
      const r = await db
        .selectFrom('edition')
        .select(editionColumns)
        .where('id', '=', id)
        .executeTakeFirst()
      if (!r) return undefined
      return toEdition(r, (await itemsOf([id])).get(id) ?? [])
    },

    async listEditions(newsletterId: number, limit: number): Promise<Edition[]> {
      const rows = await db
        .selectFrom('edition')
        .select(editionColumns)
        .where('newsletter_id', '=', newsletterId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute()
      const items = await itemsOf(rows.map((r) => r.id))
      return rows.map((r) => toEdition(r, items.get(r.id) ?? []))
    },

    /** Sent editions, newest first, for the public archive. */
    async listSent(newsletterId: number, limit: number, offset: number) {
      const rows = await db
        .selectFrom('edition')
        .select(['id', 'subject', 'finished_at', 'started_at'])
        .where('newsletter_id', '=', newsletterId)
        .where('status', 'in', ['sending', 'sent'])
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .offset(offset)
        .execute()
      return {
        items: rows.slice(0, limit).map((r) => ({
          id: r.id,
          subject: r.subject,
          sentAt: new Date(Number(r.started_at ?? r.finished_at ?? 0)),
        })),
        hasMore: rows.length > limit,
      }
    },

    /** What readers were sent: the items as they were at send time. */
    async sentItems(editionId: number) {
      return db
        .selectFrom('edition_item')
        .select(['article_id', 'blurb', 'sent_headline', 'sent_path'])
        .where('edition_id', '=', editionId)
        .orderBy('position')
        .execute()
    },

    /** Changes a draft or approved edition; false when it has started or is gone. */
    async updateEdition(
      id: number,
      e: { subject: string; intro: string; items: readonly EditionItem[] },
      now: Date,
    ): Promise<boolean> {
      return db.transaction().execute(async (tx) => {
        const r = await tx
          .updateTable('edition')
          .set({ subject: e.subject, intro: e.intro, updated_at: now.getTime() })
          .where('id', '=', id)
          .where('status', 'in', ['draft', 'approved'])
          .executeTakeFirst()
        if (Number(r.numUpdatedRows) !== 1) return false
        await tx.deleteFrom('edition_item').where('edition_id', '=', id).execute()
        await insertItems(tx, id, e.items)
        return true
      })
    },

    /** Moves an edition between states, only from the ones listed; says whether it moved. */
    async setStatus(
      id: number,
      from: readonly EditionStatus[],
      to: EditionStatus,
      now: Date,
      sendAt?: Date | null,
    ): Promise<boolean> {
      const r = await db
        .updateTable('edition')
        .set({
          status: to,
          updated_at: now.getTime(),
          ...(sendAt !== undefined ? { send_at: sendAt?.getTime() ?? null } : {}),
        })
        .where('id', '=', id)
        .where('status', 'in', [...from])
        .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },

    /** Approved editions whose time has come and which no worker has begun. */
    async dueApproved(now: Date): Promise<number[]> {
      const rows = await db
        .selectFrom('edition')
        .select('id')
        .where('status', '=', 'approved')
        .where('send_at', '<=', now.getTime())
        .execute()
      return rows.map((r) => r.id)
    },

    /** Editions a worker started and stopped renewing: the worker died; someone must resume. */
    async stalledSends(now: Date): Promise<number[]> {
      const rows = await db
        .selectFrom('edition')
        .select('id')
        .where('status', '=', 'sending')
        .where((eb) =>
          eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now.getTime())]),
        )
        .execute()
      return rows.map((r) => r.id)
    },

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
        .select(['status', 'newsletter_id', 'sent_html', 'sent_text', 'sent_marker'])
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
            tx
              .selectFrom('subscription as s')
              .innerJoin('subscriber as r', 'r.id', 's.subscriber_id')
              .select([
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
              ])
              .where('s.newsletter_id', '=', newsletterId)
              .where('s.status', '=', 'confirmed'),
          )
          .execute()
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
        for (const it of items)
          await tx
            .updateTable('edition_item')
            .set({ sent_headline: it.headline, sent_path: it.path, blurb: it.blurb })
            .where('edition_id', '=', id)
            .where('article_id', '=', it.articleId)
            .execute()
        return Number(c.n)
      })
    },

    /**
     * Marks up to `limit` queued deliveries as being sent and returns them. Only subscribers
     * still confirmed are taken: someone who unsubscribed after the snapshot gets nothing.
     */
    async claimBatch(
      editionId: number,
      newsletterId: number,
      limit: number,
      now: Date,
    ): Promise<{ subscriberId: number; email: string; attempts: number }[]> {
      const rows = await db
        .updateTable('delivery')
        .set({ state: 'sending', attempts: sql`attempts + 1`, updated_at: now.getTime() })
        .where('edition_id', '=', editionId)
        .where('state', '=', 'queued')
        .where('subscriber_id', 'in', (eb) =>
          eb
            .selectFrom('delivery as d')
            .innerJoin('subscription as s', (j) =>
              j
                .onRef('s.subscriber_id', '=', 'd.subscriber_id')
                .on('s.newsletter_id', '=', newsletterId),
            )
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
        .returning(['subscriber_id', 'email', 'attempts'])
        .execute()
      return rows.map((r) => ({
        subscriberId: r.subscriber_id,
        email: r.email,
        attempts: Number(r.attempts),
      }))
    },

    /** Deliveries a dead worker left half-done: taken for sending, outcome never written. */
    async inDoubt(editionId: number) {
      const rows = await db
        .selectFrom('delivery')
        .select(['subscriber_id', 'email', 'attempts'])
        .where('edition_id', '=', editionId)
        .where('state', '=', 'sending')
        .orderBy('subscriber_id')
        .execute()
      return rows.map((r) => ({
        subscriberId: r.subscriber_id,
        email: r.email,
        attempts: Number(r.attempts),
      }))
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

    async newsletterSchedules(): Promise<({ newsletterId: number } & Schedule)[]> {
      const rows = await db
        .selectFrom('newsletter')
        .select(['id', 'schedule_mode', 'schedule_day', 'schedule_time', 'schedule_tz'])
        .where('schedule_mode', '!=', 'off')
        .execute()
      return rows.map((r) => ({
        newsletterId: r.id,
        mode: r.schedule_mode,
        day: r.schedule_day,
        time: r.schedule_time,
        tz: r.schedule_tz,
      }))
    },
  }
}

export type EditionRepository = ReturnType<typeof createEditionRepository>
