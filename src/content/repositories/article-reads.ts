import type { Kysely } from 'kysely'
import { type Database, type DialectName, listValues, parseJsonRows } from '../../storage/index.js'
import type { Article, ArticleSummary } from '../article.js'
import {
  LATEST_COLUMNS,
  RELATED_COLUMNS,
  SUMMARY_CREDIT_COLUMNS,
  articleById,
  articleBySlug,
  latestIds,
  listRows,
  relatedRows,
  summaryRows,
  summaryRowsWithCredits,
} from './reader-queries.js'
import {
  leadImageOf,
  parseJsonArray,
  publishedBase,
  summaryRowOf,
  SUMMARY_ROW_COLUMNS,
  toCredits,
  toSummaries,
  toSummary,
} from './rows.js'

/**
 * Which published articles a list shows; with `language`, only that language edition's (ADR 026:
 * set on sites with several languages, so a one-language site's queries stay as they were).
 */
export type ListFilter = (
  | { kind: 'all' }
  | { kind: 'section'; sectionId: number }
  | { kind: 'topic'; topicId: number }
  | { kind: 'author'; authorId: number }
) & { language?: string | undefined }

/** An article "Read more" may offer, with what the ranking needs to know about it. */
export interface RelatedCandidate {
  id: number
  sectionId: number
  /** Epoch milliseconds. */
  publishedAt: number
}

/** Articles as readers see them: whole, in lists, and what feeds and "Read more" need. */
export interface ArticleReads {
  /** The article with this slug whatever its status; the caller decides who may see it. */
  findArticleBySlug(slug: string): Promise<Article | undefined>
  /** The article with this id whatever its status; the caller decides who may see it. */
  findArticleById(id: number): Promise<Article | undefined>
  /** Newest first; fetches one extra row so the caller knows whether a next page exists. */
  listPublished(
    filter: ListFilter,
    page: { limit: number; offset: number },
    now: Date,
  ): Promise<{ items: ArticleSummary[]; hasMore: boolean }>
  /** The newest published articles of each section, for the home page, keyed by section id. */
  latestPerSection(
    sectionIds: number[],
    perSection: number,
    now: Date,
    language?: string,
  ): Promise<Map<number, ArticleSummary[]>>
  /**
   * Candidates for "Read more": the most recent articles of each topic, of the section,
   * and overall. Bounded by `perList` so the cost does not grow with the archive. `shared`
   * counts, per candidate, the topics it has in common with the article.
   */
  relatedCandidates(
    article: { id: number; sectionId: number; topicIds: number[]; language?: string },
    perList: number,
    now: Date,
  ): Promise<{ candidates: RelatedCandidate[]; shared: Map<number, number> }>
  /** Published, due articles among `ids`, in the order of `ids`. */
  summariesByIds(ids: number[], now: Date): Promise<ArticleSummary[]>
  /** Bodies of the given articles, for full-text feeds. */
  bodiesByIds(ids: number[]): Promise<Map<number, string>>
  /** How many articles readers can see at `now` (in `language` only, when given). */
  countPublished(now: Date, language?: string): Promise<number>
}

/**
 * @param dialect picks the JSON helper: the byline comes back inside the article row as a JSON
 * array on both databases, one query instead of two.
 */
