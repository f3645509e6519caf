import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../storage/index.js'
import type { Edition, EditionItem, EditionStatus, Schedule } from '../edition.js'

const toDate = (v: number | null) => (v === null ? null : new Date(Number(v)))

/** One line of the public archive. */
export interface SentListing {
  id: number
  subject: string
  sentAt: Date
}

/** An item as readers received it: headline and path were frozen by the snapshot. */
export interface SentItemRow {
  article_id: number
  blurb: string
  sent_headline: string | null
  sent_path: string | null
}

/** A newsletter's schedule, for the tick that drafts or sends each slot. */
export type NewsletterSchedule = { newsletterId: number } & Schedule

/**
 * Editions as the newsroom builds them: drafts with their items, the moves between states,
 * what is due, and the public archive. The send itself is `DeliveryStore`'s.
 */
export interface EditionStore {
  /** A new draft; with `slotAt`, null when that schedule slot already has its edition. */
  insertEdition(e: {
    newsletterId: number
    subject: string
    intro: string
    items: readonly EditionItem[]
    slotAt: Date | null
    createdBy: number | null
    now: Date
  }): Promise<number | null>
  findEdition(id: number): Promise<Edition | undefined>
  /** Newest first, at most `limit`. */
  listEditions(newsletterId: number, limit: number): Promise<Edition[]>
  /** Sent editions, newest first, for the public archive. */
  listSent(
    newsletterId: number,
    limit: number,
    offset: number,
  ): Promise<{ items: SentListing[]; hasMore: boolean }>
  /** What readers were sent: the items as they were at send time. */
  sentItems(editionId: number): Promise<SentItemRow[]>
  /** Changes a draft or approved edition; false when it has started or is gone. */
  updateEdition(
    id: number,
    e: { subject: string; intro: string; items: readonly EditionItem[] },
    now: Date,
  ): Promise<boolean>
  /**
   * Moves an edition between states, only from the ones listed; says whether it moved. The
   * `from` list makes the move safe when two staff (or a staff member and a worker) race.
   */
  setStatus(
    id: number,
    from: readonly EditionStatus[],
    to: EditionStatus,
    now: Date,
    sendAt?: Date | null,
  ): Promise<boolean>
  /** Approved editions whose time has come and which no worker has begun. */
  dueApproved(now: Date): Promise<number[]>
  /** Editions a worker started and stopped renewing: the worker died; someone must resume. */
  stalledSends(now: Date): Promise<number[]>
  /** Every edition that is sending now, whoever holds it. */
  sendingEditions(): Promise<number[]>
  /** Every newsletter whose schedule is not off. */
  newsletterSchedules(): Promise<NewsletterSchedule[]>
}

export function createEditionStore(db: Kysely<Database>): EditionStore {
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
        // An emergency edition went to every newsletter's readers: none of them lists it.
        .where('kind', '=', 'regular')
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
        .where('kind', '=', 'regular')
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

    async sendingEditions(): Promise<number[]> {
      const rows = await db
        .selectFrom('edition')
        .select('id')
        .where('status', '=', 'sending')
        .execute()
      return rows.map((r) => r.id)
    },

    async newsletterSchedules(): Promise<NewsletterSchedule[]> {
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
