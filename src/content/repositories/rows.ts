import { type Kysely, type Selectable, sql } from 'kysely'
import {
  type Database,
  type DialectName,
  type ImageTable,
  jsonRows,
  listValues,
  onSqlite,
  parseJsonRows,
  prepareRead,
  slotList,
} from '../../storage/index.js'
import type { ArticleSummary, Credit, Image } from '../article.js'

/**
 * What the repository parts share: the columns a list selects, the base of every "published and
 * due" query, and the mappers from rows to domain types. Queries here take the database handle
 * they run on, so each part can use them without knowing the others.
 */

export const SUMMARY_COLUMNS = [
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
export const LEAD_IMAGE_COLUMNS = [
  'li.storage_key as li_storage_key',
  'li.alt as li_alt',
  'li.caption as li_caption',
  'li.credit as li_credit',
  'li.width as li_width',
  'li.height as li_height',
  'li.widths as li_widths',
] as const

export const CREDIT_COLUMNS = [
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

export interface CreditJson {
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

export interface LeadImageRow {
  lead_image_id: number | null
  li_storage_key: string | null
  li_alt: string | null
  li_caption: string | null
  li_credit: string | null
  li_width: number | null
  li_height: number | null
  li_widths: string | null
}

export type SummaryRow = LeadImageRow & {
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

/**
 * Articles readers may see at `now`: published, and their publication time has come; with
 * `language`, in that language only (a language edition's lists). Their sections are joined,
 * for what a list shows of them.
 */
export function publishedBase(db: Kysely<Database>, now: Date | number, language?: string) {
  return publishedArticles(db, now, language).innerJoin(
    'section',
    'section.id',
    'article.section_id',
  )
}

/**
 * The same articles alone: for lists of ids, which need nothing of the section.
 *
 * On SQLite the status is a constant written into the text and the time is checked on each row,
 * so the (status, published_at) and (section_id, status, published_at) indexes still give the
 * newest first and no bound value is compared where an index with STAT4 samples could take it
 * (ADR 040). PostgreSQL keeps the plain comparisons.
 */
export function publishedArticles(db: Kysely<Database>, now: Date | number, language?: string) {
  // `now` is epoch ms, or a prepared read's stand-in for it (src/storage/prepared.ts).
  return db
    .selectFrom('article')
    .where('article.status', '=', publishedStatus(db))
    .where(
      perRow(db, 'article.published_at', 'number'),
      '<=',
      now instanceof Date ? now.getTime() : now,
    )
    .$if(language !== undefined, (q) => q.where('article.language', '=', language!))
}

/** The status readers see: written into the text on SQLite (ADR 040), a value elsewhere. */
export function publishedStatus(db: Kysely<Database>) {
  return onSqlite(db) ? sql.lit('published' as const) : ('published' as const)
}

/**
 * A column checked on each row rather than through an index, on SQLite only (ADR 040): there a
 * bound value compared where an index with STAT4 samples could take it makes the statement be
 * prepared again at every run. `+ 0` and `|| ''` keep every value, NULL included, as it is.
 * PostgreSQL plans a named statement once either way and needs the plain column to estimate
 * from: written so there, a topic's list joined every article (0.13 ms became 37 ms).
 */
export function perRow<T extends number | string>(
  db: Kysely<Database>,
  column: string,
  kind: T extends number ? 'number' : 'text',
) {
  if (!onSqlite(db)) return sql<T>`${sql.ref(column)}`
  return kind === 'number' ? sql<T>`${sql.ref(column)} + 0` : sql<T>`${sql.ref(column)} || ''`
}

/** The name a selection gives its column: the alias after ` as `, else the column's own name. */
type OutputName<S extends string> = S extends `${string} as ${infer A}`
  ? A
  : S extends `${string}.${infer C}`
    ? C
    : S

/**
 * The names of a selection's columns, in its order: the order of each array when rows come as
 * one JSON value (ADR 044). Read off the selection, so the two cannot drift apart.
 */
function outputNames<const S extends readonly string[]>(
  selection: S,
): { -readonly [K in keyof S]: OutputName<S[K]> } {
  return selection.map((c) => {
    const alias = c.indexOf(' as ')
    return alias >= 0 ? c.slice(alias + 4) : c.slice(c.indexOf('.') + 1)
  }) as { -readonly [K in keyof S]: OutputName<S[K]> }
}

/** A byline row's columns, in the order of each array of `creditRows`. */
export const CREDIT_ROW_COLUMNS = outputNames(['c.article_id', ...CREDIT_COLUMNS] as const)

/** The byline rows of `n` articles, by id then position; on SQLite as one JSON value. */
const creditRows = prepareRead(
  (shape: { n: number; dialect: DialectName }) => `${shape.n}:${shape.dialect}`,
  (db: Kysely<Database>, shape, v: Record<string, number>) =>
    jsonRows(
      db,
      shape.dialect,
      db
        .selectFrom('article_credit as c')
        .leftJoin('author as au', 'au.id', 'c.author_id')
        .leftJoin('agency as ag', 'ag.id', 'c.agency_id')
        .select(['c.article_id', ...CREDIT_COLUMNS])
        .where('c.article_id', 'in', slotList<number>(v, 'id', shape.n)),
      CREDIT_ROW_COLUMNS,
      [{ column: 'article_id' }, { column: 'position' }],
    ),
)

/** A byline row from its array in CREDIT_ROW_COLUMNS' order. */
export function creditRowOf(a: readonly unknown[]): CreditJson & { article_id: number } {
  return {
    article_id: Number(a[0]),
    position: Number(a[1]),
    kind: a[2] as CreditJson['kind'],
    name: a[3] as string | null,
    author_id: a[4] === null ? null : Number(a[4]),
    author_slug: a[5] as string | null,
    author_name: a[6] as string | null,
    agency_id: a[7] === null ? null : Number(a[7]),
    agency_slug: a[8] as string | null,
    agency_name: a[9] as string | null,
    agency_url: a[10] as string | null,
  }
}

/** Bylines of many articles in one query (a JSON subquery per row is slower on SQLite). */
export async function creditsFor(
  db: Kysely<Database>,
  articleIds: readonly number[],
): Promise<Map<number, Credit[]>> {
  const out = new Map<number, Credit[]>()
  if (articleIds.length === 0) return out
  const found = await creditRows(
    db,
    { n: articleIds.length, dialect: onSqlite(db) ? 'sqlite' : 'postgres' },
    listValues('id', articleIds),
  )
  for (const r of parseJsonRows(found, CREDIT_ROW_COLUMNS).map(creditRowOf)) {
    const credit = toCredit(r)
    if (!credit) continue
    const list = out.get(r.article_id)
    if (list) list.push(credit)
    else out.set(r.article_id, [credit])
  }
  return out
}

/** List rows with their bylines, in the rows' order. */
export async function toSummaries(
  db: Kysely<Database>,
  rows: SummaryRow[],
): Promise<ArticleSummary[]> {
  const credits = await creditsFor(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((r) => toSummary(r, credits.get(r.id) ?? []))
}

/**
 * A list row as a summary, with the byline the caller brings. Built whole in one literal: on
 * Node 20, a spread copy given one more property costs a microsecond (ADR 039).
 */
export function toSummary(r: SummaryRow, credits: Credit[]): ArticleSummary {
  return {
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
    credits,
  }
}

/** A list row's columns as SUMMARY_COLUMNS and LEAD_IMAGE_COLUMNS name them, in their order. */
export const SUMMARY_ROW_COLUMNS = outputNames([
  ...SUMMARY_COLUMNS,
  ...LEAD_IMAGE_COLUMNS,
] as const) satisfies readonly (keyof SummaryRow)[]

/** A list row from its array in SUMMARY_ROW_COLUMNS' order, built whole in one literal. */
export function summaryRowOf(a: readonly unknown[]): SummaryRow {
  return {
    id: Number(a[0]),
    slug: a[1] as string,
    kicker: a[2] as string | null,
    headline: a[3] as string,
    summary: a[4] as string,
    word_count: Number(a[5]),
    language: a[6] as string,
    lead_image_id: a[7] === null ? null : Number(a[7]),
    published_at: a[8] === null ? null : Number(a[8]),
    updated_at: Number(a[9]),
    section_id: Number(a[10]),
    section_slug: a[11] as string,
    section_name: a[12] as string,
    li_storage_key: a[13] as string | null,
    li_alt: a[14] as string | null,
    li_caption: a[15] as string | null,
    li_credit: a[16] as string | null,
    li_width: a[17] === null ? null : Number(a[17]),
    li_height: a[18] === null ? null : Number(a[18]),
    li_widths: a[19] as string | null,
  }
}

/** SQLite hands JSON back as text, PostgreSQL as values. */
export function parseJsonArray<T>(v: unknown): T[] {
  if (typeof v === 'string') return JSON.parse(v) as T[]
  return Array.isArray(v) ? (v as T[]) : []
}

export function toCredits(raw: unknown): Credit[] {
  return parseJsonArray<CreditJson>(raw)
    .sort((x, y) => x.position - y.position)
    .flatMap((r) => toCredit(r) ?? [])
}

/** One byline row as a credit; null when what it names is gone (a deleted author or agency). */
export function toCredit(r: CreditJson): Credit | null {
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

export function leadImageOf(r: LeadImageRow): Image | null {
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

/** An image row; widths that do not parse fall back to the original's own width. */
export function toImage(r: Selectable<ImageTable>): Image {
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

/** A LIKE pattern matching `text` anywhere, lower-cased, with its wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}
