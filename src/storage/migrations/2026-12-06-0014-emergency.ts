import type { Kysely } from 'kysely'
import { sql } from 'kysely'

// Frozen in time: this file must not import application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter.constructor.name === 'PostgresAdapter'
  const ref = pg ? 'bigint' : 'integer'
  // An emergency edition (SOS mode, ADR 022) goes to the readers of every newsletter at once,
  // through the same send as the others; its row names one newsletter only to keep the column
  // required, and no list or archive of that newsletter shows it.
  await db.schema
    .alterTable('edition')
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .defaultTo('regular')
        .check(sql`kind in ('regular', 'emergency')`),
    )
    .execute()
  // The newsletter a reader of an emergency edition was taken from (their first confirmed one),
  // for their own unsubscribe link; null in a regular edition, whose newsletter is the edition's.
  await db.schema.alterTable('delivery').addColumn('newsletter_id', ref).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('delivery').dropColumn('newsletter_id').execute()
  await db.schema.alterTable('edition').dropColumn('kind').execute()
}
