import { type Kysely, sql } from 'kysely'
import type { Database } from '../../storage/index.js'
import { SUPPRESSED_DETAIL, isSuppressed, recordRecipients } from './deliveries.js'

/** An emergency edition as the admin shows it. */
export interface EmergencyListing {
  id: number
  subject: string
  status: 'approved' | 'sending' | 'sent' | 'cancelled' | 'draft'
  createdAt: Date
  recipients: number
}

/**
 * SOS mode's emergency editions (ADR 022): made and snapshotted in one step, to every address
 * confirmed on any newsletter, each once. Sent afterwards by the usual sender (deliveries.ts).
 */
export interface EmergencyStore {
  /** Addresses an emergency edition would go to now: confirmed somewhere, not suppressed. */
  emergencyReaders(): Promise<number>
  /**
   * Writes the edition already `sending`, with its email and its recipient snapshot (one
   * delivery per address, with the first newsletter it is confirmed on), in one transaction:
   * there is no moment at which a worker could find it half made. Null when nobody would get it.
   */
  createEmergency(e: {
    subject: string
    intro: string
    rendered: { html: string; text: string; marker: string }
    createdBy: number | null
    now: Date
  }): Promise<{ id: number; recipients: number } | null>
  /** The latest emergency editions, newest first. */
  listEmergencies(limit: number): Promise<EmergencyListing[]>
}

const suppressed = isSuppressed('r.email')

export function createEmergencyStore(db: Kysely<Database>): EmergencyStore {
  /** Every address confirmed on some newsletter, once, with the first such newsletter. */
  const readers = (q: Kysely<Database>) =>
    q
      .selectFrom('subscription as s')
      .innerJoin('subscriber as r', 'r.id', 's.subscriber_id')
      .where('s.status', '=', 'confirmed')
      .groupBy(['s.subscriber_id', 'r.email'])

  return {
    async emergencyReaders() {
      const row = await db
        .selectFrom('subscription as s')
        .innerJoin('subscriber as r', 'r.id', 's.subscriber_id')
        .where('s.status', '=', 'confirmed')
        .where(({ not }) => not(suppressed))
        .select((eb) => eb.fn.count<number | string>('s.subscriber_id').distinct().as('n'))
        .executeTakeFirstOrThrow()
      return Number(row.n)
    },

    async createEmergency(e) {
      return db.transaction().execute(async (tx) => {
        // The edition row names a newsletter (the column is required): the first one.
        const carrier = await tx
          .selectFrom('newsletter')
          .select('id')
          .orderBy('id')
          .limit(1)
          .executeTakeFirst()
        if (!carrier) return null
        const now = e.now.getTime()
        const row = await tx
          .insertInto('edition')
          .values({
            newsletter_id: carrier.id,
            kind: 'emergency',
            subject: e.subject,
            intro: e.intro,
            status: 'sending',
            slot_at: null,
            send_at: now,
            created_at: now,
            updated_at: now,
            started_at: now,
            finished_at: null,
            sent_html: e.rendered.html,
            sent_text: e.rendered.text,
            sent_marker: e.rendered.marker,
            lease_owner: null,
            lease_until: null,
            created_by: e.createdBy,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        const id = Number(row.id)
        await tx
          .insertInto('delivery')
          .columns([
            'edition_id',
            'subscriber_id',
            'email',
            'state',
            'detail',
            'updated_at',
            'newsletter_id',
          ])
          .expression(
            readers(tx).select([
              sql<number>`cast(${id} as bigint)`.as('edition_id'),
              's.subscriber_id',
              'r.email',
              sql<string>`case when ${suppressed} then 'skipped' else 'queued' end`.as('state'),
              sql<string>`case when ${suppressed} then ${SUPPRESSED_DETAIL} else '' end`.as(
                'detail',
              ),
              sql<number>`cast(${now} as bigint)`.as('updated_at'),
              (eb) => eb.fn.min('s.newsletter_id').as('newsletter_id'),
            ]),
          )
          .execute()
        const c = await tx
          .selectFrom('delivery')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .where('edition_id', '=', id)
          .where('state', '=', 'queued')
          .executeTakeFirstOrThrow()
        // Nobody to send to: nothing is left behind.
        if (Number(c.n) === 0) {
          await tx.deleteFrom('delivery').where('edition_id', '=', id).execute()
          await tx.deleteFrom('edition').where('id', '=', id).execute()
          return null
        }
        await recordRecipients(tx, id)
        return { id, recipients: Number(c.n) }
      })
    },

    async listEmergencies(limit) {
      const rows = await db
        .selectFrom('edition')
        .select(['id', 'subject', 'status', 'created_at', 'recipients'])
        .where('kind', '=', 'emergency')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute()
      return rows.map((r) => ({
        id: Number(r.id),
        subject: r.subject,
        status: r.status,
        createdAt: new Date(Number(r.created_at)),
        recipients: Number(r.recipients),
      }))
    },
  }
}
