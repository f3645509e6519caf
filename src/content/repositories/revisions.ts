import type { Kysely } from 'kysely'
import type { Database } from '../../storage/index.js'
import type { Revision, RevisionSnapshot } from '../revision.js'

/** One saved version, as the content service writes it after each save. */
export interface NewRevision {
  articleId: number
  savedAt: Date
  staffId: number | null
  /** The `RevisionSnapshot` as JSON. */
  snapshot: string
}

/** The editor's unsaved text, kept on the server; one per article, the latest wins. */
export interface Autosave {
  savedAt: Date
  headline: string
  body: string
  staffId: number | null
}

/** Every saved version of an article, and the one unsaved copy the editor keeps. */
export interface RevisionRepository {
  insertRevision(r: NewRevision): Promise<void>
  /** Newest first, at most `limit`, with the name of who saved each. */
  listRevisions(articleId: number, limit: number): Promise<Revision[]>
  /** The version, only if it belongs to this article. */
  findRevision(articleId: number, revisionId: number): Promise<Revision | undefined>
  /** Stores the unsaved copy, replacing the previous one. */
  putAutosave(a: Autosave & { articleId: number }): Promise<void>
  findAutosave(articleId: number): Promise<Autosave | undefined>
  deleteAutosave(articleId: number): Promise<void>
}

export function createRevisionRepository(db: Kysely<Database>): RevisionRepository {
  function revisions(articleId: number) {
    return db
      .selectFrom('article_revision as r')
      .leftJoin('staff', 'staff.id', 'r.staff_id')
      .select([
        'r.id',
        'r.article_id',
        'r.saved_at',
        'r.staff_id',
        'staff.name as staff_name',
        'r.snapshot',
      ])
      .where('r.article_id', '=', articleId)
  }

  return {
    async insertRevision(r) {
      await db
        .insertInto('article_revision')
        .values({
          article_id: r.articleId,
          saved_at: r.savedAt.getTime(),
          staff_id: r.staffId,
          snapshot: r.snapshot,
        })
        .execute()
    },

    async listRevisions(articleId, limit) {
      const rows = await revisions(articleId).orderBy('r.id', 'desc').limit(limit).execute()
      return rows.map(toRevision)
    },

    async findRevision(articleId, revisionId) {
      const r = await revisions(articleId).where('r.id', '=', revisionId).executeTakeFirst()
      return r ? toRevision(r) : undefined
    },

    async putAutosave(a) {
      const values = {
        staff_id: a.staffId,
        saved_at: a.savedAt.getTime(),
        headline: a.headline,
        body: a.body,
      }
      await db
        .insertInto('article_autosave')
        .values({ article_id: a.articleId, ...values })
        .onConflict((oc) => oc.column('article_id').doUpdateSet(values))
        .execute()
    },

    async findAutosave(articleId) {
      const r = await db
        .selectFrom('article_autosave')
        .selectAll()
        .where('article_id', '=', articleId)
        .executeTakeFirst()
      return r
        ? {
            savedAt: new Date(Number(r.saved_at)),
            headline: r.headline,
            body: r.body,
            staffId: r.staff_id,
          }
        : undefined
    },

    async deleteAutosave(articleId) {
      await db.deleteFrom('article_autosave').where('article_id', '=', articleId).execute()
    },
  }
}

function toRevision(r: {
  id: number
  article_id: number
  saved_at: number
  staff_id: number | null
  staff_name: string | null
  snapshot: string
}): Revision {
  return {
    id: r.id,
    articleId: r.article_id,
    savedAt: new Date(r.saved_at),
    staffId: r.staff_id,
    staffName: r.staff_name,
    snapshot: JSON.parse(r.snapshot) as RevisionSnapshot,
  }
}
