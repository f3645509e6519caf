import type { Kysely } from 'kysely'
import type { Database } from '../../storage/index.js'
import { type AppealSettings, AppealSettingsSchema } from '../appeal.js'

/** The appeal of each language, stored as one validated document. */
export interface AppealStore {
  /** Every appeal that still fits the schema, by language. */
  listAppeals(): Promise<AppealSettings[]>
  /** Adds or replaces the appeal of `s.language`. */
  saveAppeal(s: AppealSettings, now: Date): Promise<void>
}

export function createAppealStore(db: Kysely<Database>): AppealStore {
  return {
    async listAppeals(): Promise<AppealSettings[]> {
      const rows = await db.selectFrom('appeal').selectAll().orderBy('language').execute()
      const out: AppealSettings[] = []
      for (const r of rows) {
        // A document that no longer fits the schema is skipped, not shown half-right.
        const parsed = AppealSettingsSchema.safeParse(JSON.parse(r.settings))
        if (parsed.success) out.push(parsed.data)
      }
      return out
    },

    async saveAppeal(s: AppealSettings, now: Date): Promise<void> {
      const settings = JSON.stringify(s)
      await db
        .insertInto('appeal')
        .values({ language: s.language, settings, updated_at: now.getTime() })
        .onConflict((oc) =>
          oc.column('language').doUpdateSet({ settings, updated_at: now.getTime() }),
        )
        .execute()
    },
  }
}
