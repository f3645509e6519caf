import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../storage/index.js'
import type { ArticleStatus } from '../article.js'
import { reindexArticles } from './search-index.js'

/** An article as the content service has checked and derived it, ready to store. */
export interface NewArticleRow {
  slug: string
  sectionId: number
  kicker: string | null
  headline: string
  standfirst: string | null
  body: string
  summary: string
  wordCount: number
  status: ArticleStatus
  language: string
  leadImageId: number | null
  publishedAt: Date | null
  updatedAt: Date
  createdAt: Date
  createdBy?: number | null
  unpublishAt?: Date | null
}

/** One name in a byline, as stored: by reference, or a guest's name as typed. */
export type NewCredit =
  | { kind: 'author'; authorId: number }
  | { kind: 'guest'; name: string }
  | { kind: 'agency'; agencyId: number }

/** A correction or update note shown under an article. */
export interface NewCorrection {
  articleId: number
  at: Date
  kind: 'correction' | 'update'
  text: string
}

/** Saving articles with their bylines and topics, and the checks a save makes first. */
export interface ArticleWrites {
  /** Whether another article (not `exceptId`) already has this slug. */
  slugExists(slug: string, exceptId?: number): Promise<boolean>
  /** Which of `ids` exist in `table`: a save checks its references before writing. */
  existingIds(
    table: 'author' | 'agency' | 'topic' | 'image' | 'section',
    ids: number[],
  ): Promise<Set<number>>
  /** Writes the article with its byline and topics in one transaction; returns its id. */
  insertArticle(a: NewArticleRow, credits: NewCredit[], topicIds: number[]): Promise<number>
  /**
   * Replaces the article, its byline and topics in one transaction (its creation time and
   * creator stay). With `expectedVersion`, writes only if the stored `updated_at` is still that
   * (optimistic concurrency); false when nothing was written.
   */
  updateArticle(
    id: number,
    a: NewArticleRow,
    credits: NewCredit[],
    topicIds: number[],
    expectedVersion?: number,
  ): Promise<boolean>
  /** Appends a note and moves the article's `updated_at` to its time, in one transaction. */
  insertCorrection(c: NewCorrection): Promise<void>
}

export function createArticleWrites(db: Kysely<Database>): ArticleWrites {
  return {
    async slugExists(slug, exceptId) {
      let q = db.selectFrom('article').select('id').where('slug', '=', slug)
      if (exceptId !== undefined) q = q.where('id', '!=', exceptId)
      return (await q.executeTakeFirst()) !== undefined
    },

    async existingIds(table, ids) {
      if (ids.length === 0) return new Set()
      const rows = await db.selectFrom(table).select('id').where('id', 'in', ids).execute()
      return new Set(rows.map((r) => r.id))
    },

    async insertArticle(a, credits, topicIds) {
      return db.transaction().execute(async (tx) => {
        const r = await tx
          .insertInto('article')
          .values(toArticleRow(a))
          .returning('id')
          .executeTakeFirstOrThrow()
        await writeLinks(tx, r.id, credits, topicIds, listedAt(a))
        await reindexArticles(tx, [r.id])
        return r.id
      })
    },

    async updateArticle(id, a, credits, topicIds, expectedVersion) {
      return db.transaction().execute(async (tx) => {
        const { created_at: _c, created_by: _b, ...row } = toArticleRow(a)
        let q = tx.updateTable('article').set(row).where('id', '=', id)
        if (expectedVersion !== undefined) q = q.where('updated_at', '=', expectedVersion)
        const r = await q.executeTakeFirst()
        if (Number(r.numUpdatedRows) === 0) return false
        await tx.deleteFrom('article_credit').where('article_id', '=', id).execute()
        await tx.deleteFrom('article_topic').where('article_id', '=', id).execute()
        await writeLinks(tx, id, credits, topicIds, listedAt(a))
        // Search follows in the same commit: an unpublished story is gone from it at once.
        await reindexArticles(tx, [id])
        return true
      })
    },

    async insertCorrection(c) {
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('article_correction')
          .values({ article_id: c.articleId, at: c.at.getTime(), kind: c.kind, text: c.text })
          .execute()
        // A correction is a change readers must see: the article counts as updated.
        await tx
          .updateTable('article')
          .set({ updated_at: c.at.getTime() })
          .where('id', '=', c.articleId)
          .execute()
      })
    },
  }
}

/** What the link tables copy of an article: its publication time, unless it is a draft. */
export function listedAt(a: Pick<NewArticleRow, 'status' | 'publishedAt'>): number | null {
  return (a.status === 'published' || a.status === 'scheduled') && a.publishedAt
    ? a.publishedAt.getTime()
    : null
}

async function writeLinks(
  tx: Transaction<Database>,
  articleId: number,
  credits: NewCredit[],
  topicIds: number[],
  publishedAt: number | null,
) {
  if (credits.length) {
    await tx
      .insertInto('article_credit')
      .values(
        credits.map((c, position) => ({
          article_id: articleId,
          position,
          kind: c.kind,
          author_id: c.kind === 'author' ? c.authorId : null,
          agency_id: c.kind === 'agency' ? c.agencyId : null,
          name: c.kind === 'guest' ? c.name : null,
          published_at: publishedAt,
        })),
      )
      .execute()
  }
  if (topicIds.length) {
    await tx
      .insertInto('article_topic')
      .values(
        topicIds.map((topic_id, position) => ({
          article_id: articleId,
          topic_id,
          position,
          published_at: publishedAt,
        })),
      )
      .execute()
  }
}

function toArticleRow(a: NewArticleRow) {
  return {
    slug: a.slug,
    section_id: a.sectionId,
    kicker: a.kicker,
    headline: a.headline,
    standfirst: a.standfirst,
    body: a.body,
    summary: a.summary,
    word_count: a.wordCount,
    status: a.status,
    language: a.language,
    lead_image_id: a.leadImageId,
    published_at: a.publishedAt ? a.publishedAt.getTime() : null,
    updated_at: a.updatedAt.getTime(),
    created_at: a.createdAt.getTime(),
    ...(a.createdBy !== undefined ? { created_by: a.createdBy } : {}),
    unpublish_at: a.unpublishAt ? a.unpublishAt.getTime() : null,
  }
}
