import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely'
import type { Database } from './schema.js'
import * as content0001 from './migrations/2026-11-26-0001-content.js'
import * as staff0002 from './migrations/2026-11-27-0002-staff.js'
import * as twoFactor0003 from './migrations/2026-11-27-0003-two-factor.js'
import * as workflow0004 from './migrations/2026-11-27-0004-workflow.js'
import * as passkeys0005 from './migrations/2026-11-27-0005-passkeys.js'
import * as newsletters0006 from './migrations/2026-11-27-0006-newsletters.js'
import * as autosave0007 from './migrations/2026-11-27-0007-autosave.js'
import * as editions0008 from './migrations/2026-11-27-0008-editions-and-jobs.js'
import * as subscribers0009 from './migrations/2026-11-27-0009-subscribers.js'
import * as contributions0010 from './migrations/2026-11-27-0010-contributions.js'
import * as rateLimits0011 from './migrations/2026-12-06-0011-rate-limits.js'
import * as workerHeartbeat0012 from './migrations/2026-12-06-0012-worker-heartbeat.js'
import * as reach0013 from './migrations/2026-12-06-0013-reach.js'
import * as emergency0014 from './migrations/2026-12-06-0014-emergency.js'
import * as search0015 from './migrations/2026-12-06-0015-search.js'
import * as imports0016 from './migrations/2026-12-06-0016-imports.js'
import * as languages0017 from './migrations/2026-12-07-0017-languages.js'
import * as importRuns0018 from './migrations/2026-12-07-0018-import-runs.js'
import * as oneTimePassword0020 from './migrations/2026-12-07-0020-one-time-password.js'
import * as authorProfile0021 from './migrations/2026-12-07-0021-author-profile.js'
import * as frontPicks0022 from './migrations/2026-12-07-0022-front-picks.js'
import * as sitemapIndex0023 from './migrations/2026-12-07-0023-sitemap-index.js'

// Migrations are listed here rather than read from the folder so the compiled build, tsx and
// tests all see the same set in the same order, with no file-system globbing at start.
const migrations: Record<string, Migration> = {
  '2026-11-26-0001-content': content0001,
  '2026-11-27-0002-staff': staff0002,
  '2026-11-27-0003-two-factor': twoFactor0003,
  '2026-11-27-0004-workflow': workflow0004,
  '2026-11-27-0005-passkeys': passkeys0005,
  '2026-11-27-0006-newsletters': newsletters0006,
  '2026-11-27-0007-autosave': autosave0007,
  '2026-11-27-0008-editions-and-jobs': editions0008,
  '2026-11-27-0009-subscribers': subscribers0009,
  '2026-11-27-0010-contributions': contributions0010,
  '2026-12-06-0011-rate-limits': rateLimits0011,
  '2026-12-06-0012-worker-heartbeat': workerHeartbeat0012,
  '2026-12-06-0013-reach': reach0013,
  '2026-12-06-0014-emergency': emergency0014,
  '2026-12-06-0015-search': search0015,
  '2026-12-06-0016-imports': imports0016,
  '2026-12-07-0017-languages': languages0017,
  '2026-12-07-0018-import-runs': importRuns0018,
  '2026-12-07-0020-one-time-password': oneTimePassword0020,
  '2026-12-07-0021-author-profile': authorProfile0021,
  '2026-12-07-0022-front-picks': frontPicks0022,
  '2026-12-07-0023-sitemap-index': sitemapIndex0023,
}

const provider: MigrationProvider = { getMigrations: async () => migrations }

export interface MigrateResult {
  applied: string[]
}

/** Brings the schema up to date. Throws (with the failing migration named) if one fails. */
export async function migrateToLatest(
  db: Kysely<Database>,
  schema?: string,
): Promise<MigrateResult> {
  const recorded = await recordedMigrations(db, schema)
  if (recorded) {
    const unknown = [...recorded].filter((name) => !(name in migrations))
    // A newer version migrated this database: say so, rather than Kysely's "corrupted".
    if (unknown.length > 0)
      throw new Error(
        `Migrations could not run: this database was migrated by a newer version of Masthead (${unknown.join(', ')}); run that version, or restore a backup made with this one`,
      )
    if (Object.keys(migrations).every((name) => recorded.has(name))) return { applied: [] }
  }
  // With a schema of our own, the bookkeeping tables live there too; otherwise Kysely may find
  // another schema's tables by name and then fail to lock its own.
  const migrator = new Migrator({
    db,
    provider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  })
  let { error, results } = await migrator.migrateToLatest()
  // Kysely looks for its bookkeeping tables by listing every schema's tables, and PostgreSQL's
  // has_schema_privilege() fails when a schema on that list is dropped meanwhile (another site's
  // or test's). Nothing has run then: the same call again lists the schemas anew.
  for (let tries = 1; tries < 5 && error && otherSchemaVanished(error, schema); tries++) {
    await new Promise((r) => setTimeout(r, 50 * tries))
    ;({ error, results } = await migrator.migrateToLatest())
  }
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName
    const why = error instanceof Error ? error.message : String(error)
    throw new Error(
      failed ? `Migration ${failed} failed: ${why}` : `Migrations could not run: ${why}`,
      { cause: error },
    )
  }
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
  }
}

/**
 * The migrations this database has recorded, in one query, or null before its first. When they
 * are exactly the ones this version knows there is nothing to do: Kysely's migrator finds its own
 * tables by listing every table and column of the database first, which took ~90 ms of each
 * PostgreSQL start. Anything missing goes to the migrator, which applies or explains.
 */
async function recordedMigrations(
  db: Kysely<Database>,
  schema: string | undefined,
): Promise<Set<string> | null> {
  try {
    const q = (schema ? db.withSchema(schema) : db) as unknown as Kysely<{
      kysely_migration: { name: string }
    }>
    const rows = await q.selectFrom('kysely_migration').select('name').execute()
    return new Set(rows.map((r) => r.name))
  } catch {
    // No bookkeeping table: a new database.
    return null
  }
}

/** A "schema … does not exist" (3F000) about a schema that is not the one being migrated. */
export function otherSchemaVanished(error: unknown, schema: string | undefined): boolean {
  const e = error as { code?: unknown; message?: unknown }
  if (e?.code !== '3F000') return false
  const named = /schema "([^"]+)" does not exist/.exec(String(e.message))?.[1]
  return named !== undefined && named !== schema
}
