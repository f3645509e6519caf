import { type Kysely, sql } from 'kysely'
import type SanitizeHtml from 'sanitize-html'
import snowball from 'snowball-stemmers'

// Frozen in time: this file must not import application code. It carries its own copy of the
// search terms as content/search-text.ts wrote them on this day (ADR 024), to fill the index
// for the articles that exist; a test checks both copies index alike.

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter.constructor.name === 'PostgresAdapter'
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db)
  if (pg) {
    await sql`create table article_search (
      article_id bigint primary key references article(id) on delete cascade,
      language text not null,
      section_id bigint not null,
      published_at bigint not null,
      plain text not null,
      head tsvector not null,
      lead tsvector not null,
      doc tsvector not null)`.execute(db)
    // One GIN index per tier: ranking asks which matches hold the words in the headline (or the
    // headline and lead) without reading every match.
    for (const col of ['doc', 'lead', 'head'])
      await sql`create index ${sql.raw(`article_search_${col}`)} on article_search using gin (${sql.ref(col)})`.execute(
        db,
      )
  } else {
    await sql`create table article_search (
      article_id integer primary key references article(id) on delete cascade,
      language text not null,
      section_id integer not null,
      published_at integer not null,
      plain text not null)`.execute(db)
    // Terms arrive stemmed and space-separated: the ascii tokenizer splits on spaces only.
    await sql`create virtual table article_search_fts using fts5(
      head, lead, body, tokenize = 'ascii', detail = 'column',
      content = '', contentless_delete = 1)`.execute(db)
    // A deleted article leaves the terms table too (the plain table cascades).
    await sql`create trigger article_search_gone after delete on article_search begin
      delete from article_search_fts where rowid = old.article_id; end`.execute(db)
  }
  // Newest first per language; the section rides along so a section filter reads no row.
  await sql`create index article_search_lang_time
    on article_search (language, published_at, section_id)`.execute(db)
  await backfill(db, pg)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) await sql`drop table article_search_fts`.execute(db)
  await sql`drop table article_search`.execute(db)
}

const english = snowball.newStemmer('english')
const russian = snowball.newStemmer('russian')
const STOP = new Set(
  (
    'a an and are as at be by for from has have in is it its of on or that the this to was were ' +
    'will with и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по ' +
    'ее мне было вот от меня о из ему теперь когда даже ну ли если уже или ни быть был него до ' +
    'вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы'
  ).split(' '),
)

function terms(text: string): string[] {
  const out: string[] = []
  for (const m of text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = m[0]
    if (w.length > 40 || STOP.has(w)) continue
    out.push(/[\u0400-\u04ff]/.test(w) ? russian.stem(w) : /^[a-z]+$/.test(w) ? english.stem(w) : w)
  }
  return out
}

function plainText(sanitizeHtml: typeof SanitizeHtml, html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|h[2-4]|li|blockquote|figcaption|td|th)>/g, ' $&'), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
}

interface Row {
  id: number | string
  headline: string
  kicker: string | null
  standfirst: string | null
  body: string
  language: string
  section_id: number | string
  published_at: number | string
}

/** Indexes every published or scheduled article; exported for the test that compares it with the app. */
export async function backfill(db: Kysely<unknown>, pg: boolean) {
  // Loaded when the backfill runs (2026-12-07): a static import of an external package is
  // hoisted to the start of the server bundle, and this one cost ~70 ms of every cold start.
  const { default: sanitizeHtml } = await import('sanitize-html')
  for (let last = 0; ;) {
    const { rows } = await sql<Row>`
      select id, headline, kicker, standfirst, body, language, section_id, published_at
      from article where id > ${last} and status in ('published', 'scheduled')
        and published_at is not null
      order by id limit 500`.execute(db)
    if (rows.length === 0) return
    last = Number(rows[rows.length - 1]!.id)
    const ids = rows.map((r) => Number(r.id))
    const names = await sql<{ article_id: number | string; name: string }>`
      select c.article_id, coalesce(au.name, ag.name, c.name, '') as name from article_credit c
      left join author au on au.id = c.author_id left join agency ag on ag.id = c.agency_id
      where c.article_id in (${sql.join(ids)})
      union all
      select at.article_id, t.name from article_topic at join topic t on t.id = at.topic_id
      where at.article_id in (${sql.join(ids)})`.execute(db)
    for (const r of rows) {
      const text = plainText(sanitizeHtml, r.body)
      const extra = names.rows.filter((n) => Number(n.article_id) === Number(r.id))
      const head = terms(r.headline)
      const lead = terms(
        [r.kicker ?? '', r.standfirst ?? '', ...extra.map((n) => n.name)].join(' \n '),
      )
      const body = terms(text)
      const at = Number(r.published_at)
      if (pg) {
        const u = (t: string[]) => [...new Set(t)]
        await sql`insert into article_search
            (article_id, language, section_id, published_at, plain, head, lead, doc)
          values (${r.id}, ${r.language}, ${r.section_id}, ${at}, ${text},
            array_to_tsvector(${u(head)}::text[]), array_to_tsvector(${u([...head, ...lead])}::text[]),
            array_to_tsvector(${u([...head, ...lead, ...body])}::text[]))`.execute(db)
      } else {
        await sql`insert into article_search (article_id, language, section_id, published_at, plain)
          values (${r.id}, ${r.language}, ${r.section_id}, ${at}, ${text})`.execute(db)
        await sql`insert into article_search_fts (rowid, head, lead, body)
          values (${r.id}, ${head.join(' ')}, ${lead.join(' ')}, ${body.join(' ')})`.execute(db)
      }
    }
  }
}
