import type { Kysely } from 'kysely'
import type { Database } from '../storage/index.js'

/** The `worker_heartbeat` table: each running worker's latest sign of life. */
export interface HeartbeatRepository {
  /** Records that `workerId` is alive at `at` (its row is made on the first beat). */
  beat(workerId: string, at: Date): Promise<void>
  /** Deletes this worker's row: it stopped cleanly, so it should not look stale. */
  forget(workerId: string): Promise<void>
  /** The latest beat of any worker, or null when no worker has a row. */
  latestBeat(): Promise<Date | null>
  /** Deletes rows whose last beat is older than `before` (workers that died); answers how many. */
  sweep(before: Date): Promise<number>
}

export function createHeartbeatRepository(db: Kysely<Database>): HeartbeatRepository {
  return {
    async beat(workerId, at) {
      const t = at.getTime()
      await db
        .insertInto('worker_heartbeat')
        .values({ worker_id: workerId, started_at: t, beat_at: t })
        .onConflict((oc) => oc.column('worker_id').doUpdateSet({ beat_at: t }))
        .execute()
    },

    async forget(workerId) {
      await db.deleteFrom('worker_heartbeat').where('worker_id', '=', workerId).execute()
    },

    async latestBeat() {
      const row = await db
        .selectFrom('worker_heartbeat')
        .select((eb) => eb.fn.max('beat_at').as('latest'))
        .executeTakeFirst()
      const latest = row?.latest
      return latest === null || latest === undefined ? null : new Date(Number(latest))
    },

    async sweep(before) {
      const r = await db
        .deleteFrom('worker_heartbeat')
        .where('beat_at', '<', before.getTime())
        .executeTakeFirst()
      return Number(r.numDeletedRows)
    },
  }
}
