/**
 * Queries of the newsroom's addresses: the `reach_address` rows and, in the `setting` table,
 * when the list last changed. Both dialects; domain types in and out.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../storage/index.js'
import { isReachKind, type ReachAddress, type ReachList } from './address.js'
import { type SosRepository, createSosRepository } from './sos-repository.js'

/** The only `setting` key this module reads or writes: the table also holds the server's secret. */
const UPDATED_AT = 'reach:updated-at'

/** The list, and SOS mode's switch (sos-repository.ts) that shows it on every page. */
export interface ReachRepository extends SosRepository {
  /** The list in the order readers see it, and when it last changed. */
  list(): Promise<ReachList>
  /** Replaces the whole list and its change time in one transaction: all of it or none. */
  replace(addresses: readonly ReachAddress[], at: Date): Promise<void>
}

export function createReachRepository(db: Kysely<Database>): ReachRepository {
  return {
    ...createSosRepository(db),
    async list() {
      const [rows, updated] = await Promise.all([
        db.selectFrom('reach_address').selectAll().orderBy('position').execute(),
        db.selectFrom('setting').select('value').where('key', '=', UPDATED_AT).executeTakeFirst(),
      ])
      return {
        // A kind this version does not know (written by a newer one) is left out, not guessed.
        addresses: rows.flatMap((r) =>
          isReachKind(r.kind) ? [{ kind: r.kind, label: r.label, value: r.value }] : [],
        ),
        updatedAt: updated ? new Date(Number(updated.value)) : null,
      }
    },

    async replace(addresses, at) {
      await db.transaction().execute(async (tx) => {
        await tx.deleteFrom('reach_address').execute()
        if (addresses.length > 0)
          await tx
            .insertInto('reach_address')
            .values(addresses.map((a, position) => ({ position, ...a })))
            .execute()
        const value = String(at.getTime())
        await tx
          .insertInto('setting')
          .values({ key: UPDATED_AT, value })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
          .execute()
      })
    },
  }
}
