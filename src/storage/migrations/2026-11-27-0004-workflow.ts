import type { Kysely } from 'kysely'
import { sql } from 'kysely'

// Frozen in time: this file must not import application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter.constructor.name === 'PostgresAdapter'
  const time = pg ? 'bigint' : 'integer'
  const ref = pg ? 'bigint' : 'integer'
  const id = pg ? 'bigserial' : 'integer'

  // When a published article comes down by itself (embargo, takedown).
  await db.schema.alterTable('article').addColumn('unpublish_at', time).execute()
  // The scheduler asks for the next takedown after every save: an index, not a table scan.
  await db.schema
    .createIndex('article_status_unpublish')
    .on('article')
    .columns(['status', 'unpublish_at'])
    .execute()
  // The admin's list filtered by section, newest edits first.
  await db.schema
    .createIndex('article_section_updated')
    .on('article')
    .columns(['section_id', 'updated_at', 'id'])
    .execute()

  // Every save, whole: enough to show a diff and to restore any version.
  await db.schema
    .createTable('article_revision')
    .addColumn('id', id, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('article_id', ref, (c) => c.notNull().references('article.id').onDelete('cascade'))
    .addColumn('saved_at', time, (c) => c.notNull())
    .addColumn('staff_id', ref, (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('article_revision_article')
    .on('article_revision')
    .columns(['article_id', 'id'])
    .execute()

  // Corrections and updates appended to a published article, shown to readers with their time.
  await db.schema
    .createTable('article_correction')
    .addColumn('id', id, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('article_id', ref, (c) => c.notNull().references('article.id').onDelete('cascade'))
    .addColumn('at', time, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('correction', 'update')`))
    .addColumn('text', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('article_correction_article')
    .on('article_correction')
    .columns(['article_id', 'at'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('article_correction').execute()
  await db.schema.dropTable('article_revision').execute()
  await db.schema.dropIndex('article_section_updated').execute()
  await db.schema.dropIndex('article_status_unpublish').execute()
  await db.schema.alterTable('article').dropColumn('unpublish_at').execute()
}
