import { type ExpressionBuilder, type Kysely, type Selectable, type Transaction, sql } from 'kysely'
import { jsonArrayFrom as pgJsonArrayFrom } from 'kysely/helpers/postgres'
import { jsonArrayFrom as sqliteJsonArrayFrom } from 'kysely/helpers/sqlite'
import type { Database, DialectName, ImageTable } from '../storage/index.js'
import type {
  Agency,
  Article,
  ArticleListing,
  ArticleStatus,
  ArticleSummary,
  Author,
  Credit,
  Image,
  Section,
  Topic,
} from './article.js'
import type { Revision, RevisionSnapshot } from './revision.js'

/**
 * Queries only: Kysely in, domain types out, no rules. The same code runs on SQLite and
 * PostgreSQL; times cross this boundary as Date and are stored as epoch milliseconds.
 */

export type ListFilter =
  | { kind: 'all' }
  | { kind: 'section'; sectionId: number }
  | { kind: 'topic'; topicId: number }
  | { kind: 'author'; authorId: number }

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

export type NewCredit =
  | { kind: 'author'; authorId: number }
  | { kind: 'guest'; name: string }
  | { kind: 'agency'; agencyId: number }

export interface SitemapEntry {
  path: { slug: string; section: { slug: string }; publishedAt: Date }
  updatedAt: Date
}

export interface NewsEntry extends SitemapEntry {
  headline: string
  language: string
}

type Db = Kysely<Database> | Transaction<Database>

const SUMMARY_COLUMNS = [
  'article.id',
  'article.slug',
  'article.kicker',
  'article.headline',
  'article.summary',
  'article.word_count',
  'article.language',
  'article.lead_image_id',
  'article.published_at',
  'article.updated_at',
  'article.section_id',
  'section.slug as section_slug',
  'section.name as section_name',
] as const

/** The lead image, joined as `li`, so a list needs no query per picture. */
const LEAD_IMAGE_COLUMNS = [
  'li.storage_key as li_storage_key',
  'li.alt as li_alt',
  'li.caption as li_caption',
  'li.credit as li_credit',
  'li.width as li_width',
  'li.height as li_height',
  'li.widths as li_widths',
] as const

const CREDIT_COLUMNS = [
  'c.position',
  'c.kind',
  'c.name',
  'au.id as author_id',
  'au.slug as author_slug',
  'au.name as author_name',
  'ag.id as agency_id',
  'ag.slug as agency_slug',
  'ag.name as agency_name',
  'ag.url as agency_url',
] as const

interface CreditJson {
  position: number
  kind: 'author' | 'guest' | 'agency'
  name: string | null
  author_id: number | null
  author_slug: string | null
  author_name: string | null
  agency_id: number | null
  agency_slug: string | null
  agency_name: string | null
  agency_url: string | null
}

/**
 * @param dialect picks the JSON helper: the byline comes back inside the article row as a JSON
 * array on both databases, one query instead of two.
 */
