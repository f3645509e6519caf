import type { Kysely } from 'kysely'

// Frozen in time: this file must not import application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter.constructor.name === 'PostgresAdapter'
  // One row per running worker (jobs/heartbeat.ts), written every few seconds, so /healthz can
  // tell whether any worker is alive. A worker that stops cleanly deletes its row; rows of
  // workers that died are deleted by the others a day later.
  await db.schema
    .createTable('worker_heartbeat')
    .addColumn('worker_id', 'text', (c) => c.primaryKey())
    .addColumn('started_at', pg ? 'bigint' : 'integer', (c) => c.notNull())
    .addColumn('beat_at', pg ? 'bigint' : 'integer', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('worker_heartbeat').execute()
}
