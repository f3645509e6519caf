import type { Kysely } from 'kysely'

// Frozen in time: this file must not import application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter.constructor.name === 'PostgresAdapter'
  const ref = pg ? 'bigint' : 'integer'
  // The stories editors place on the home page and the section fronts, per edition (issue 15).
  await db.schema
    .createTable('front_pick')
    .addColumn('front', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('article_id', ref, (c) => c.notNull().references('article.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('front_pick_pk', ['front', 'language', 'position'])
    .execute()
  await db.schema.createIndex('front_pick_article').on('front_pick').column('article_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('front_pick').execute()
}
