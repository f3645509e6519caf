import type SQLite from 'better-sqlite3'

/**
 * The planner's statistics on SQLite, without STAT4's samples (ADR 036).
 *
 * better-sqlite3 builds SQLite with STAT4, so ANALYZE (and `PRAGMA optimize`, which runs it
 * when a table has changed enough) also stores sample rows in `sqlite_stat4`. With samples the
 * planner estimates ranges from the bound values themselves, and marks every statement whose
 * plan looked at one to be prepared again whenever that value is bound: each run of a cached
 * statement paid a full prepare. Measured on 10,000 articles: the article's query 105 µs with
 * samples, 26 µs without; "Read more" 171 against 143; a list of summaries 96 against 41. Our
 * reads go through indexes chosen by their equality columns, where sqlite_stat1's averages
 * plan the same; SQLite's own default build has no STAT4 at all.
 */

/** Runs ANALYZE's refresh as `pragma`/`exec` would, then drops the samples it stored. */
export function refreshStatistics(sqlite: SQLite.Database, how: 'optimize' | 'analyze'): void {
  if (how === 'optimize') sqlite.pragma('optimize = 0x10002')
  else sqlite.exec('ANALYZE')
  dropSamples(sqlite)
}

/** Empties sqlite_stat4 and has this connection reload the statistics without them. */
export function dropSamples(sqlite: SQLite.Database): boolean {
  const table = sqlite
    .prepare("select 1 from sqlite_schema where type = 'table' and name = 'sqlite_stat4'")
    .get()
  if (!table || !sqlite.prepare('select 1 from sqlite_stat4 limit 1').get()) return false
  // `ANALYZE sqlite_schema` analyses nothing: it reloads the statistics tables into the planner.
  sqlite.exec('delete from sqlite_stat4; analyze sqlite_schema')
  return true
}
