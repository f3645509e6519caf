import type { Kysely } from 'kysely'
import { sql } from 'kysely'

// Frozen in time: this file must not import application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter.constructor.name === 'PostgresAdapter'
  const time = pg ? 'bigint' : 'integer'

  // Addresses we must never mail again, whether or not they are subscribers: keyed by the
  // lowercased address so a bounce can arrive before (or without) any sign-up.
  await db.schema
    .createTable('suppression')
    .addColumn('email', 'text', (c) => c.primaryKey())
    .addColumn('reason', 'text', (c) =>
      c.notNull().check(sql`reason in ('bounce', 'complaint', 'manual')`),
    )
    // Where it came from: webhook, ses, csv, admin.
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('at', time, (c) => c.notNull())
    .execute()

  // The growth chart counts confirmations and unsubscriptions per week and newsletter.
  await db.schema
    .createIndex('subscription_newsletter_confirmed')
    .on('subscription')
    .columns(['newsletter_id', 'confirmed_at'])
    .execute()
  await db.schema
    .createIndex('subscription_newsletter_unsubscribed')
    .on('subscription')
    .columns(['newsletter_id', 'unsubscribed_at'])
    .execute()
  // The subscriber page lists one reader's subscriptions.
  await db.schema
    .createIndex('subscription_subscriber')
    .on('subscription')
    .column('subscriber_id')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const i of [
    'subscription_subscriber',
    'subscription_newsletter_unsubscribed',
    'subscription_newsletter_confirmed',
  ])
    await db.schema.dropIndex(i).execute()
  await db.schema.dropTable('suppression').execute()
}
