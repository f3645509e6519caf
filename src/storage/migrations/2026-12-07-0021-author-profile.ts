import type { Kysely } from 'kysely'

// Frozen in time: this file must not import application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter.constructor.name === 'PostgresAdapter'
  const ref = pg ? 'bigint' : 'integer'
  // An author's page shows a photo from the library; deleting the photo leaves the author.
  await db.schema
    .alterTable('author')
    .addColumn('image_id', ref, (c) => c.references('image.id').onDelete('set null'))
    .execute()
  // Their own addresses elsewhere (a website, a social profile), as a JSON list of
  // {url, label}: shown on the author page and as `sameAs` in its structured data.
  await db.schema
    .alterTable('author')
    .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('author').dropColumn('links').execute()
  await db.schema.alterTable('author').dropColumn('image_id').execute()
}
