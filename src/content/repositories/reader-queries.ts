import { type ExpressionBuilder, type Kysely, sql } from 'kysely'
import { jsonArrayFrom as pgJsonArrayFrom } from 'kysely/helpers/postgres'
import { jsonArrayFrom as sqliteJsonArrayFrom } from 'kysely/helpers/sqlite'
import {
  type Database,
  type DialectName,
  jsonRows,
  prepareRead,
  slotList,
} from '../../storage/index.js'
import {
  CREDIT_COLUMNS,
  LEAD_IMAGE_COLUMNS,
  SUMMARY_COLUMNS,
  SUMMARY_ROW_COLUMNS,
  perRow,
  publishedArticles,
  publishedBase,
} from './rows.js'

/**
 * The statements of the reader's pages (article, lists, home, "Read more"), each built and
 * compiled once per shape (src/storage/prepared.ts, ADR 035). `v` holds stand-ins for the
 * values while a statement is built: they are compared with, never tested in code; whatever
 * changes the text is in the shape, limits and offsets included (written into the text on
 * SQLite, ADR 040).
 */

type Values = Record<string, unknown>

/** How many of the section's latest articles "Read more" considers besides the topics'. */
const SAME_SECTION_CANDIDATES = 6

const jsonArrayFrom = (dialect: DialectName) =>
  dialect === 'postgres' ? pgJsonArrayFrom : sqliteJsonArrayFrom

/** The byline inside the article row as a JSON array, on both databases: one query, not two. */
function creditsJson(dialect: DialectName) {
  return (eb: ExpressionBuilder<Database, 'article'>) =>
    jsonArrayFrom(dialect)(
      eb
        .selectFrom('article_credit as c')
        .leftJoin('author as au', 'au.id', 'c.author_id')
        .leftJoin('agency as ag', 'ag.id', 'c.agency_id')
        .select(CREDIT_COLUMNS)
        .whereRef('c.article_id', '=', 'article.id')
        .orderBy('c.position'),
    ).as('credits')
}

type LinkFilter = { kind: 'topic' | 'author'; id: number; language: string | undefined }

/**
 * Topic and author pages start from their link table, which copies the publication time; the
 * article is joined for its status and language.
 *
 * On SQLite only the topic or author is compared in a form an index can take: the link table's
 * (id, published_at) index gives the newest first, and time, status and language are checked on
 * each row (perRow), since a bound value compared where an index with STAT4 samples could take
 * it makes the statement be prepared again at every run (ADR 036, 040).
 */
function linkedArticles(db: Kysely<Database>, filter: LinkFilter, nowMs: number) {
  const from =
    filter.kind === 'topic'
      ? db.selectFrom('article_topic as l').where('l.topic_id', '=', filter.id)
      : db.selectFrom('article_credit as l').where('l.author_id', '=', filter.id)
  return from
    .where(perRow<number>(db, 'l.published_at', 'number'), '<=', nowMs)
    .innerJoin('article', 'article.id', 'l.article_id')
    .where(perRow<string>(db, 'article.status', 'text'), '=', 'published')
    .$if(filter.language !== undefined, (q) =>
      q.where(perRow<string>(db, 'article.language', 'text'), '=', filter.language!),
    )
}

/** The same with each article's section, for what a list shows of it. */
function linkedBase(db: Kysely<Database>, filter: LinkFilter, nowMs: number) {
  return linkedArticles(db, filter, nowMs).innerJoin('section', 'section.id', 'article.section_id')
}

/** The article with its section, lead image, byline, corrections and topics, in one query. */
function articleQuery(db: Kysely<Database>, dialect: DialectName) {
  return db
    .selectFrom('article')
    .innerJoin('section', 'section.id', 'article.section_id')
    .leftJoin('image as li', 'li.id', 'article.lead_image_id')
    .selectAll('article')
    .select(['section.slug as section_slug', 'section.name as section_name'])
    .select(LEAD_IMAGE_COLUMNS)
    .select(creditsJson(dialect))
    .select((eb) =>
      jsonArrayFrom(dialect)(
        eb
          .selectFrom('article_correction as ac')
          .select(['ac.id', 'ac.at', 'ac.kind', 'ac.text'])
          .whereRef('ac.article_id', '=', 'article.id')
          .orderBy('ac.at'),
      ).as('corrections'),
    )
    .select((eb) =>
      jsonArrayFrom(dialect)(
        eb
          .selectFrom('article_topic as at')
          .innerJoin('topic', 'topic.id', 'at.topic_id')
          .select(['topic.id', 'topic.slug', 'topic.name', 'at.position'])
          .whereRef('at.article_id', '=', 'article.id')
          .orderBy('at.position'),
      ).as('topics'),
    )
}

