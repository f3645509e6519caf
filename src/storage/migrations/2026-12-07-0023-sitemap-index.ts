import { type Kysely, sql } from 'kysely'

// Frozen in time: this file must not import application code.

// The sitemaps walk every published article in publication order and need only what an
// address is made of. Read through the row, each entry costs a visit to the article's page,
// body and all: 10,000 entries read most of the table (at 10,000 articles, 82 ms a sitemap page
// on SQLite, 24 ms from this index). The index holds those columns, so the walk never leaves it.
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter.constructor.name === 'PostgresAdapter'
  if (pg) {
    // INCLUDE: the key stays (status, published_at, id), the rest rides along in the leaves.
    await sql`create index article_sitemap on article (status, published_at, id)
      include (section_id, slug, language, translation_group, updated_at)`.execute(db)
    return
  }
  await sql`create index article_sitemap on article
    (status, published_at, id, section_id, slug, language, translation_group, updated_at)`.execute(
    db,
  )
  // A database the planner already has statistics for gets this index's too; without them
  // SQLite guesses its selectivity until the next ANALYZE. A new database has none yet, and
  // the statistics taken when it is opened cover every index at once.
  const analysed = await sql<{ n: number }>`
    select count(*) as n from sqlite_schema where type = 'table' and name = 'sqlite_stat1'`.execute(
    db,
  )
  if (Number(analysed.rows[0]?.n ?? 0) > 0) await sql`analyze article_sitemap`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('article_sitemap').execute()
}
