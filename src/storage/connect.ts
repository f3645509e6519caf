import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import type pg from 'pg'
import { Kysely, PostgresDialect, sql } from 'kysely'
import type { Database } from './schema.js'
import { type ConnectionErrorLog, guardPool, resilientPool } from './pg-resilience.js'
import { loadPg } from './pg-driver.js'
import { runPreparedReadsOn } from './prepared.js'
import { type SnapshotResult, snapshotPostgres, snapshotSqlite } from './snapshot.js'
import { batchingSqliteDialect } from './sqlite-batch.js'
import { refreshStatistics } from './sqlite-stats.js'
import { clusterListen, clusterNotify } from './cluster-channel.js'

export type DialectName = 'sqlite' | 'postgres'

export interface Storage {
  db: Kysely<Database>
  dialect: DialectName
  /** The PostgreSQL schema the tables live in, when the URL named one. */
  schema?: string
  /**
   * Tells every other process on this database (PostgreSQL NOTIFY). A no-op on SQLite, where
   * one process owns the file.
   */
  notify(channel: string, payload: string): Promise<void>
  /**
   * Calls `onMessage` for each notification on `channel`; returns a function that stops it. If
   * the connection drops it is reopened, `onError` hears why and `onReconnect` when it is back.
   */
  listen(
    channel: string,
    onMessage: (payload: string) => void,
    events?: { onError?: (err: Error) => void; onReconnect?: () => void },
  ): Promise<() => Promise<void>>
  /** A channel name for this database and schema, so two sites sharing a server stay apart. */
  channel(name: string): string
  /**
   * Raw SQL on the same pool (PostgreSQL only): pg-boss runs its queries through this rather
   * than opening connections of its own.
   */
  executeSql?(text: string, values: unknown[]): Promise<{ rows: unknown[] }>
  /**
   * Writes a consistent copy of the whole database to `file` while it stays in use (SQLite's
   * online backup; pg_dump's custom format) and reports the copy's rows per table.
   */
  snapshot(file: string): Promise<SnapshotResult>
  /**
   * Opens a write batch for a bulk writer (an import, ADR 029); the function it returns commits
   * it. On SQLite the transactions started meanwhile become savepoints of one transaction; on
   * PostgreSQL (a pool: no one connection to hold) it does nothing.
   */
  openBatch(): Promise<() => Promise<void>>
  /** Refreshes the query planner's statistics; run after bulk writes (seed, import). */
  analyze(): Promise<void>
  /** Closes every connection; safe to call twice. */
  close(): Promise<void>
}

export interface ConnectOptions {
  /** Most connections the PostgreSQL pool opens (10 when not given). */
  poolSize?: number
  /**
   * The `application_name` PostgreSQL shows in pg_stat_activity (`masthead` when not given), so
   * an operator can tell a web process from a worker and terminate or count them.
   */
  applicationName?: string
  /**
   * Hears each lost PostgreSQL connection (a restart, fail-over, terminated backend). The process
   * goes on and the pool reconnects; by default a line goes to stderr.
   */
  onConnectionError?: ConnectionErrorLog
}

/**
 * Opens the database named by a DATABASE_URL: `sqlite:<file>`, `sqlite::memory:` or
 * `postgres://…`. A postgres URL may carry `?schema=name` to keep its tables in their own
 * schema (tests use one schema per suite); the schema is created if missing.
 */
