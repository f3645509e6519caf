import type { Kysely } from 'kysely'

// Frozen in time: this file must not import application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter.constructor.name === 'PostgresAdapter'
  const ref = pg ? 'bigint' : 'integer'
  // Translations (ADR 026): articles that tell the same story in different languages share a
  // group, named by the id of the first of them. Null: the article stands alone.
  await db.schema
    .alterTable('article')
    .addColumn('translation_group', ref, (c) => c)
    .execute()
  await db.schema
    .createIndex('article_translation_group')
    .on('article')
    .column('translation_group')
    .execute()
  // A section's or a topic's name in another language than the one it was made in. Reader pages
  // of that language show it; without a row, the stored name.
  await db.schema
    .createTable('taxonomy_name')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('item_id', ref, (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('taxonomy_name_pk', ['kind', 'item_id', 'language'])
    .execute()
  // Lists of one language edition, newest first.
  await db.schema
    .createIndex('article_language_published')
    .on('article')
    .columns(['language', 'status', 'published_at'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('article_language_published').execute()
  await db.schema.dropTable('taxonomy_name').execute()
  await db.schema.dropIndex('article_translation_group').execute()
  await db.schema.alterTable('article').dropColumn('translation_group').execute()
}
