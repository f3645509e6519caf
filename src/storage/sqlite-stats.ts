import type SQLite from 'better-sqlite3'

/**
 * The planner's statistics on SQLite, without STAT4's samples of unique indexes (ADR 036).
 *
 * better-sqlite3 builds SQLite with STAT4, so ANALYZE (and `PRAGMA optimize`, which runs it
 * when a table has changed enough) stores sample rows in `sqlite_stat4`. With samples the
 * planner estimates from the bound values themselves, and marks every statement whose plan
 * looked at one to be prepared again whenever that value is bound: each run of a cached
 * statement pays a full prepare. The article page's query (found by its unique slug) took 98-108
 * µs with samples and 22-36 µs without.
 *
 * Only the samples of unique indexes go. An equality on a unique key finds one row whatever the
 * value, so their samples decide nothing; the others do (a rare status, the few stories that
 * have a translation): dropping every sample made the newsroom's list of one language 80×
 * slower and the translations' lookup read the whole table. The plans of every statement the
 * tests run were compared: with unique samples dropped, three changed, each for the better.
 */

/**
 * Indexes led by the one section, topic or author a list is about (ADR 040). An equality on
 * that column is what picks them, since no other index starts with it; their samples only
 * estimate how many stories that section or topic has, and every statement that compares a
 * bound section, topic or author where one of them could serve was prepared again at every run
 * ("Read more", the topic, author and section lists).
 */
const LINK_LED = [
  'article_topic_topic',
  'article_credit_author',
  'article_section_published',
  'article_section_updated',
]

/** Runs ANALYZE's refresh as `pragma`/`exec` would, then drops the samples it stored. */
export function refreshStatistics(sqlite: SQLite.Database, how: 'optimize' | 'analyze'): void {
  if (how === 'optimize') sqlite.pragma('optimize = 0x10002')
  else sqlite.exec('ANALYZE')
  dropNeedlessSamples(sqlite)
}

/**
 * Deletes the samples of unique indexes (those of UNIQUE and PRIMARY KEY constraints and any
 * created unique) and of the indexes in LINK_LED, and has this connection reload the
 * statistics; says whether any were there.
 */
export function dropNeedlessSamples(sqlite: SQLite.Database): boolean {
  const table = sqlite
    .prepare("select 1 from sqlite_schema where type = 'table' and name = 'sqlite_stat4'")
    .get()
  if (!table) return false
  const { changes } = sqlite
    .prepare(
      `delete from sqlite_stat4 where idx in (
         select il.name from sqlite_schema t, pragma_index_list(t.name) il
         where t.type = 'table' and il."unique" = 1)
       or idx in (${LINK_LED.map(() => '?').join(', ')})`,
    )
    .run(...LINK_LED)
  if (changes === 0) return false
  // `ANALYZE sqlite_schema` analyses nothing: it reloads the statistics tables into the planner.
  sqlite.exec('analyze sqlite_schema')
  return true
}
