/**
 * Queries of SOS mode: one row of the `setting` table, so every process on the database (each
 * `serve`, each `worker`, the command line) reads the same switch. Both dialects.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../storage/index.js'

/** The only `setting` key this file reads or writes. */
const SOS_KEY = 'sos:state'

/** What is stored: whether SOS mode is on, and when it last changed. */
export interface SosRow {
  on: boolean
  changedAt: Date | null
}

export interface SosRepository {
  /** The switch as stored; off when it was never set. */
  read(): Promise<SosRow>
  write(row: { on: boolean; changedAt: Date }): Promise<void>
}

export function createSosRepository(db: Kysely<Database>): SosRepository {
  return {
    async read() {
      const row = await db
        .selectFrom('setting')
        .select('value')
        .where('key', '=', SOS_KEY)
        .executeTakeFirst()
      return parseSos(row?.value)
    },

    async write({ on, changedAt }) {
      const value = JSON.stringify({ on, changedAt: changedAt.getTime() })
      await db
        .insertInto('setting')
        .values({ key: SOS_KEY, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute()
    },
  }
}

/** A stored value read back; anything unreadable is "off" (the site as usual), never a crash. */
export function parseSos(value: string | undefined): SosRow {
  if (!value) return { on: false, changedAt: null }
  try {
    const v = JSON.parse(value) as { on?: unknown; changedAt?: unknown }
    return {
      on: v.on === true,
      changedAt: typeof v.changedAt === 'number' ? new Date(v.changedAt) : null,
    }
  } catch {
    return { on: false, changedAt: null }
  }
}