export const articleBySlug = prepareRead(
  (dialect: DialectName) => dialect,
  (db: Kysely<Database>, dialect, v: { slug: string }) =>
    articleQuery(db, dialect).where('article.slug', '=', v.slug),
)

export const articleById = prepareRead(
  (dialect: DialectName) => dialect,
  (db: Kysely<Database>, dialect, v: { id: number }) =>
    articleQuery(db, dialect).where('article.id', '=', v.id),
)

/** A page of a list, one row more than asked; `id` is the section, topic or author. */
export const listRows = prepareRead(
  (shape: {
    kind: 'all' | 'section' | 'topic' | 'author'
    language: boolean
    limit: number
    offset: number
    dialect: DialectName
  }) => `${shape.kind}:${shape.language}:${shape.limit}:${shape.offset}:${shape.dialect}`,
  (db: Kysely<Database>, shape, v: { nowMs: number; id: number; language: string }) =>
    // A page of 20 rows of 20 columns: on SQLite as one JSON value, newest first (ADR 044).
    // The link table's publication time is the article's own, copied.
    jsonRows(db, shape.dialect, listPage(db, shape, v), SUMMARY_ROW_COLUMNS, NEWEST_FIRST),
)

const NEWEST_FIRST = [
  { column: 'published_at', desc: true },
  { column: 'id', desc: true },
] as const

function listPage(
  db: Kysely<Database>,
  shape: {
    kind: 'all' | 'section' | 'topic' | 'author'
    language: boolean
    limit: number
    offset: number
  },
  v: { nowMs: number; id: number; language: string },
) {
  const language = shape.language ? v.language : undefined
  // Topic and author lists start from their link table's (id, published_at) index, so a
  // page costs the same whatever the size of the archive.
  if (shape.kind === 'topic' || shape.kind === 'author') {
    return linkedBase(db, { kind: shape.kind, id: v.id, language }, v.nowMs)
      .leftJoin('image as li', 'li.id', 'article.lead_image_id')
      .select(SUMMARY_COLUMNS)
      .select(LEAD_IMAGE_COLUMNS)
      .orderBy('l.published_at', 'desc')
      .orderBy('l.article_id', 'desc')
      .limit(shape.limit)
      .offset(shape.offset)
  }
  return publishedBase(db, v.nowMs, language)
    .$if(shape.kind === 'section', (q) => q.where('article.section_id', '=', v.id))
    .leftJoin('image as li', 'li.id', 'article.lead_image_id')
    .select(SUMMARY_COLUMNS)
    .select(LEAD_IMAGE_COLUMNS)
    .orderBy('article.published_at', 'desc')
    .orderBy('article.id', 'desc')
    .limit(shape.limit)
    .offset(shape.offset)
}

/** The columns of `latestIds`, in the order of each row's array. */
export const LATEST_COLUMNS = ['id', 'section_id', 'published_at'] as const

/**
 * Every section's latest ids in one statement (each list keeps its own ORDER BY and LIMIT in a
 * derived table, as in relatedRows): with summaryRows and the bylines, three statements for the
 * home page however many sections it lists. Values: nowMs, language, s0…; the count per section
 * is in the shape, since a LIMIT is written into the text on SQLite (ADR 040).
 */
export const latestIds = prepareRead(
  (shape: { sections: number; language: boolean; perSection: number; dialect: DialectName }) =>
    `${shape.sections}:${shape.language}:${shape.perSection}:${shape.dialect}`,
  (db: Kysely<Database>, shape, v: Values & { nowMs: number }) => {
    const language = shape.language ? (v.language as string) : undefined
    const lists = slotList<number>(v, 's', shape.sections).map((id, i) =>
      db
        .selectFrom(
          publishedArticles(db, v.nowMs, language)
            .select(['article.id', 'article.section_id', 'article.published_at'])
            .where('article.section_id', '=', id)
            .orderBy('article.published_at', 'desc')
            .orderBy('article.id', 'desc')
            .limit(shape.perSection)
            .as(`s${i}`),
        )
        .select([`s${i}.id`, `s${i}.section_id`, `s${i}.published_at`]),
    )
    // On SQLite as one JSON value: id, section_id, published_at in each array (ADR 044).
    return jsonRows(
      db,
      shape.dialect,
      lists.slice(1).reduce((all, q) => all.unionAll(q), lists[0]!),
      LATEST_COLUMNS,
    )
  },
)

