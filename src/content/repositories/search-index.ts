import { type Kysely, sql } from 'kysely'
import { type Database, type DialectName, onSqlite } from '../../storage/index.js'
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
  searchArticles(q: IndexQuery): Promise<{
    /** Matches, counted up to COUNTED_MATCHES. */
    total: number
    /** More matched than were counted. */
    more: boolean
    hits: IndexHit[]
  }>
  /** Indexes every article again, in batches; `progress` hears after each. Returns the count. */
  rebuildSearchIndex(progress?: (done: number, total: number) => void): Promise<number>
}

export function createSearchIndex(db: Kysely<Database>, dialect: DialectName): SearchIndex {
  const pg = dialect === 'postgres'
  return {
    async searchArticles(q) {
      if (q.terms.length === 0) return { total: 0, more: false, hits: [] }
      const ranked = await rankedIds(db, pg, q, q.offset + q.limit)
      const ids = ranked.ids.slice(q.offset)
      const { total, more } = ranked
      if (ids.length === 0) return { total, more, hits: [] }
      const { rows: texts } = await sql<{ article_id: number | string; plain: string }>`
        select article_id, plain from article_search where article_id in (${sql.join(ids)})`.execute(
        db,
      )
      const byId = new Map(texts.map((t) => [Number(t.article_id), t.plain]))
      const hits = ids.flatMap((id) =>
        byId.has(id) ? [{ articleId: id, text: byId.get(id)! }] : [],
      )
      return { total, more, hits }
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

/** Matches are counted up to this many; pages stop there too (the use case's last page). */
export const COUNTED_MATCHES = 1000

/**
 * The first `need` matching ids, best first. Each tier (headline; headline and lead; anywhere)
 * is read newest first up to `need`, so the work is bounded by the page, not by how many
 * stories hold a common word: a small tier is sorted whole, a large one read off the
 * (language, published_at) index until enough rows matched.
 */
async function rankedIds(db: Kysely<Database>, pg: boolean, q: IndexQuery, need: number) {
  const clean = q.terms.map((t) => t.replace(/[^\p{L}\p{N}]/gu, '')).filter(Boolean)
  // Terms are letters and digits only: quoted, they are no query syntax in either language.
  const fts = clean.map((t) => `"${t}"`).join(' AND ')
  const tsq = clean.map((t) => `'${t}'`).join(' & ')
  const where = (tier: 0 | 1 | 2) =>
    pg
      ? sql`${sql.ref(`s.${['doc', 'lead', 'head'][tier]}`)} @@ ${tsq}::tsquery`
      : sql`s.article_id in (select rowid from article_search_fts where article_search_fts match ${
          [fts, `{head lead} : (${fts})`, `{head} : (${fts})`][tier]
        })`
  const count = async (tier: 0 | 1 | 2) => {
    const query = (on: Kysely<Database>) =>
      sql<{ n: number | string }>`select count(*) as n from (
        select 1 from article_search s where ${where(tier)} ${filters(q)}
        limit ${COUNTED_MATCHES + 1}) c`.execute(on)
    // PostgreSQL prices `doc @@ q` as cheap and, with a LIMIT, reads rows in table order,
    // unpacking every row's terms (3-10× slower than the GIN index for a common word). For
    // this one statement it is told to use the index.
    const r = pg
      ? await db.transaction().execute(async (tx) => {
          await sql`set local enable_seqscan = off`.execute(tx)
          return query(tx)
        })
      : await query(db)
    return Number(r.rows[0]?.n ?? 0)
  }
  const read = async (tier: 0 | 1 | 2, n: number) => {
    // SQLite would start from the matches and sort them all; past COUNTED_MATCHES it is told
    // to walk the index newest first instead, which stops after `need` rows.
    const walk = !pg && n > COUNTED_MATCHES ? sql`indexed by article_search_lang_time` : sql``
    const r = await sql<{ id: number | string }>`select s.article_id as id
      from article_search s ${walk} where ${where(tier)} ${filters(q)}
      order by s.published_at desc, s.article_id desc limit ${need}`.execute(db)
    return r.rows.map((row) => Number(row.id))
  }
  const all = await count(0)
  const ids: number[] = []
  const seen = new Set<number>()
  for (const tier of [2, 1, 0] as const) {
    if (ids.length >= need || all === 0) break
    // PostgreSQL reads a tier by its index whatever its size (the count only picks SQLite's
    // walk), and an empty tier reads nothing: no count of its own there.
    const n = tier === 0 || pg ? all : await count(tier)
    if (n === 0) continue
    for (const id of await read(tier, n)) {
      if (!seen.has(id) && ids.length < need) {
        seen.add(id)
        ids.push(id)
      }
    }
  }
  return { ids, total: Math.min(all, COUNTED_MATCHES), more: all > COUNTED_MATCHES }
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
  const pg = !onSqlite(tx)
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