export async function connect(url: string, opts: ConnectOptions = {}): Promise<Storage> {
  if (url.startsWith('sqlite:')) return connectSqlite(url.slice('sqlite:'.length))
  if (/^postgres(ql)?:\/\//.test(url)) return connectPostgres(url, opts)
  throw new Error(`Unsupported DATABASE_URL: ${url.split(':')[0]}`)
}

function logToStderr(err: Error): void {
  const code = (err as { code?: unknown }).code
  process.stderr.write(
    `masthead: lost a database connection (${typeof code === 'string' ? `${code} ` : ''}${err.message}); the pool opens a new one\n`,
  )
}

function connectSqlite(file: string): Storage {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const sqlite = new SQLite(file)
  // WAL lets readers go on while a writer commits; NORMAL sync is safe with WAL.
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // Lets SQLite gather statistics it lacks, cheaply, as its documentation advises on open; without
  // STAT4's samples of unique indexes, which made a statement prepare again at every run (ADR 036).
  refreshStatistics(sqlite, 'optimize')
  const { dialect, batches } = batchingSqliteDialect({ database: withStatementCache(sqlite) })
  const db = new Kysely<Database>({ dialect })
  let closed = false
  return {
    db,
    dialect: 'sqlite',
    channel: (name) => name,
    // Between the web processes of one `serve` only (cluster-channel.ts); other processes on
    // the file, such as a separate worker, hear nothing.
    notify: clusterNotify,
    async listen(channel, onMessage) {
      const stop = clusterListen(channel, onMessage)
      return async () => stop()
    },
    snapshot: (file) => snapshotSqlite(sqlite, file),
    openBatch: () => batches.open(db),
    async analyze() {
      refreshStatistics(sqlite, 'analyze')
    },
    async close() {
      if (closed) return
      closed = true
      await db.destroy()
    },
  }
}

async function connectPostgres(url: string, opts: ConnectOptions): Promise<Storage> {
  const pg = await loadPg()
  const applicationName = opts.applicationName ?? 'masthead'
  const log = opts.onConnectionError ?? logToStderr
  const u = new URL(url)
  const schema = u.searchParams.get('schema')
  u.searchParams.delete('schema')
  // ?prepare=false: no named statements, for a pooler that hands each transaction a different
  // server connection (pgbouncer in transaction mode before 1.21), ADR 032.
  const prepare = u.searchParams.get('prepare')
  u.searchParams.delete('prepare')
  if (prepare !== null && prepare !== 'true' && prepare !== 'false') {
    throw new Error('The prepare parameter must be true or false')
  }
  if (schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error('The schema parameter must be a lowercase SQL identifier')
  }
  if (schema) {
    const client = new pg.Client({ connectionString: u.toString() })
    await client.connect()
    try {
      await client.query(`create schema if not exists "${schema}"`)
    } finally {
      await client.end()
    }
  }
  // Each pool: the process's name (an operator, or a test, finds and ends every connection of
  // it), the schema, lost connections logged and survived (pg-resilience.ts).
  const openPool = (named: boolean, max: number, onConnect?: (client: pg.PoolClient) => void) => {
    const raw = new pg.Pool({
      connectionString: u.toString(),
      max,
      application_name: applicationName,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    })
    if (onConnect) raw.on('connect', onConnect)
    guardPool(raw, log)
    const pool = resilientPool(raw, { namedStatements: named })
    return { raw, pool, db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }) }
  }
  const poolSize = opts.poolSize ?? 10
  const { raw, pool, db } = openPool(prepare !== 'false', poolSize)
  // The hot reads (prepared.ts) on connections of their own that plan each named statement
  // once (ADR 038): PostgreSQL's own choice kept re-planning them at every run. The mode is set
  // by a statement as each connection opens, which pg sends before anything asked of it (poolers
  // such as pgbouncer refuse the startup `options`). Without named statements (a
  // transaction-mode pooler) every statement is planned anyway: no second pool.
  const reads =
    prepare === 'false'
      ? null
      : // Half as many: more reads at once only hold more rows in memory, the database being
        // no faster for them (and each connection is a PostgreSQL backend of its own).
        openPool(true, Math.max(2, Math.ceil(poolSize / 2)), (client) => {
          client.query('set plan_cache_mode = force_generic_plan').catch((err: Error) => log(err))
        }).db
  if (reads) runPreparedReadsOn(db, reads)
  // Checks the server answers now, so a wrong URL fails at start and not at the first reader.
  // A reads connection opens meanwhile, so the first page does not wait for one.
  const [probe] = await Promise.all([
    raw.connect(),
    reads ? sql`select 1`.execute(reads) : Promise.resolve(),
  ])
  probe.release()
  let closed = false
  return {
    db,
    dialect: 'postgres',
    openBatch: async () => async () => {},
    ...(schema ? { schema } : {}),
    channel: (name) => (schema ? `${name}_${schema}` : name).slice(0, 63),
    async notify(channel, payload) {
      await pool.query('select pg_notify($1, $2)', [channel, payload])
    },
    async listen(channel, onMessage, events = {}) {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error('Channel must be an identifier')
      let stopped = false
      let client: pg.Client | null = null
      let retryMs = 1000
      // A connection of its own: LISTEN holds it for the life of the process. When it drops,
      // reconnect with backoff and say so: whatever was missed meanwhile must be assumed changed.
      const open = async (): Promise<void> => {
        const c = new pg.Client({
          connectionString: u.toString(),
          application_name: `${applicationName} listen`,
        })
        c.on('notification', (n) => {
          if (n.channel === channel && n.payload !== undefined) onMessage(n.payload)
        })
        c.on('error', (err) => {
          events.onError?.(err)
          if (client === c) {
            client = null
            c.end().catch(() => {})
            if (!stopped) setTimeout(() => void reopen(), retryMs).unref()
          }
        })
        await c.connect()
        await c.query(`listen ${channel}`)
        client = c
        retryMs = 1000
      }
      const reopen = async () => {
        if (stopped) return
        try {
          await open()
          events.onReconnect?.()
        } catch (err) {
          events.onError?.(err as Error)
          retryMs = Math.min(retryMs * 2, 30_000)
          setTimeout(() => void reopen(), retryMs).unref()
        }
      }
      await open()
      return async () => {
        stopped = true
        await client?.end().catch(() => {})
      }
    },
    async executeSql(text, values) {
      const r = await pool.query(text, values)
      return { rows: r.rows as unknown[] }
    },
    snapshot: (file) => snapshotPostgres(u.toString(), schema ?? undefined, file),
    async analyze() {
      await pool.query('ANALYZE', [])
    },
    async close() {
      if (closed) return
      closed = true
      await Promise.all([db.destroy(), reads?.destroy()])
    },
  }
}

/**
 * Kysely prepares every query anew; preparing costs as much as running a short indexed query.
 * The same SQL text always gets the same prepared statement here. Safe because nothing in the
 * app iterates a statement while another query runs (we never stream from SQLite).
 */
function withStatementCache(sqlite: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>()
  const MAX = 1000
  // Bound once per method: binding at every access cost 2% of an uncached page's CPU.
  const bound = new Map<string | symbol, unknown>()
  return new Proxy(sqlite, {
    get(target, prop) {
      if (prop === 'prepare') {
        return (source: string) => {
          let stmt = cache.get(source)
          if (!stmt) {
            stmt = target.prepare(source)
            // Lists of ids make many distinct texts; start over rather than grow without end.
            if (cache.size >= MAX) cache.clear()
            cache.set(source, stmt)
          }
          return stmt
        }
      }
      const v: unknown = Reflect.get(target, prop, target)
      if (typeof v !== 'function') return v
      let fn = bound.get(prop)
      if (!fn) bound.set(prop, (fn = (v as (...a: unknown[]) => unknown).bind(target)))
      return fn
    },
  })
}
