import crypto from 'node:crypto'
import pg from 'pg'
import {
  connect,
  migrateToLatest,
  type DialectName,
  type Storage,
  type ConnectOptions,
} from '../../src/storage/index.js'
import { probePostgres } from './pg-probe.js'

export const testDialects: DialectName[] = ['sqlite', 'postgres']

export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

let pgReason: Promise<string | false> | null = null

/** True when MASTHEAD_REQUIRE_POSTGRES is set (CI): PostgreSQL suites fail rather than skip. */
export function postgresRequired(): boolean {
  const v = process.env.MASTHEAD_REQUIRE_POSTGRES
  return v !== undefined && v !== '' && v !== '0'
}

/**
 * Why PostgreSQL suites must skip here, or false when they can run (see probePostgres: a slow
 * server is waited for, only an absent one is skipped, and never with MASTHEAD_REQUIRE_POSTGRES).
 */
export function postgresSkipReason(): Promise<string | false> {
  pgReason ??= probePostgres(TEST_DATABASE_URL, { require: postgresRequired() })
  return pgReason
}

/** Skip option for a suite on this dialect: false, or the printed reason. */
export async function skipFor(dialect: DialectName): Promise<string | false> {
  if (dialect === 'sqlite') return false
  const r = await postgresSkipReason()
  if (r) console.log(`# skipping PostgreSQL suites: ${r}`)
  return r
}

/** A second connection to the same PostgreSQL schema, as another instance would have. */
export async function connectSameSchema(
  schema: string,
  opts: ConnectOptions = {},
): Promise<Storage> {
  const url = new URL(TEST_DATABASE_URL)
  url.searchParams.set('schema', schema)
  return connect(url.toString(), { poolSize: 2, ...opts })
}

/** The `application_name` of a test schema's connections. */
export function testApplicationName(schema: string): string {
  return `masthead test ${schema}`
}

/**
 * A fresh, migrated database: in-memory SQLite, or a PostgreSQL schema of its own that is
 * dropped on close. Suites never share tables.
 */
export async function openTestStorage(dialect: DialectName): Promise<Storage> {
  if (dialect === 'sqlite') {
    const s = await connect('sqlite::memory:')
    await migrateToLatest(s.db)
    return s
  }
  const schema = `t_${process.pid}_${crypto.randomBytes(4).toString('hex')}`
  const url = new URL(TEST_DATABASE_URL)
  url.searchParams.set('schema', schema)
  // The application name lets a test find this suite's connections (and only them) in
  // pg_stat_activity, to terminate them as a fail-over would.
  const s = await connect(url.toString(), {
    poolSize: 4,
    applicationName: testApplicationName(schema),
  })
  // Kysely's migrator lists tables with has_schema_privilege() over every schema; when another
  // suite drops its schema (or its pg-boss schema, `<schema>_jobs`) during that scan,
  // PostgreSQL fails the query naming *that* schema, or a table in it. The race is between
  // suites, not in the code under test: try again. (A table missing from our own schema is a
  // real failure and is not retried.)
  const otherSuite = (why: string) => {
    const named =
      /^(?:schema "(t_\d+_[0-9a-f]+)(?:_\w+)?"|relation "(t_\d+_[0-9a-f]+)(?:_\w+)?\.\w+") does not exist$/.exec(
        why,
      )
    return !!named && (named[1] ?? named[2]) !== schema
  }
  for (let attempt = 1; ; attempt++) {
    try {
      await migrateToLatest(s.db, s.schema)
      break
    } catch (err) {
      const cause = (err as { cause?: { message?: string; stack?: string } }).cause
      const why = String(cause?.message ?? err)
      // Any failure inside Kysely's scan of every schema's tables is that same race (a suite
      // dropping its schema mid-scan fails it in ways PostgreSQL words differently each time),
      // never one of our migrations.
      const scanning = cause?.stack?.includes('PostgresIntrospector.getTables') ?? false
      if (attempt >= 5 || !(otherSuite(why) || scanning)) throw err
    }
  }
  return {
    ...s,
    analyze: s.analyze,
    ...(s.executeSql ? { executeSql: s.executeSql } : {}),
    notify: s.notify,
    listen: s.listen,
    channel: s.channel,
    async close() {
      await s.close()
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL })
      await c.connect()
      try {
        await c.query(`drop schema if exists "${schema}" cascade`)
        // pg-boss keeps its tables in a schema beside ours (see src/jobs/pgboss-queue.ts).
        await c.query(`drop schema if exists "${schema}_jobs" cascade`)
      } finally {
        await c.end()
      }
    },
  }
}
