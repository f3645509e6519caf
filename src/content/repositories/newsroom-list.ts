import { type Kysely, sql } from 'kysely'
import type { Database } from '../../storage/index.js'
import type { ArticleListing, ArticleStatus } from '../article.js'
import { containsPattern, creditsFor } from './rows.js'

/** What the newsroom's article list may be narrowed to. */
export interface NewsroomFilter {
  status?: ArticleStatus
  sectionId?: number
  authorId?: number
  /** Part of the headline, any case. */
  q?: string
  /** Only stories in this language (ADR 026). */
  language?: string
  /** Leave out stories in this language (the translation picker: the others). */
  notLanguage?: string
}

/** The newsroom's view of every article, whatever its status. */
export interface NewsroomList {
  /**
   * The admin's list: newest edits first, any status, with filters. Headline search is a
   * case-insensitive substring match on both databases. Fetches one extra row so the caller
   * knows whether a next page exists.
   */
  listForAdmin(
    filter: NewsroomFilter,
    page: { limit: number; offset: number },
  ): Promise<{ items: ArticleListing[]; hasMore: boolean }>
  /** Every article, drafts included. */
  countArticles(): Promise<number>
}

export function createNewsroomList(db: Kysely<Database>): NewsroomList {
  return {
    async listForAdmin(filter, page) {
      let q = db
        .selectFrom('article')
        .innerJoin('section', 'section.id', 'article.section_id')
        .select([
          'article.id',
          'article.slug',
          'article.headline',
          'article.status',
          'article.language',
          'article.published_at',
          'article.updated_at',
          'article.created_by',
          'article.section_id',
          'section.slug as section_slug',
          'section.name as section_name',
        ])
      if (filter.status) q = q.where('article.status', '=', filter.status)
      if (filter.sectionId) q = q.where('article.section_id', '=', filter.sectionId)
      if (filter.language) q = q.where('article.language', '=', filter.language)
      if (filter.notLanguage) q = q.where('article.language', '!=', filter.notLanguage)
      if (filter.authorId) {
        const authorId = filter.authorId
        q = q.where((eb) =>
          eb.exists(
            eb
              .selectFrom('article_credit')
              .select('article_credit.article_id')
              .whereRef('article_credit.article_id', '=', 'article.id')
              .where('article_credit.author_id', '=', authorId),
          ),
        )
      }
      if (filter.q) {
        const pattern = containsPattern(filter.q)
        q = q.where(sql<boolean>`lower(article.headline) like ${pattern} escape '\\'`)
      }
      const rows = await q
        .orderBy('article.updated_at', 'desc')
        .orderBy('article.id', 'desc')
        .limit(page.limit + 1)
        .offset(page.offset)
        .execute()
      const shown = rows.slice(0, page.limit)
      const credits = await creditsFor(
        db,
        shown.map((r) => r.id),
      )
      return {
        hasMore: rows.length > page.limit,
        items: shown.map((r) => ({
          id: r.id,
          slug: r.slug,
          headline: r.headline,
          status: r.status,
          language: r.language,
          section: { id: r.section_id, slug: r.section_slug, name: r.section_name },
          publishedAt: r.published_at === null ? null : new Date(r.published_at),
          updatedAt: new Date(r.updated_at),
          credits: credits.get(r.id) ?? [],
          createdBy: r.created_by,
        })),
      }
    },

    async countArticles() {
      const r = await db
        .selectFrom('article')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow()
      return Number(r.n)
    },
  }
}
