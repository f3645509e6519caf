import type { Kysely } from 'kysely'

// Frozen in time: this file must not import application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter.constructor.name === 'PostgresAdapter'
  await db.schema
    .createTable('staff_passkey')
    // The credential id the authenticator chose (base64url): what a sign-in names.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', pg ? 'bigint' : 'integer', (c) =>
      c.notNull().references('staff.id').onDelete('cascade'),
    )
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('counter', pg ? 'bigint' : 'integer', (c) => c.notNull())
    .addColumn('transports', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', pg ? 'bigint' : 'integer', (c) => c.notNull())
    .addColumn('last_used_at', pg ? 'bigint' : 'integer')
    .execute()
  await db.schema
    .createIndex('staff_passkey_staff')
    .on('staff_passkey')
    .column('staff_id')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('staff_passkey').execute()
}
