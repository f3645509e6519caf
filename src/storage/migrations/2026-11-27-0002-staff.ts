import type { Kysely } from 'kysely'

// Frozen in time: this file must not import application code.

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter.constructor.name === 'PostgresAdapter'
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db)
  const time = pg ? 'bigint' : 'integer'
  const ref = pg ? 'bigint' : 'integer'

  await db.schema
    .createTable('setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('staff')
    .addColumn('id', pg ? 'bigserial' : 'integer', (c) =>
      pg ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('author_id', ref, (c) => c.references('author.id').onDelete('set null'))
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('disabled_at', time)
    .execute()

  await db.schema
    .createTable('staff_session')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', ref, (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('last_seen_at', time, (c) => c.notNull())
    .addColumn('expires_at', time, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('staff_session_staff')
    .on('staff_session')
    .column('staff_id')
    .execute()

  await db.schema
    .createTable('signin_counter')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_start', time, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('audit_entry')
    .addColumn('id', pg ? 'bigserial' : 'integer', (c) =>
      pg ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('at', time, (c) => c.notNull())
    .addColumn('staff_id', ref, (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema.createIndex('audit_entry_at').on('audit_entry').column('at').execute()

  // Who started an article: contributors and authors may edit their own work only.
  await db.schema
    .alterTable('article')
    .addColumn('created_by', ref, (c) => c.references('staff.id').onDelete('set null'))
    .execute()
  // The admin's article list: newest edits first, optionally by status.
  await db.schema
    .createIndex('article_updated')
    .on('article')
    .columns(['updated_at', 'id'])
    .execute()
  await db.schema
    .createIndex('article_status_updated')
    .on('article')
    .columns(['status', 'updated_at', 'id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('article_status_updated').execute()
  await db.schema.dropIndex('article_updated').execute()
  await db.schema.alterTable('article').dropColumn('created_by').execute()
  for (const t of ['audit_entry', 'signin_counter', 'staff_session', 'staff', 'setting']) {
    await db.schema.dropTable(t).execute()
  }
}
