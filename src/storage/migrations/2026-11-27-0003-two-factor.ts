import type { Kysely } from 'kysely'

// Frozen in time: this file must not import application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter.constructor.name === 'PostgresAdapter'
  // The TOTP shared secret (base32) once enrolled, and the last time step accepted, so a code
  // seen over someone's shoulder cannot be used twice.
  await db.schema.alterTable('staff').addColumn('totp_secret', 'text').execute()
  await db.schema
    .alterTable('staff')
    .addColumn('totp_last_step', pg ? 'bigint' : 'integer')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('staff').dropColumn('totp_last_step').execute()
  await db.schema.alterTable('staff').dropColumn('totp_secret').execute()
}
