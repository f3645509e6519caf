import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely'
import type { Database } from './schema.js'
import * as content0001 from './migrations/2026-11-26-0001-content.js'

// Migrations are listed here rather than read from the folder so the compiled build, tsx and
// tests all see the same set in the same order, with no file-system globbing at start.
const migrations: Record<string, Migration> = {
  '2026-11-26-0001-content': content0001,
}

const provider: MigrationProvider = { getMigrations: async () => migrations }

export interface MigrateResult {
  applied: string[]
}

/** Brings the schema up to date. Throws (with the failing migration named) if one fails. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrateResult> {
  const migrator = new Migrator({ db, provider })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new Error(`Migration ${failed} failed`, { cause: error })
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) }
}