export function createArticleReads(
  db: Kysely<Database>,
  dialect: DialectName = 'sqlite',
): ArticleReads {
  async function findArticle(
    by: 'slug' | 'id',
    value: string | number,
  ): Promise<Article | undefined> {
    const [row] =
      by === 'slug'
        ? await articleBySlug(db, dialect, { slug: String(value) })
        : await articleById(db, dialect, { id: Number(value) })
    if (!row) return undefined
    return {
      id: row.id,
      slug: row.slug,
      section: { id: row.section_id, slug: row.section_slug, name: row.section_name },
      kicker: row.kicker,
      headline: row.headline,
      standfirst: row.standfirst,
      body: row.body,
      summary: row.summary,
      wordCount: row.word_count,
      status: row.status,
      language: row.language,
      leadImage: leadImageOf(row),
      publishedAt: row.published_at === null ? null : new Date(row.published_at),
      updatedAt: new Date(row.updated_at),
      credits: toCredits(row.credits),
      createdBy: row.created_by,
      unpublishAt: row.unpublish_at === null ? null : new Date(row.unpublish_at),
      corrections: parseJsonArray<{
        id: number
        at: number
        kind: 'correction' | 'update'
        text: string
      }>(row.corrections)
        .sort((x, y) => Number(x.at) - Number(y.at) || x.id - y.id)
        .map((c) => ({ id: Number(c.id), at: new Date(Number(c.at)), kind: c.kind, text: c.text })),
      // json_agg need not keep the subquery's order on PostgreSQL: sort by position here.
      topics: parseJsonArray<{ id: number; slug: string; name: string; position: number }>(
        row.topics,
      )
        .sort((x, y) => x.position - y.position)
        .map((t) => ({
          id: Number(t.id),
          slug: t.slug,
          name: t.name,
        })),
    }
  }

  return {
    findArticleBySlug: (slug) => findArticle('slug', slug),

    findArticleById: (id) => findArticle('id', id),

    async listPublished(filter, page, now) {
      const found = await listRows(
        db,
        {
          kind: filter.kind,
          language: filter.language !== undefined,
          limit: page.limit + 1,
          offset: page.offset,
          dialect,
        },
        {
          nowMs: now.getTime(),
          id:
            filter.kind === 'section'
              ? filter.sectionId
              : filter.kind === 'topic'
                ? filter.topicId
                : filter.kind === 'author'
                  ? filter.authorId
                  : 0,
          language: filter.language ?? '',
        },
      )
      const rows = parseJsonRows(found, SUMMARY_ROW_COLUMNS).map(summaryRowOf)
      const hasMore = rows.length > page.limit
      return { items: await toSummaries(db, rows.slice(0, page.limit)), hasMore }
    },

    async latestPerSection(sectionIds, perSection, now, language) {
      const out = new Map<number, ArticleSummary[]>(sectionIds.map((id) => [id, []]))
      if (sectionIds.length === 0) return out
      const picked = parseJsonRows(
        await latestIds(
          db,
          { sections: sectionIds.length, language: language !== undefined, perSection, dialect },
          {
            nowMs: now.getTime(),
            language: language ?? '',
            ...listValues('s', sectionIds),
          },
        ),
        LATEST_COLUMNS,
      ).map(([id, sectionId, publishedAt]) => ({
        id: Number(id),
        sectionId: Number(sectionId),
        publishedAt: Number(publishedAt ?? 0),
      }))
      if (picked.length === 0) return out
      const found = await summaryRows(
        db,
        { n: picked.length, dialect },
        {
          nowMs: now.getTime(),
          ...listValues(
            'id',
            picked.map((r) => r.id),
          ),
        },
      )
      const rows = parseJsonRows(found, SUMMARY_ROW_COLUMNS).map(summaryRowOf)
      const byId = new Map((await toSummaries(db, rows)).map((a) => [a.id, a]))
      // A UNION ALL promises no order: each section's stories are put back newest first.
      const newestFirst = picked.sort((a, b) => b.publishedAt - a.publishedAt || b.id - a.id)
      for (const r of newestFirst) {
        const summary = byId.get(r.id)
        if (summary) out.get(r.sectionId)?.push(summary)
      }
      return out
    },

    async relatedCandidates(article, perList, now) {
      const rows = parseJsonRows(
        await relatedRows(
          db,
          {
            topics: article.topicIds.length,
            language: article.language !== undefined,
            perList,
            dialect,
          },
          {
            nowMs: now.getTime(),
            id: article.id,
            sectionId: article.sectionId,
            language: article.language ?? '',
            ...listValues('topic', article.topicIds),
          },
        ),
        RELATED_COLUMNS,
      )
      const sectionList = article.topicIds.length
      const shared = new Map<number, number>()
      const candidates: RelatedCandidate[] = []
      // In RELATED_COLUMNS' order: id, section_id, published_at, list.
      for (const [id, sectionId, publishedAt, list] of rows) {
        const c = {
          id: Number(id),
          sectionId: Number(sectionId),
          publishedAt: Number(publishedAt ?? 0),
        }
        candidates.push(c)
        if (Number(list) !== sectionList) shared.set(c.id, (shared.get(c.id) ?? 0) + 1)
      }
      return { candidates, shared }
    },

    async summariesByIds(ids, now) {
      if (ids.length === 0) return []
      const found = await summaryRowsWithCredits(
        db,
        { n: ids.length, dialect },
        {
          nowMs: now.getTime(),
          ...listValues('id', ids),
        },
      )
      const order = new Map(ids.map((id, i) => [id, i]))
      // The byline is last, after SUMMARY_ROW_COLUMNS.
      return parseJsonRows(found, SUMMARY_CREDIT_COLUMNS)
        .map((a) => toSummary(summaryRowOf(a), toCredits(a[SUMMARY_ROW_COLUMNS.length])))
        .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
    },

    async bodiesByIds(ids) {
      if (ids.length === 0) return new Map()
      const rows = await db
        .selectFrom('article')
        .select(['id', 'body'])
        .where('id', 'in', ids)
        .execute()
      return new Map(rows.map((r) => [r.id, r.body]))
    },

    async countPublished(now, language) {
      const r = await publishedBase(db, now, language)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow()
      return Number(r.n)
    },
  }
}
