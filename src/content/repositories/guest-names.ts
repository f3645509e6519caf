import type { Kysely } from 'kysely'
import type { Database } from '../../storage/index.js'

/** Guests (names credited without an account) as the byline picker suggests them. */
export interface GuestNames {
  /**
   * Distinct guest names, those of the newest stories first (an article's id grows as stories
   * are made), at most `limit`: a newsroom credits thousands of guests over the years, and the
   * form suggests the ones it is likely to credit again.
   */
  recentGuestNames(limit: number): Promise<string[]>
}

export function createGuestNames(db: Kysely<Database>): GuestNames {
  return {
    async recentGuestNames(limit) {
      const rows = await db
        .selectFrom('article_credit')
        .select(['name', (eb) => eb.fn.max('article_id').as('latest')])
        .where('kind', '=', 'guest')
        .where('name', 'is not', null)
        .groupBy('name')
        .orderBy('latest', 'desc')
        .orderBy('name')
        .limit(Math.max(0, Math.floor(limit)))
        .execute()
      return rows.flatMap((r) => (r.name ? [r.name] : []))
    },
  }
}
