import type { Kysely } from 'kysely'

// Frozen in time: this file must not import application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  // 1: the password was given to the person (the demo's owner, shown once in a log), so the
  // admin asks for a new one before anything else. Set back to 0 by any new password.
  await db.schema
    .alterTable('staff')
    .addColumn('password_one_time', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('staff').dropColumn('password_one_time').execute()
}
