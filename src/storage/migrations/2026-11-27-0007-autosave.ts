import type { Kysely } from 'kysely'

// Frozen in time: this file must not import application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter.constructor.name === 'PostgresAdapter'
  // The editor's latest unsaved text, kept on the server too: a lost laptop loses no words.
  // One row per article; a real save removes it.
  await db.schema
    .createTable('article_autosave')
    .addColumn('article_id', pg ? 'bigint' : 'integer', (c) =>
      c.primaryKey().references('article.id').onDelete('cascade'),
    )
    .addColumn('staff_id', pg ? 'bigint' : 'integer', (c) =>
      c.references('staff.id').onDelete('set null'),
    )
    .addColumn('saved_at', pg ? 'bigint' : 'integer', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('article_autosave').execute()
}
