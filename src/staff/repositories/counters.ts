import { type Kysely, sql } from 'kysely'
import type { Database } from '../../storage/index.js'
import type { Counter } from '../auth/throttle.js'

/** Attempt counters per key (an account, a hashed address, a reset request) and window. */
export interface SigninCounters {
  /**
   * Counts one more attempt, in one statement, and returns the counter after it: parallel
   * attempts cannot all read the old count and slip past the limit. A window older than
   * `windowMs` starts again at one.
   */
  bumpCounter(key: string, windowMs: number, now: number): Promise<Counter>
  /** Takes back one counted attempt (it turned out to be a success). */
  /** The counter as it stands (zero when absent or its window is over), counting nothing. */
  peekCounter(key: string, windowMs: number, now: number): Promise<Counter>
  unbumpCounter(key: string): Promise<void>
  clearCounter(key: string): Promise<void>
  /** Counters whose window started before `before` say nothing any more. */
  deleteStaleCounters(before: Date): Promise<void>
}

export function createSigninCounters(db: Kysely<Database>): SigninCounters {
  return {
    async bumpCounter(key, windowMs, now) {
      const cutoff = now - windowMs
      const r = await db
        .insertInto('signin_counter')
        .values({ key, failures: 1, window_start: now })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            failures: sql<number>`case when signin_counter.window_start <= ${cutoff} then 1 else signin_counter.failures + 1 end`,
            window_start: sql<number>`case when signin_counter.window_start <= ${cutoff} then ${now} else signin_counter.window_start end`,
          }),
        )
        .returning(['failures', 'window_start'])
        .executeTakeFirstOrThrow()
      return { failures: Number(r.failures), windowStart: Number(r.window_start) }
    },

    async peekCounter(key, windowMs, now) {
      const r = await db
        .selectFrom('signin_counter')
        .select(['failures', 'window_start'])
        .where('key', '=', key)
        .where('window_start', '>', now - windowMs)
        .executeTakeFirst()
      return r
        ? { failures: Number(r.failures), windowStart: Number(r.window_start) }
        : { failures: 0, windowStart: now }
    },

    async unbumpCounter(key) {
      await db
        .updateTable('signin_counter')
        .set({ failures: sql<number>`case when failures > 0 then failures - 1 else 0 end` })
        .where('key', '=', key)
        .execute()
    },

    async clearCounter(key) {
      await db.deleteFrom('signin_counter').where('key', '=', key).execute()
    },

    async deleteStaleCounters(before) {
      await db.deleteFrom('signin_counter').where('window_start', '<', before.getTime()).execute()
    },
  }
}
