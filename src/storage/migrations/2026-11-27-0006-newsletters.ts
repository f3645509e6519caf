import type { Kysely } from 'kysely'
import { sql } from 'kysely'

// Frozen in time: this file must not import application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter.constructor.name === 'PostgresAdapter'
  const time = pg ? 'bigint' : 'integer'
  const ref = pg ? 'bigint' : 'integer'
  const id = pg ? 'bigserial' : 'integer'

  await db.schema
    .createTable('newsletter')
    .addColumn('id', id, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('cadence', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .execute()

  // A reader known only by an address: nothing else about them is kept.
  await db.schema
    .createTable('subscriber')
    .addColumn('id', id, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', time, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('subscription')
    .addColumn('subscriber_id', ref, (c) =>
      c.notNull().references('subscriber.id').onDelete('cascade'),
    )
    .addColumn('newsletter_id', ref, (c) =>
      c.notNull().references('newsletter.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'confirmed', 'unsubscribed')`),
    )
    // What the reader agreed to, word for word, and when: consent must be shown, not assumed.
    .addColumn('consent_text', 'text', (c) => c.notNull())
    .addColumn('consent_at', time, (c) => c.notNull())
    .addColumn('confirmed_at', time)
    .addColumn('unsubscribed_at', time)
    // No address gets more than one confirmation request a day.
    .addColumn('confirm_sent_at', time)
    .addPrimaryKeyConstraint('subscription_pk', ['subscriber_id', 'newsletter_id'])
    .execute()
  await db.schema
    .createIndex('subscription_newsletter_status')
    .on('subscription')
    .columns(['newsletter_id', 'status'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['subscription', 'subscriber', 'newsletter'])
    await db.schema.dropTable(t).execute()
}
