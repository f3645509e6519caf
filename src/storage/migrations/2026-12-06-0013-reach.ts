import type { Kysely } from 'kysely'

// Frozen in time: this file must not import application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  // The newsroom's addresses (src/reach/): one row per address, in the order readers see them.
  // The whole list is replaced in one transaction on every save, so the position is the key.
  await db.schema
    .createTable('reach_address')
    .addColumn('position', 'integer', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('value', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('reach_address').execute()
}
