import type { Kysely } from 'kysely'
import { sql } from 'kysely'

// Frozen in time: this file must not import application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter.constructor.name === 'PostgresAdapter'
  const time = pg ? 'bigint' : 'integer'
  const ref = pg ? 'bigint' : 'integer'
  const id = pg ? 'bigserial' : 'integer'

  // Who the newsletter comes from, and when the schedule prepares (or sends) an edition.
  await db.schema
    .alterTable('newsletter')
    .addColumn('sender_name', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema
    .alterTable('newsletter')
    .addColumn('sender_address', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema
    .alterTable('newsletter')
    .addColumn('schedule_mode', 'text', (c) =>
      c
        .notNull()
        .defaultTo('off')
        .check(sql`schedule_mode in ('off', 'draft', 'send')`),
    )
    .execute()
  // 0 = Sunday … 6 = Saturday.
  await db.schema.alterTable('newsletter').addColumn('schedule_day', 'integer').execute()
  // "HH:MM", wall-clock time in schedule_tz.
  await db.schema
    .alterTable('newsletter')
    .addColumn('schedule_time', 'text', (c) => c.notNull().defaultTo('08:00'))
    .execute()
  await db.schema
    .alterTable('newsletter')
    .addColumn('schedule_tz', 'text', (c) => c.notNull().defaultTo('UTC'))
    .execute()

  await db.schema
    .createTable('edition')
    .addColumn('id', id, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('newsletter_id', ref, (c) =>
      c.notNull().references('newsletter.id').onDelete('cascade'),
    )
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('intro', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft', 'approved', 'sending', 'sent', 'cancelled')`),
    )
    // The schedule slot this edition was made for: one edition per slot, however many workers.
    .addColumn('slot_at', time)
    .addColumn('send_at', time)
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .addColumn('started_at', time)
    .addColumn('finished_at', time)
    .addColumn('recipients', 'integer', (c) => c.notNull().defaultTo(0))
    // The HTML and text as sent, with per-recipient fields left as placeholders.
    .addColumn('sent_html', 'text')
    .addColumn('sent_text', 'text')
    // The random marker around per-recipient placeholders in sent_html and sent_text.
    .addColumn('sent_marker', 'text')
    // Which worker is sending it, until when: a worker that dies lets go when this passes.
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', time)
    .addColumn('created_by', ref)
    .execute()
  await db.schema
    .createIndex('edition_slot')
    .unique()
    .on('edition')
    .columns(['newsletter_id', 'slot_at'])
    .execute()
  await db.schema
    .createIndex('edition_newsletter_status')
    .on('edition')
    .columns(['newsletter_id', 'status'])
    .execute()

  await db.schema
    .createTable('edition_item')
    .addColumn('edition_id', ref, (c) => c.notNull().references('edition.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('article_id', ref, (c) => c.notNull().references('article.id').onDelete('cascade'))
    .addColumn('blurb', 'text', (c) => c.notNull().defaultTo(''))
    // Copied at send time so the archive shows what readers were sent.
    .addColumn('sent_headline', 'text')
    .addColumn('sent_path', 'text')
    .addPrimaryKeyConstraint('edition_item_pk', ['edition_id', 'position'])
    .execute()

  // One row per recipient of one edition: the snapshot, and each one's outcome.
  await db.schema
    .createTable('delivery')
    .addColumn('edition_id', ref, (c) => c.notNull().references('edition.id').onDelete('cascade'))
    .addColumn('subscriber_id', ref, (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('queued', 'sending', 'sent', 'failed', 'skipped')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', time, (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('delivery_pk', ['edition_id', 'subscriber_id'])
    .execute()
  await db.schema
    .createIndex('delivery_edition_state')
    .on('delivery')
    .columns(['edition_id', 'state'])
    .execute()

  // The durable job table the SQLite runner uses (PostgreSQL uses pg-boss's own tables).
  await db.schema
    .createTable('job')
    .addColumn('id', id, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('queue', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('created', 'active', 'completed', 'failed')`),
    )
    .addColumn('run_at', time, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', time)
    .addColumn('last_error', 'text')
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('finished_at', time)
    .execute()
  await db.schema.createIndex('job_due').on('job').columns(['state', 'run_at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['job', 'delivery', 'edition_item', 'edition'])
    await db.schema.dropTable(t).execute()
  for (const c of [
    'schedule_tz',
    'schedule_time',
    'schedule_day',
    'schedule_mode',
    'sender_address',
    'sender_name',
  ])
    await db.schema.alterTable('newsletter').dropColumn(c).execute()
}
