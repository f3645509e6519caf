import { type ExpressionBuilder, type Kysely, sql } from 'kysely'
import { jsonArrayFrom as pgJsonArrayFrom } from 'kysely/helpers/postgres'
import { jsonArrayFrom as sqliteJsonArrayFrom } from 'kysely/helpers/sqlite'
import type { Database, DialectName } from '../../storage/index.js'
import type { Article, ArticleSummary } from '../article.js'
import {
  CREDIT_COLUMNS,
  LEAD_IMAGE_COLUMNS,
  SUMMARY_COLUMNS,
  leadImageOf,
  parseJsonArray,
  publishedBase,
  toCredits,
  toSummaries,
  toSummary,
} from './rows.js'

/** How many of the section's latest articles "Read more" considers besides the topics'. */
const SAME_SECTION_CANDIDATES = 6

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
  const jsonArrayFrom = dialect === 'postgres' ? pgJsonArrayFrom : sqliteJsonArrayFrom

  function creditsJson(eb: ExpressionBuilder<Database, 'article'>) {
    return jsonArrayFrom(
      eb
        .selectFrom('article_credit as c')
        .leftJoin('author as au', 'au.id', 'c.author_id')
        .leftJoin('agency as ag', 'ag.id', 'c.agency_id')
        .select(CREDIT_COLUMNS)
        .whereRef('c.article_id', '=', 'article.id')
        .orderBy('c.position'),
    ).as('credits')
  }

  /** Topic and author pages start from their link table, which copies the publication time. */
  function linkedBase(
    filter: ({ kind: 'topic'; topicId: number } | { kind: 'author'; authorId: number }) & {
      language?: string | undefined
    },
    now: Date,
  ) {
    const from =
      filter.kind === 'topic'
        ? db.selectFrom('article_topic as l').where('l.topic_id', '=', filter.topicId)
        : db.selectFrom('article_credit as l').where('l.author_id', '=', filter.authorId)
    return from
      .where('l.published_at', '<=', now.getTime())
      .innerJoin('article', 'article.id', 'l.article_id')
      .innerJoin('section', 'section.id', 'article.section_id')
      .where('article.status', '=', 'published')
      .$if(filter.language !== undefined, (q) => q.where('article.language', '=', filter.language!))
  }

  /** The article with its section, lead image, byline and topics, in one query. */
  async function findArticle(
    by: 'slug' | 'id',
    value: string | number,
  ): Promise<Article | undefined> {
    let q = db
      .selectFrom('article')
      .innerJoin('section', 'section.id', 'article.section_id')
      .leftJoin('image as li', 'li.id', 'article.lead_image_id')
      .selectAll('article')
      .select(['section.slug as section_slug', 'section.name as section_name'])
      .select(LEAD_IMAGE_COLUMNS)
      .select(creditsJson)
      .select((eb) =>
        jsonArrayFrom(
          eb
            .selectFrom('article_correction as ac')
            .select(['ac.id', 'ac.at', 'ac.kind', 'ac.text'])
            .whereRef('ac.article_id', '=', 'article.id')
            .orderBy('ac.at'),
        ).as('corrections'),
      )
      .select((eb) =>
        jsonArrayFrom(
          eb
            .selectFrom('article_topic as at')
            .innerJoin('topic', 'topic.id', 'at.topic_id')
            .select(['topic.id', 'topic.slug', 'topic.name', 'at.position'])
            .whereRef('at.article_id', '=', 'article.id')
            .orderBy('at.position'),
        ).as('topics'),
      )
    q =
      by === 'slug'
        ? q.where('article.slug', '=', String(value))
        : q.where('article.id', '=', Number(value))
    const row = await q.executeTakeFirst()
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
      // Topic and author lists start from their link table's (id, published_at) index, so a
      // page costs the same whatever the size of the archive.
      const rows =
        filter.kind === 'topic' || filter.kind === 'author'
          ? await linkedBase(filter, now)
              .leftJoin('image as li', 'li.id', 'article.lead_image_id')
              .select(SUMMARY_COLUMNS)
              .select(LEAD_IMAGE_COLUMNS)
              .orderBy('l.published_at', 'desc')
              .orderBy('l.article_id', 'desc')
              .limit(page.limit + 1)
              .offset(page.offset)
              .execute()
          : await (
              filter.kind === 'section'
                ? publishedBase(db, now, filter.language).where(
                    'article.section_id',
                    '=',
                    filter.sectionId,
                  )
                : publishedBase(db, now, filter.language)
            )
              .leftJoin('image as li', 'li.id', 'article.lead_image_id')
              .select(SUMMARY_COLUMNS)
              .select(LEAD_IMAGE_COLUMNS)
              .orderBy('article.published_at', 'desc')
              .orderBy('article.id', 'desc')
              .limit(page.limit + 1)
              .offset(page.offset)
              .execute()
      const hasMore = rows.length > page.limit
      return { items: await toSummaries(db, rows.slice(0, page.limit)), hasMore }
    },

    async latestPerSection(sectionIds, perSection, now, language) {
      const out = new Map<number, ArticleSummary[]>(sectionIds.map((id) => [id, []]))
      if (sectionIds.length === 0) return out
      // Every section's latest ids in one statement (each list keeps its own ORDER BY and LIMIT
      // in a derived table, as in relatedCandidates), then their summaries and bylines: three
      // statements for the home page however many sections it lists, not one per section.
      const lists = sectionIds.map((id, i) =>
        db
          .selectFrom(
            publishedBase(db, now, language)
              .select(['article.id', 'article.section_id', 'article.published_at'])
              .where('article.section_id', '=', id)
              .orderBy('article.published_at', 'desc')
              .orderBy('article.id', 'desc')
              .limit(perSection)
              .as(`s${i}`),
          )
          .select([`s${i}.id`, `s${i}.section_id`, `s${i}.published_at`]),
      )
      const picked = await lists
        .slice(1)
        .reduce((all, q) => all.unionAll(q), lists[0]!)
        .execute()
      if (picked.length === 0) return out
      const rows = await publishedBase(db, now)
        .leftJoin('image as li', 'li.id', 'article.lead_image_id')
        .select(SUMMARY_COLUMNS)
        .select(LEAD_IMAGE_COLUMNS)
        .where(
          'article.id',
          'in',
          picked.map((r) => Number(r.id)),
        )
        .execute()
      const byId = new Map((await toSummaries(db, rows)).map((a) => [a.id, a]))
      // A UNION ALL promises no order: each section's stories are put back newest first.
      const newestFirst = [...picked].sort(
        (a, b) =>
          Number(b.published_at ?? 0) - Number(a.published_at ?? 0) || Number(b.id) - Number(a.id),
      )
      for (const r of newestFirst) {
        const summary = byId.get(Number(r.id))
        if (summary) out.get(Number(r.section_id))?.push(summary)
      }
      return out
    },

    async relatedCandidates(article, perList, now) {
      // One statement for every list (each topic's latest, then the section's): an article
      // page costs one round trip for "Read more" however many topics it has. Each list keeps
      // its own ORDER BY and LIMIT inside a derived table, which both dialects allow in a UNION.
      const lists = [
        ...article.topicIds.map((topicId) =>
          linkedBase({ kind: 'topic', topicId, language: article.language }, now)
            .select(['article.id', 'article.section_id', 'article.published_at'])
            .where('article.id', '!=', article.id)
            .orderBy('l.published_at', 'desc')
            .orderBy('l.article_id', 'desc')
            .limit(perList),
        ),
        publishedBase(db, now, article.language)
          .select(['article.id', 'article.section_id', 'article.published_at'])
          .where('article.section_id', '=', article.sectionId)
          .where('article.id', '!=', article.id)
          .orderBy('article.published_at', 'desc')
          .orderBy('article.id', 'desc')
          .limit(SAME_SECTION_CANDIDATES),
      ].map((q, i) =>
        db
          .selectFrom(q.as(`list${i}`))
          .select([`list${i}.id`, `list${i}.section_id`, `list${i}.published_at`])
          .select(sql<number>`${sql.lit(i)}`.as('list')),
      )
      const rows = await lists
        .slice(1)
        .reduce((all, q) => all.unionAll(q), lists[0]!)
        .execute()
      const sectionList = article.topicIds.length
      const shared = new Map<number, number>()
      for (const r of rows) {
        if (Number(r.list) !== sectionList) shared.set(r.id, (shared.get(r.id) ?? 0) + 1)
      }
      const candidates = rows.map((r) => ({
        id: Number(r.id),
        sectionId: Number(r.section_id),
        publishedAt: Number(r.published_at ?? 0),
      }))
      return { candidates, shared }
    },

    async summariesByIds(ids, now) {
      if (ids.length === 0) return []
      // A few rows: their bylines ride along as JSON, one query instead of two.
      const rows = await publishedBase(db, now)
        .leftJoin('image as li', 'li.id', 'article.lead_image_id')
        .select(SUMMARY_COLUMNS)
        .select(LEAD_IMAGE_COLUMNS)
        .select(creditsJson)
        .where('article.id', 'in', ids)
        .execute()
      const order = new Map(ids.map((id, i) => [id, i]))
      return rows
        .map((r) => ({ ...toSummary(r), credits: toCredits(r.credits) }))
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
