import type { Kysely } from 'kysely'
import type { Database } from '../../storage/index.js'

/** The stories editors place on the home page and the section fronts (content/front.ts). */
export interface FrontRepository {
  /** A front's placed story ids by position, whatever their status (the page checks that). */
  frontPicks(front: string, language: string): Promise<number[]>
  /** Replaces a front's stories: the ids in order, position 0 the lead. */
  saveFrontPicks(front: string, language: string, articleIds: readonly number[]): Promise<void>
}

export function createFrontRepository(db: Kysely<Database>): FrontRepository {
  return {
    async frontPicks(front, language) {
      const rows = await db
        .selectFrom('front_pick')
        .select('article_id')
        .where('front', '=', front)
        .where('language', '=', language)
        .orderBy('position')
        .execute()
      return rows.map((r) => Number(r.article_id))
    },

    async saveFrontPicks(front, language, articleIds) {
      await db.transaction().execute(async (tx) => {
        await tx
          .deleteFrom('front_pick')
          .where('front', '=', front)
          .where('language', '=', language)
          .execute()
        if (articleIds.length === 0) return
        await tx
          .insertInto('front_pick')
          .values(
            articleIds.map((article_id, position) => ({ front, language, position, article_id })),
          )
          .execute()
      })
    },
  }
}
