import { type Kysely, sql } from 'kysely'
import type { Database, DialectName } from '../../storage/index.js'
import { bodyText } from '../body.js'
import { searchDocument } from '../search-text.js'

// The search index (ADR 024): one row per published or scheduled article in `article_search`
// (language, section, publication time and the body as text for snippets) and its stemmed terms:
// an FTS5 table on SQLite, tsvector columns with a GIN index on PostgreSQL. The tables are not in
// storage/schema.ts: every query here is the dialect's own SQL.

/** What a reader asked for, as terms (content/search-text.ts) and filters. */
export interface IndexQuery {
  /** Stemmed terms; every one must be in the article. Never empty. */
  terms: string[]
  language: string
  sectionId?: number | undefined
  topicId?: number | undefined
  /** Published at or after. */
  from?: Date | undefined
  /** Published before. */
  before?: Date | undefined
  /** Articles published after this are not shown yet (scheduled ones wait in the index). */
  now: Date
  limit: number
  offset: number
}

export interface IndexHit {
  articleId: number
  /** The body as text, for the snippet. */
  text: string
}

/** Searching the index, and building it again from the articles. */
export interface SearchIndex {
  /**
   * The page of matching visible articles, best first: the headline holds every term, then the
   * headline with the standfirst, byline and topics do, then the rest; newer first within each.
   */
  searchArticles(q: IndexQuery): Promise<{ total: number; hits: IndexHit[] }>
  /** Indexes every article again, in batches; `progress` hears after each. Returns the count. */
  rebuildSearchIndex(progress?: (done: number, total: number) => void): Promise<number>
}

export function createSearchIndex(db: Kysely<Database>, dialect: DialectName): SearchIndex {
  const pg = dialect === 'postgres'
  return {
    async searchArticles(q) {
      if (q.terms.length === 0) return { total: 0, hits: [] }
      const ranked = async (offset: number, limit: number) =>
        (pg ? pgRanked(db, q, offset, limit) : sqliteRanked(db, q, offset, limit)).then((r) =>
          r.map((row) => ({ id: Number(row.id), total: Number(row.total) })),
        )
      let rows = await ranked(q.offset, q.limit)
      // Past the last page the window has no row to count on: ask for the total alone.
      const total = rows[0]?.total ?? (q.offset > 0 ? ((await ranked(0, 1))[0]?.total ?? 0) : 0)
      if (rows.length === 0) return { total, hits: [] }
      const ids = rows.map((r) => r.id)
      const { rows: texts } = await sql<{ article_id: number | string; plain: string }>`
        select article_id, plain from article_search where article_id in (${sql.join(ids)})`.execute(
        db,
      )
      const byId = new Map(texts.map((t) => [Number(t.article_id), t.plain]))
      rows = rows.filter((r) => byId.has(r.id))
      return { total, hits: rows.map((r) => ({ articleId: r.id, text: byId.get(r.id)! })) }
    },

    async rebuildSearchIndex(progress) {
      const all = await db.selectFrom('article').select('id').orderBy('id').execute()
      const ids = all.map((r) => r.id)
      for (let i = 0; i < ids.length; i += 500) {
        const batch = ids.slice(i, i + 500)
        await db.transaction().execute((tx) => reindexBatch(tx, batch))
        progress?.(Math.min(i + 500, ids.length), ids.length)
      }
      // After a bulk load FTS5 answers faster with its segments merged into one.
      if (!pg)
        await sql`insert into article_search_fts (article_search_fts) values ('optimize')`.execute(
          db,
        )
      return ids.length
    },
  }
}

type Ranked = { id: number | string; total: number | string }

/** `"a" "b"`: every term, each a quoted string of letters and digits (no FTS5 syntax left). */
function ftsTerms(terms: string[]): string {
  return terms.map((t) => `"${t.replace(/[^\p{L}\p{N}]/gu, '')}"`).join(' AND ')
}

async function sqliteRanked(db: Kysely<Database>, q: IndexQuery, offset: number, limit: number) {
  const all = ftsTerms(q.terms)
  const r = await sql<Ranked>`
    select s.article_id as id, count(*) over () as total
    from article_search_fts f
    join article_search s on s.article_id = f.rowid
    where article_search_fts match ${all} ${filters(q)}
    order by
      case
        when s.article_id in (select rowid from article_search_fts
          where article_search_fts match ${`{head} : (${all})`}) then 2
        when s.article_id in (select rowid from article_search_fts
          where article_search_fts match ${`{head lead} : (${all})`}) then 1
        else 0
      end desc,
      s.published_at desc, s.article_id desc
    limit ${limit} offset ${offset}`.execute(db)
  return r.rows
}

