import type { Kysely } from 'kysely'
import type { Database } from '../../storage/index.js'
import { reindexArticles } from './search-index.js'

/** Articles that go up or come down by themselves at a set time. */
export interface PublicationSchedule {
  /** Scheduled articles whose time has come become published; returns their ids. */
  promoteDue(now: Date): Promise<number[]>
  /**
   * Published articles whose takedown time has come become unpublished, off the topic and
   * author lists too; returns their ids.
   */
  unpublishDue(now: Date): Promise<number[]>
  /** The next publication or takedown the scheduler must wake up for, or null. */
  nextScheduledAt(): Promise<Date | null>
}

export function createPublicationSchedule(db: Kysely<Database>): PublicationSchedule {
  return {
    async promoteDue(now) {
      const rows = await db
        .updateTable('article')
        .set({ status: 'published' })
        .where('status', '=', 'scheduled')
        .where('published_at', '<=', now.getTime())
        .returning('id')
        .execute()
      return rows.map((r) => r.id)
    },

    async unpublishDue(now) {
      return db.transaction().execute(async (tx) => {
        const rows = await tx
          .updateTable('article')
          .set({ status: 'unpublished', unpublish_at: null })
          .where('status', '=', 'published')
          .where('unpublish_at', '<=', now.getTime())
          .returning('id')
          .execute()
        const ids = rows.map((r) => r.id)
        if (ids.length) {
          // The link tables copy the publication time for their indexes: clear it there too.
          await tx
            .updateTable('article_topic')
            .set({ published_at: null })
            .where('article_id', 'in', ids)
            .execute()
          await tx
            .updateTable('article_credit')
            .set({ published_at: null })
            .where('article_id', 'in', ids)
            .execute()
          await reindexArticles(tx, ids)
        }
        return ids
      })
    },

    async nextScheduledAt() {
      const [pub, down] = await Promise.all([
        db
          .selectFrom('article')
          .select((eb) => eb.fn.min('published_at').as('m'))
          .where('status', '=', 'scheduled')
          .executeTakeFirst(),
        db
          .selectFrom('article')
          .select((eb) => eb.fn.min('unpublish_at').as('m'))
          .where('status', '=', 'published')
          .executeTakeFirst(),
      ])
      const times = [pub?.m, down?.m].filter((m) => m !== null && m !== undefined).map(Number)
      return times.length ? new Date(Math.min(...times)) : null
    },
  }
}
