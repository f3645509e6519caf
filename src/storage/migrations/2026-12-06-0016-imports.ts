import type { Kysely } from 'kysely'

// Frozen in time: this file must not import application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter.constructor.name === 'PostgresAdapter'
  const time = pg ? 'bigint' : 'integer'
  const ref = pg ? 'bigint' : 'integer'
  const id = pg ? 'bigserial' : 'integer'
  // Old addresses answered with 301 (src/imports/redirect.ts): a path (or `/?p=N`) on the old
  // site, the local path it moved to, and who made it (an importer's name or `manual`).
  await db.schema
    .createTable('redirect')
    .addColumn('id', id, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('from_path', 'text', (c) => c.notNull().unique())
    .addColumn('to_path', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .execute()
  // What an import made of each item in a source, so a second run updates instead of copying:
  // (source, kind, source id) -> the local row, and a hash of what was imported last time.
  await db.schema
    .createTable('import_key')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('local_id', ref, (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .addPrimaryKeyConstraint('import_key_pk', ['source', 'kind', 'source_id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_key').execute()
  await db.schema.dropTable('redirect').execute()
}
