import type { Kysely } from 'kysely'
import { sql } from 'kysely'

// Frozen in time: this file must not import application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter.constructor.name === 'PostgresAdapter'
  const time = pg ? 'bigint' : 'integer'
  const id = pg ? 'bigserial' : 'integer'

  // One appeal per language, as a JSON document: its shape is checked by the application
  // (contributions/appeal.ts), and it is read whole, never queried by field.
  await db.schema
    .createTable('appeal')
    .addColumn('language', 'text', (c) => c.primaryKey())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .execute()

  // No postal address, no IP address: what a newsroom needs to count, thank and manage a gift.
  await db.schema
    .createTable('contribution')
    .addColumn('id', id, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('checkout_ref', 'text', (c) => c.notNull().unique())
    .addColumn('subscription_ref', 'text')
    .addColumn('customer_ref', 'text')
    .addColumn('payment_ref', 'text')
    .addColumn('amount', pg ? 'bigint' : 'integer', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) =>
      c.notNull().check(sql`frequency in ('once', 'monthly', 'annual')`),
    )
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('paid_at', time)
    .addColumn('cancelled_at', time)
    .addColumn('status_at', time)
    .execute()
  await db.schema
    .createIndex('contribution_subscription')
    .on('contribution')
    .column('subscription_ref')
    .execute()
  await db.schema
    .createIndex('contribution_payment_ref')
    .on('contribution')
    .column('payment_ref')
    .execute()
  await db.schema.createIndex('contribution_paid_at').on('contribution').column('paid_at').execute()

  // Every provider event id seen, stored before the event is acted on (in the same
  // transaction): a replayed or retried event finds its id and changes nothing.
  await db.schema
    .createTable('payment_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('received_at', time, (c) => c.notNull())
    .execute()

  // Money in (and back out): the first payment, each renewal, each refund, for the dashboard's
  // totals. `ref` is the provider's id for it, so a replayed event cannot count it twice.
  await db.schema
    .createTable('contribution_payment')
    .addColumn('id', id, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('contribution_id', pg ? 'bigint' : 'integer', (c) =>
      c.notNull().references('contribution.id').onDelete('cascade'),
    )
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('first', 'renewal', 'refund')`),
    )
    .addColumn('amount', pg ? 'bigint' : 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('at', time, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('contribution_payment_at')
    .on('contribution_payment')
    .column('at')
    .execute()

  // One reminder a reader asked for: the address lives here only until its email is sent.
  await db.schema
    .createTable('contribution_reminder')
    .addColumn('id', id, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    // YYYY-MM: the month the reader chose.
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('consent_text', 'text', (c) => c.notNull())
    .addColumn('consent_at', time, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('contribution_reminder_month')
    .on('contribution_reminder')
    .column('month')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'contribution_payment',
    'contribution_reminder',
    'payment_event',
    'contribution',
    'appeal',
  ])
    await db.schema.dropTable(t).execute()
}