export function createContentRepository(db: Kysely<Database>, dialect: DialectName = 'sqlite') {
  const visible = (now: Date) => ({ now: now.getTime() })
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

  async function imagesById(ids: readonly number[], q: Db = db): Promise<Map<number, Image>> {
    const unique = [...new Set(ids)]
    if (unique.length === 0) return new Map()
    const rows = await q.selectFrom('image').selectAll().where('id', 'in', unique).execute()
    return new Map(rows.map((r) => [r.id, toImage(r)]))
  }

  /** Bylines of many articles in one query (a JSON subquery per row is slower on SQLite). */
  async function creditsFor(articleIds: readonly number[]): Promise<Map<number, Credit[]>> {
    const out = new Map<number, Credit[]>()
    if (articleIds.length === 0) return out
    const rows = await db
      .selectFrom('article_credit as c')
      .leftJoin('author as au', 'au.id', 'c.author_id')
      .leftJoin('agency as ag', 'ag.id', 'c.agency_id')
      .select(['c.article_id', ...CREDIT_COLUMNS])
      .where('c.article_id', 'in', [...articleIds])
      .orderBy('c.article_id')
      .orderBy('c.position')
      .execute()
    for (const r of rows) {
      const credit = toCredit(r)
      if (!credit) continue
      const list = out.get(r.article_id)
      if (list) list.push(credit)
      else out.set(r.article_id, [credit])
    }
    return out
  }

  async function toSummaries(rows: SummaryRow[]): Promise<ArticleSummary[]> {
    const credits = await creditsFor(rows.map((r) => r.id))
    return rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      section: { id: r.section_id, slug: r.section_slug, name: r.section_name },
      kicker: r.kicker,
      headline: r.headline,
      summary: r.summary,
      wordCount: r.word_count,
      language: r.language,
      leadImage: leadImageOf(r),
      publishedAt: new Date(r.published_at ?? 0),
      updatedAt: new Date(r.updated_at),
      credits: credits.get(r.id) ?? [],
    }))
  }

  function publishedBase(now: Date) {
    return db
      .selectFrom('article')
      .innerJoin('section', 'section.id', 'article.section_id')
      .where('article.status', '=', 'published')
      .where('article.published_at', '<=', visible(now).now)
  }

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

  function linkedBase(
    filter: { kind: 'topic'; topicId: number } | { kind: 'author'; authorId: number },
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
  }

  return {
    async listSections(): Promise<Section[]> {
      return db.selectFrom('section').selectAll().orderBy('position').orderBy('id').execute()
    },

    async findSectionBySlug(slug: string): Promise<Section | undefined> {
      return db.selectFrom('section').selectAll().where('slug', '=', slug).executeTakeFirst()
    },

    async findTopicBySlug(slug: string): Promise<Topic | undefined> {
      return db.selectFrom('topic').selectAll().where('slug', '=', slug).executeTakeFirst()
    },

    async findAuthorBySlug(slug: string): Promise<Author | undefined> {
      return db
        .selectFrom('author')
        .select(['id', 'slug', 'name', 'role', 'bio'])
        .where('slug', '=', slug)
        .executeTakeFirst()
    },

    async listTopics(): Promise<Topic[]> {
      return db.selectFrom('topic').selectAll().orderBy('name').execute()
    },

    async listAuthors(): Promise<Author[]> {
      return db
        .selectFrom('author')
        .select(['id', 'slug', 'name', 'role', 'bio'])
        .orderBy('name')
        .execute()
    },

    async listAgencies(): Promise<Agency[]> {
      return db.selectFrom('agency').selectAll().orderBy('name').execute()
    },

    /** The article with this slug whatever its status; the caller decides who may see it. */
    async findArticleBySlug(slug: string): Promise<Article | undefined> {
      return findArticle('slug', slug)
    },

    async findArticleById(id: number): Promise<Article | undefined> {
      return findArticle('id', id)
    },

    imagesById,

    /** Newest first; fetches one extra row so the caller knows whether a next page exists. */
    async listPublished(
      filter: ListFilter,
      page: { limit: number; offset: number },
      now: Date,
    ): Promise<{ items: ArticleSummary[]; hasMore: boolean }> {
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
                ? publishedBase(now).where('article.section_id', '=', filter.sectionId)
                : publishedBase(now)
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
      return { items: await toSummaries(rows.slice(0, page.limit)), hasMore }
    },

    /** The newest published articles of one section each, for the home page. */
    async latestPerSection(sectionIds: number[], perSection: number, now: Date) {
      const out = new Map<number, ArticleSummary[]>()
      // One small indexed query per section beats a window function that both dialects
      // would plan differently; sections are few.
      const lists = await Promise.all(
        sectionIds.map((id) =>
          publishedBase(now)
            .leftJoin('image as li', 'li.id', 'article.lead_image_id')
            .select(SUMMARY_COLUMNS)
            .select(LEAD_IMAGE_COLUMNS)
            .where('article.section_id', '=', id)
            .orderBy('article.published_at', 'desc')
            .orderBy('article.id', 'desc')
            .limit(perSection)
            .execute(),
        ),
      )
      const all = await toSummaries(lists.flat())
      const byId = new Map(all.map((a) => [a.id, a]))
      sectionIds.forEach((id, i) =>
        out.set(
          id,
          lists[i]!.map((r) => byId.get(r.id)!),
        ),
      )
      return out
    },

    /**
     * Candidates for "Read more": the most recent articles of each topic, of the section,
     * and overall. Bounded by `perList` so the cost does not grow with the archive.
     */
    async relatedCandidates(
      article: { id: number; sectionId: number; topicIds: number[] },
      perList: number,
      now: Date,
    ) {
      const byTopic = await Promise.all(
        article.topicIds.map((topicId) =>
          linkedBase({ kind: 'topic', topicId }, now)
            .select(['article.id', 'article.section_id', 'article.published_at'])
            .where('article.id', '!=', article.id)
            .orderBy('l.published_at', 'desc')
            .orderBy('l.article_id', 'desc')
            .limit(perList)
            .execute(),
        ),
      )
      const sameSection = await publishedBase(now)
        .select(['article.id', 'article.section_id', 'article.published_at'])
        .where('article.section_id', '=', article.sectionId)
        .where('article.id', '!=', article.id)
        .orderBy('article.published_at', 'desc')
        .orderBy('article.id', 'desc')
        .limit(6)
        .execute()
      const shared = new Map<number, number>()
      for (const list of byTopic)
        for (const r of list) shared.set(r.id, (shared.get(r.id) ?? 0) + 1)
      const candidates = [...byTopic.flat(), ...sameSection].map((r) => ({
        id: r.id,
        sectionId: r.section_id,
        publishedAt: r.published_at ?? 0,
      }))
      return { candidates, shared }
    },

    async summariesByIds(ids: number[], now: Date): Promise<ArticleSummary[]> {
      if (ids.length === 0) return []
      const rows = await publishedBase(now)
        .leftJoin('image as li', 'li.id', 'article.lead_image_id')
        .select(SUMMARY_COLUMNS)
        .select(LEAD_IMAGE_COLUMNS)
        .where('article.id', 'in', ids)
        .execute()
      const items = await toSummaries(rows)
      const order = new Map(ids.map((id, i) => [id, i]))
      return items.sort((a, b) => order.get(a.id)! - order.get(b.id)!)
    },

    /** Bodies of the given articles, for full-text feeds. */
    async bodiesByIds(ids: number[]): Promise<Map<number, string>> {
      if (ids.length === 0) return new Map()
      const rows = await db
        .selectFrom('article')
        .select(['id', 'body'])
        .where('id', 'in', ids)
        .execute()
      return new Map(rows.map((r) => [r.id, r.body]))
    },

    /**
     * The admin's list: newest edits first, any status, with filters. Headline search is a
     * case-insensitive substring match on both databases.
     */
    async listForAdmin(
      filter: { status?: ArticleStatus; sectionId?: number; authorId?: number; q?: string },
      page: { limit: number; offset: number },
    ): Promise<{ items: ArticleListing[]; hasMore: boolean }> {
      let q = db
        .selectFrom('article')
        .innerJoin('section', 'section.id', 'article.section_id')
        .select([
          'article.id',
          'article.slug',
          'article.headline',
          'article.status',
          'article.published_at',
          'article.updated_at',
          'article.created_by',
          'article.section_id',
          'section.slug as section_slug',
          'section.name as section_name',
        ])
      if (filter.status) q = q.where('article.status', '=', filter.status)
      if (filter.sectionId) q = q.where('article.section_id', '=', filter.sectionId)
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
        const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
        q = q.where(sql<boolean>`lower(article.headline) like ${pattern} escape '\\'`)
      }
      const rows = await q
        .orderBy('article.updated_at', 'desc')
        .orderBy('article.id', 'desc')
        .limit(page.limit + 1)
        .offset(page.offset)
        .execute()
      const shown = rows.slice(0, page.limit)
      const credits = await creditsFor(shown.map((r) => r.id))
      return {
        hasMore: rows.length > page.limit,
        items: shown.map((r) => ({
          id: r.id,
          slug: r.slug,
          headline: r.headline,
          status: r.status,
          section: { id: r.section_id, slug: r.section_slug, name: r.section_name },
          publishedAt: r.published_at === null ? null : new Date(r.published_at),
          updatedAt: new Date(r.updated_at),
          credits: credits.get(r.id) ?? [],
          createdBy: r.created_by,
        })),
      }
    },

    async countPublished(now: Date): Promise<number> {
      const r = await publishedBase(now)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow()
      return Number(r.n)
    },

    /** Oldest first, so a sitemap page keeps its URLs as the archive grows. */
    async listSitemapEntries(offset: number, limit: number, now: Date): Promise<SitemapEntry[]> {
      const rows = await publishedBase(now)
        .select([
          'article.slug',
          'section.slug as section_slug',
          'article.published_at',
          'article.updated_at',
        ])
        .orderBy('article.published_at', 'asc')
        .orderBy('article.id', 'asc')
        .limit(limit)
        .offset(offset)
        .execute()
      return rows.map((r) => ({
        path: {
          slug: r.slug,
          section: { slug: r.section_slug },
          publishedAt: new Date(r.published_at ?? 0),
        },
        updatedAt: new Date(r.updated_at),
      }))
    },

    async listPublishedSince(since: Date, now: Date, limit: number): Promise<NewsEntry[]> {
      const rows = await publishedBase(now)
        .select([
          'article.slug',
          'article.headline',
          'article.language',
          'section.slug as section_slug',
          'article.published_at',
          'article.updated_at',
        ])
        .where('article.published_at', '>=', since.getTime())
        .orderBy('article.published_at', 'desc')
        .orderBy('article.id', 'desc')
        .limit(limit)
        .execute()
      return rows.map((r) => ({
        path: {
          slug: r.slug,
          section: { slug: r.section_slug },
          publishedAt: new Date(r.published_at ?? 0),
        },
        updatedAt: new Date(r.updated_at),
        headline: r.headline,
        language: r.language,
      }))
    },

    async latestChange(now: Date): Promise<Date | null> {
      const r = await publishedBase(now)
        .select((eb) => eb.fn.max('article.updated_at').as('m'))
        .executeTakeFirst()
      return r?.m ? new Date(Number(r.m)) : null
    },

    // ---- writes ----

    /** Changes a section, topic, author or agency in place; false if there is no such row. */
    async updateTaxonomy(
      kind: 'section' | 'topic' | 'author' | 'agency',
      id: number,
      values: Record<string, string | number | null>,
      now: Date,
    ): Promise<boolean> {
      const set = kind === 'author' ? { ...values, updated_at: now.getTime() } : values
      const r = await db.updateTable(kind).set(set).where('id', '=', id).executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },

    async findTaxonomy(kind: 'section' | 'topic' | 'author' | 'agency', id: number) {
      return db.selectFrom(kind).selectAll().where('id', '=', id).executeTakeFirst() as Promise<
        Record<string, unknown> | undefined
      >
    },

    async insertSection(s: Omit<Section, 'id'>): Promise<number> {
      const r = await db.insertInto('section').values(s).returning('id').executeTakeFirstOrThrow()
      return r.id
    },

    async insertAuthor(a: Omit<Author, 'id'>, now: Date): Promise<number> {
      const r = await db
        .insertInto('author')
        .values({ ...a, updated_at: now.getTime() })
        .returning('id')
        .executeTakeFirstOrThrow()
      return r.id
    },

    async insertAgency(a: Omit<Agency, 'id'>): Promise<number> {
      const r = await db.insertInto('agency').values(a).returning('id').executeTakeFirstOrThrow()
      return r.id
    },

    async insertTopic(t: Omit<Topic, 'id'>): Promise<number> {
      const r = await db.insertInto('topic').values(t).returning('id').executeTakeFirstOrThrow()
      return r.id
    },

    async insertImage(img: Omit<Image, 'id'>, now: Date): Promise<number> {
      const r = await db
        .insertInto('image')
        .values({
          storage_key: img.storageKey,
          alt: img.alt,
          caption: img.caption,
          credit: img.credit,
          width: img.width,
          height: img.height,
          widths: JSON.stringify(img.widths),
          created_at: now.getTime(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return r.id
    },

    /** The media library: newest first, searched by caption, credit or alt text. */
    async searchImages(q: string, limit: number): Promise<Image[]> {
      let query = db.selectFrom('image').selectAll().orderBy('id', 'desc').limit(limit)
      if (q.trim()) {
        const pattern = `%${q
          .trim()
          .toLowerCase()
          .replace(/[\\%_]/g, (c) => `\\${c}`)}%`
        query = query.where((eb) =>
          eb.or([
            sql<boolean>`lower(caption) like ${pattern} escape '\\'`,
            sql<boolean>`lower(credit) like ${pattern} escape '\\'`,
            sql<boolean>`lower(alt) like ${pattern} escape '\\'`,
          ]),
        )
      }
      return (await query.execute()).map(toImage)
    },

    async slugExists(slug: string, exceptId?: number): Promise<boolean> {
      let q = db.selectFrom('article').select('id').where('slug', '=', slug)
      if (exceptId !== undefined) q = q.where('id', '!=', exceptId)
      return (await q.executeTakeFirst()) !== undefined
    },

    async existingIds(
      table: 'author' | 'agency' | 'topic' | 'image' | 'section',
      ids: number[],
    ): Promise<Set<number>> {
      if (ids.length === 0) return new Set()
      const rows = await db.selectFrom(table).select('id').where('id', 'in', ids).execute()
      return new Set(rows.map((r) => r.id))
    },

    /** Writes the article with its byline and topics in one transaction. */
    async insertArticle(
      a: NewArticleRow,
      credits: NewCredit[],
      topicIds: number[],
    ): Promise<number> {
      return db.transaction().execute(async (tx) => {
        const r = await tx
          .insertInto('article')
          .values(toArticleRow(a))
          .returning('id')
          .executeTakeFirstOrThrow()
        await writeLinks(tx, r.id, credits, topicIds, listedAt(a))
        return r.id
      })
    },

    async updateArticle(
      id: number,
      a: NewArticleRow,
      credits: NewCredit[],
      topicIds: number[],
      /** Only write if the stored updated_at is still this (optimistic concurrency). */
      expectedVersion?: number,
    ): Promise<boolean> {
      return db.transaction().execute(async (tx) => {
        const { created_at: _c, created_by: _b, ...row } = toArticleRow(a)
        let q = tx.updateTable('article').set(row).where('id', '=', id)
        if (expectedVersion !== undefined) q = q.where('updated_at', '=', expectedVersion)
        const r = await q.executeTakeFirst()
        if (Number(r.numUpdatedRows) === 0) return false
        await tx.deleteFrom('article_credit').where('article_id', '=', id).execute()
        await tx.deleteFrom('article_topic').where('article_id', '=', id).execute()
        await writeLinks(tx, id, credits, topicIds, listedAt(a))
        return true
      })
    },

    /** Published articles whose takedown time has come become unpublished; returns their ids. */
    async unpublishDue(now: Date): Promise<number[]> {
      return db.transaction().execute(async (tx) => {
        const rows = await tx
          .updateTable('article')
          .set({ status: 'unpublished', unpublish_at: null })
          .where('status', '=', 'published')
          .where('unpublish_at', '<=', now.getTime())
          .returning('id')
          .execute()
        const ids = rows.map((r) => r.id)
        if (ids.length) {
          // Off the topic and author lists too.
          await tx
            .updateTable('article_topic')
            .set({ published_at: null })
            .where('article_id', 'in', ids)
            .execute()
          await tx
            .updateTable('article_credit')
            .set({ published_at: null })
            .where('article_id', 'in', ids)
            .execute()
        }
        return ids
      })
    },

    async insertRevision(r: {
      articleId: number
      savedAt: Date
      staffId: number | null
      snapshot: string
    }) {
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

    async listRevisions(articleId: number, limit: number) {
      const rows = await revisions(articleId).orderBy('r.id', 'desc').limit(limit).execute()
      return rows.map(toRevisionRow)
    },

    async findRevision(articleId: number, revisionId: number) {
      const r = await revisions(articleId).where('r.id', '=', revisionId).executeTakeFirst()
      return r ? toRevisionRow(r) : undefined
    },

    async putAutosave(a: {
      articleId: number
      staffId: number | null
      savedAt: Date
      headline: string
      body: string
    }) {
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

    async findAutosave(articleId: number) {
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

    async deleteAutosave(articleId: number) {
      await db.deleteFrom('article_autosave').where('article_id', '=', articleId).execute()
    },

    async insertCorrection(c: {
      articleId: number
      at: Date
      kind: 'correction' | 'update'
      text: string
    }) {
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

    /** Scheduled articles whose time has come become published; returns their ids. */
    async promoteDue(now: Date): Promise<number[]> {
      const rows = await db
        .updateTable('article')
        .set({ status: 'published' })
        .where('status', '=', 'scheduled')
        .where('published_at', '<=', now.getTime())
        .returning('id')
        .execute()
      return rows.map((r) => r.id)
    },

    /** The next publication or takedown the scheduler must wake up for. */
    async nextScheduledAt(): Promise<Date | null> {
      const [pub, down] = await Promise.all([
        db
          .selectFrom('article')
          .select((eb) => eb.fn.min('published_at').as('m'))
          .where('status', '=', 'scheduled')
          .executeTakeFirst(),
        db
          .selectFrom('article')
          .select((eb) => eb.fn.min('unpublish_at').as('m'))
          .where('status', '=', 'published')
          .executeTakeFirst(),
      ])
      const times = [pub?.m, down?.m].filter((m) => m !== null && m !== undefined).map(Number)
      return times.length ? new Date(Math.min(...times)) : null
    },

    async countArticles(): Promise<number> {
      const r = await db
        .selectFrom('article')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow()
      return Number(r.n)
    },
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
}

function toRevisionRow(r: {
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

/** SQLite hands JSON back as text, PostgreSQL as values. */
function parseJsonArray<T>(v: unknown): T[] {
  if (typeof v === 'string') return JSON.parse(v) as T[]
  return Array.isArray(v) ? (v as T[]) : []
}

function toCredits(raw: unknown): Credit[] {
  return parseJsonArray<CreditJson>(raw)
    .sort((x, y) => x.position - y.position)
    .flatMap((r) => toCredit(r) ?? [])
}

function toCredit(r: CreditJson): Credit | null {
  if (r.kind === 'author' && r.author_id !== null) {
    return {
      kind: 'author',
      author: { id: Number(r.author_id), slug: r.author_slug!, name: r.author_name! },
    }
  }
  if (r.kind === 'agency' && r.agency_id !== null) {
    return {
      kind: 'agency',
      agency: {
        id: Number(r.agency_id),
        slug: r.agency_slug!,
        name: r.agency_name!,
        url: r.agency_url,
      },
    }
  }
  if (r.kind === 'guest' && r.name) return { kind: 'guest', name: r.name }
  return null
}

type LeadImageRow = {
  lead_image_id: number | null
  li_storage_key: string | null
  li_alt: string | null
  li_caption: string | null
  li_credit: string | null
  li_width: number | null
  li_height: number | null
  li_widths: string | null
}

function leadImageOf(r: LeadImageRow): Image | null {
  if (!r.lead_image_id || r.li_storage_key === null) return null
  return toImage({
    id: r.lead_image_id,
    storage_key: r.li_storage_key,
    alt: r.li_alt ?? '',
    caption: r.li_caption ?? '',
    credit: r.li_credit ?? '',
    width: r.li_width ?? 0,
    height: r.li_height ?? 0,
    widths: r.li_widths ?? '[]',
    created_at: 0,
  })
}

export type ContentRepository = ReturnType<typeof createContentRepository>

type SummaryRow = LeadImageRow & {
  id: number
  slug: string
  kicker: string | null
  headline: string
  summary: string
  word_count: number
  language: string
  lead_image_id: number | null
  published_at: number | null
  updated_at: number
  section_id: number
  section_slug: string
  section_name: string
}

/** What the link tables copy of an article: its publication time, unless it is a draft. */
function listedAt(a: NewArticleRow): number | null {
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

function toImage(r: Selectable<ImageTable>): Image {
  let widths: number[] = []
  try {
    const parsed: unknown = JSON.parse(r.widths)
    if (Array.isArray(parsed)) widths = parsed.filter((w): w is number => Number.isInteger(w))
  } catch {
    widths = []
  }
  return {
    id: r.id,
    storageKey: r.storage_key,
    alt: r.alt,
    caption: r.caption,
    credit: r.credit,
    width: r.width,
    height: r.height,
    widths: widths.length ? widths : [r.width],
  }
}
