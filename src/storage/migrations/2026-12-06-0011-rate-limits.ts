import type { Kysely } from 'kysely'

// Frozen in time: this file must not import application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter.constructor.name === 'PostgresAdapter'
  // Request counts every instance shares (http/rate-limit.ts): one row per limit and address,
  // the address as a keyed hash, deleted once its window has ended.
  await db.schema
    .createTable('rate_limit')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('resets_at', pg ? 'bigint' : 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('rate_limit_resets_at').on('rate_limit').column('resets_at').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limit').execute()
}
