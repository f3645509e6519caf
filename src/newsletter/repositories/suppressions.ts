import type { Kysely } from 'kysely'
import type { Database } from '../../storage/index.js'
import type { Suppression, SuppressionEvent, SuppressionReason } from '../suppression.js'
import { BATCH } from './rows.js'

/**
 * The suppression list: addresses that bounced for good, complained or were stopped by hand,
 * and so get no mail at all (suppression.ts has the rules).
 */
export interface SuppressionStore {
  isSuppressed(email: string): Promise<boolean>
  findSuppression(email: string): Promise<Suppression | undefined>
  /**
   * Records suppressions in one transaction; an address already suppressed keeps its first
   * record (a provider resending the same report changes nothing). Returns how many are new.
   */
  suppress(events: readonly SuppressionEvent[], source: string, now: Date): Promise<number>
  countSuppressions(): Promise<Record<SuppressionReason, number>>
}

export function createSuppressionStore(db: Kysely<Database>): SuppressionStore {
  return {
    async isSuppressed(email: string): Promise<boolean> {
      const r = await db
        .selectFrom('suppression')
        .select('email')
        .where('email', '=', email)
        .executeTakeFirst()
      return !!r
    },

    async findSuppression(email: string): Promise<Suppression | undefined> {
      const r = await db
        .selectFrom('suppression')
        .selectAll()
        .where('email', '=', email)
        .executeTakeFirst()
      return r
        ? {
            email: r.email,
            reason: r.reason,
            source: r.source,
            detail: r.detail,
            at: new Date(Number(r.at)),
          }
        : undefined
    },

    /**
     * Records suppressions in one transaction; an address already suppressed keeps its first
     * record (a provider resending the same report changes nothing). Returns how many are new.
     */
    async suppress(
      events: readonly SuppressionEvent[],
      source: string,
      now: Date,
    ): Promise<number> {
      if (!events.length) return 0
      // One report may name an address twice: the first mention wins.
      const unique = [...new Map(events.map((e) => [e.email, e])).values()]
      return db.transaction().execute(async (trx) => {
        let added = 0
        for (let i = 0; i < unique.length; i += BATCH) {
          const chunk = unique.slice(i, i + BATCH)
          const r = await trx
            .insertInto('suppression')
            .values(
              chunk.map((e) => ({
                email: e.email,
                reason: e.reason,
                source,
                detail: e.detail,
                at: now.getTime(),
              })),
            )
            .onConflict((oc) => oc.column('email').doNothing())
            .executeTakeFirst()
          added += Number(r.numInsertedOrUpdatedRows ?? 0)
        }
        return added
      })
    },

    async countSuppressions(): Promise<Record<SuppressionReason, number>> {
      const rows = await db
        .selectFrom('suppression')
        .select(['reason', (eb) => eb.fn.countAll<number | string>().as('n')])
        .groupBy('reason')
        .execute()
      const out = { bounce: 0, complaint: 0, manual: 0 }
      for (const r of rows) out[r.reason] = Number(r.n)
      return out
    },
  }
}