async function pgRanked(db: Kysely<Database>, q: IndexQuery, offset: number, limit: number) {
  // Terms are letters and digits only; quoted lexemes joined by & make the tsquery, with no
  // parser or dictionary between them and the index.
  const tsq = q.terms.map((t) => `'${t.replace(/[^\p{L}\p{N}]/gu, '')}'`).join(' & ')
  const r = await sql<Ranked>`
    select s.article_id as id, count(*) over () as total
    from article_search s
    where s.doc @@ ${tsq}::tsquery ${filters(q)}
    order by
      case when s.head @@ ${tsq}::tsquery then 2 when s.lead @@ ${tsq}::tsquery then 1 else 0 end desc,
      s.published_at desc, s.article_id desc
    limit ${limit} offset ${offset}`.execute(db)
  return r.rows
}

function filters(q: IndexQuery) {
  const parts = [sql`and s.language = ${q.language} and s.published_at <= ${q.now.getTime()}`]
  if (q.sectionId !== undefined) parts.push(sql`and s.section_id = ${q.sectionId}`)
  if (q.from) parts.push(sql`and s.published_at >= ${q.from.getTime()}`)
  if (q.before) parts.push(sql`and s.published_at < ${q.before.getTime()}`)
  if (q.topicId !== undefined) {
    parts.push(
      sql`and exists (select 1 from article_topic t
        where t.article_id = s.article_id and t.topic_id = ${q.topicId})`,
    )
  }
  return sql.join(parts, sql` `)
}

/**
 * Brings the index rows of `ids` in line with the articles as they are in `tx`: called inside
 * the transaction that changed them, so a story taken down leaves search in the same commit.
 * Articles that readers can see now or later (published, scheduled) are indexed; others not.
 */
export async function reindexArticles(tx: Kysely<Database>, ids: number[]): Promise<void> {
  // A topic renamed on 50,000 stories: batches keep each statement under the parameter limits.
  for (let i = 0; i < ids.length; i += 500) await reindexBatch(tx, ids.slice(i, i + 500))
}

async function reindexBatch(tx: Kysely<Database>, ids: number[]): Promise<void> {
  if (ids.length === 0) return
  // Read off the connection, so the repositories that call this need not be told the dialect.
  const pg = tx.getExecutor().adapter.constructor.name === 'PostgresAdapter'
  if (!pg) await sql`delete from article_search_fts where rowid in (${sql.join(ids)})`.execute(tx)
  await sql`delete from article_search where article_id in (${sql.join(ids)})`.execute(tx)
  const articles = await tx
    .selectFrom('article')
    .select([
      'id',
      'headline',
      'kicker',
      'standfirst',
      'body',
      'language',
      'section_id',
      'published_at',
    ])
    .where('id', 'in', ids)
    .where('status', 'in', ['published', 'scheduled'])
    .where('published_at', 'is not', null)
    .execute()
  if (articles.length === 0) return
  const found = articles.map((a) => a.id)
  const names = await tx
    .selectFrom('article_credit as c')
    .leftJoin('author as au', 'au.id', 'c.author_id')
    .leftJoin('agency as ag', 'ag.id', 'c.agency_id')
    .select(['c.article_id', 'c.name', 'au.name as author', 'ag.name as agency'])
    .where('c.article_id', 'in', found)
    .execute()
  const topics = await tx
    .selectFrom('article_topic as at')
    .innerJoin('topic as t', 't.id', 'at.topic_id')
    .select(['at.article_id', 't.name'])
    .where('at.article_id', 'in', found)
    .execute()
  for (const a of articles) {
    const text = bodyText(a.body)
    const doc = searchDocument({
      headline: a.headline,
      kicker: a.kicker,
      standfirst: a.standfirst,
      names: names
        .filter((n) => n.article_id === a.id)
        .map((n) => n.author ?? n.agency ?? n.name ?? ''),
      topics: topics.filter((t) => t.article_id === a.id).map((t) => t.name),
      text,
    })
    if (pg) {
      // Positions are not needed (no phrase queries): plain lexeme sets, small and quick to test.
      const lead = [...doc.head, ...doc.lead]
      await sql`insert into article_search
          (article_id, language, section_id, published_at, plain, head, lead, doc)
        values (${a.id}, ${a.language}, ${a.section_id}, ${a.published_at}, ${text},
          array_to_tsvector(${unique(doc.head)}::text[]),
          array_to_tsvector(${unique(lead)}::text[]),
          array_to_tsvector(${unique([...lead, ...doc.body])}::text[]))`.execute(tx)
    } else {
      await sql`insert into article_search (article_id, language, section_id, published_at, plain)
        values (${a.id}, ${a.language}, ${a.section_id}, ${a.published_at}, ${text})`.execute(tx)
      const [head, lead, body] = [doc.head, doc.lead, doc.body].map((t) => t.join(' '))
      await sql`insert into article_search_fts (rowid, head, lead, body)
        values (${a.id}, ${head}, ${lead}, ${body})`.execute(tx)
    }
  }
}

function unique(terms: string[]): string[] {
  return [...new Set(terms)]
}