/**
 * Published, due articles among `n` ids (id0…), with their lead images, in no order. The ids
 * find the rows; on SQLite status and time are then checked on each row (perRow): an indexable
 * comparison with a bound value is estimated from STAT4's samples there, and such a statement
 * is prepared again at every run (~55 µs here, ADR 036, 040) for a plan that is always the
 * same: by primary key.
 */
function summariesAmong(db: Kysely<Database>, n: number, v: Values & { nowMs: number }) {
  return db
    .selectFrom('article')
    .innerJoin('section', 'section.id', 'article.section_id')
    .where(perRow<string>(db, 'article.status', 'text'), '=', 'published')
    .where(perRow<number>(db, 'article.published_at', 'number'), '<=', v.nowMs)
    .leftJoin('image as li', 'li.id', 'article.lead_image_id')
    .select(SUMMARY_COLUMNS)
    .select(LEAD_IMAGE_COLUMNS)
    .where('article.id', 'in', slotList<number>(v, 'id', n))
}

/** On SQLite as one JSON value, SUMMARY_ROW_COLUMNS in each array (ADR 044). */
export const summaryRows = prepareRead(
  (shape: { n: number; dialect: DialectName }) => `${shape.n}:${shape.dialect}`,
  (db: Kysely<Database>, shape, v: Values & { nowMs: number }) =>
    jsonRows(db, shape.dialect, summariesAmong(db, shape.n, v), SUMMARY_ROW_COLUMNS),
)

/** A list row's columns and then its byline. */
export const SUMMARY_CREDIT_COLUMNS = [...SUMMARY_ROW_COLUMNS, 'credits'] as const

/** The same with their bylines as JSON, last in each array: for a few rows, one query, not two. */
export const summaryRowsWithCredits = prepareRead(
  (shape: { n: number; dialect: DialectName }) => `${shape.n}:${shape.dialect}`,
  (db: Kysely<Database>, shape, v: Values & { nowMs: number }) =>
    jsonRows(
      db,
      shape.dialect,
      summariesAmong(db, shape.n, v).select(creditsJson(shape.dialect)),
      SUMMARY_CREDIT_COLUMNS,
    ),
)

/** The columns of a "Read more" candidate, as `relatedRows` gives them: one array per row. */
export const RELATED_COLUMNS = ['id', 'section_id', 'published_at', 'list'] as const

/**
 * "Read more" in one statement for every list (each topic's latest, then the section's): an
 * article page costs one round trip however many topics it has. Each list keeps its own ORDER
 * BY and LIMIT inside a derived table, which both dialects allow in a UNION. `list` numbers the
 * list a row came from; the section's is the last. Values: nowMs, id, sectionId, language,
 * topic0…; the count per list is in the shape (ADR 040).
 */
export const relatedRows = prepareRead(
  (shape: { topics: number; language: boolean; perList: number; dialect: DialectName }) =>
    `${shape.topics}:${shape.language}:${shape.perList}:${shape.dialect}`,
  (db: Kysely<Database>, shape, v: Values & { nowMs: number; id: number; sectionId: number }) => {
    const language = shape.language ? (v.language as string) : undefined
    const lists = [
      // Ids only: no section joined, which would be a lookup for each of the topics' rows.
      ...slotList<number>(v, 'topic', shape.topics).map((id) =>
        linkedArticles(db, { kind: 'topic', id, language }, v.nowMs)
          .select(['article.id', 'article.section_id', 'article.published_at'])
          .where('article.id', '!=', v.id)
          .orderBy('l.published_at', 'desc')
          .orderBy('l.article_id', 'desc')
          .limit(shape.perList),
      ),
      publishedArticles(db, v.nowMs, language)
        .select(['article.id', 'article.section_id', 'article.published_at'])
        .where('article.section_id', '=', v.sectionId)
        .where('article.id', '!=', v.id)
        .orderBy('article.published_at', 'desc')
        .orderBy('article.id', 'desc')
        .limit(SAME_SECTION_CANDIDATES),
    ].map((q, i) =>
      db
        .selectFrom(q.as(`list${i}`))
        .select([`list${i}.id`, `list${i}.section_id`, `list${i}.published_at`])
        .select(sql<number>`${sql.lit(i)}`.as('list')),
    )
    // 66 rows for two topics: on SQLite one JSON value, not 66 objects (ADR 044).
    return jsonRows(
      db,
      shape.dialect,
      lists.slice(1).reduce((all, q) => all.unionAll(q), lists[0]!),
      RELATED_COLUMNS,
    )
  },
)
