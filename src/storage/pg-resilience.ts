import type pg from 'pg'
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely'
import { isStalePreparedStatement, statementName } from './pg-statements.js'

/**
 * Surviving a PostgreSQL "blink": a restart, a fail-over, `pg_terminate_backend`, an idle timeout
 * or a pgbouncer reset. Two things go wrong without this module. A pooled client that loses its
 * connection emits 'error', and an 'error' event nobody listens to ends the whole process. And
 * the first statement after the blink may land on a connection that is already dead.
 */

/** SQLSTATEs that mean the server ended or refused the connection, not the statement. */
const SERVER_GONE = new Set(['57P01', '57P02', '57P03'])
/** Errors of the socket under the connection. */
const SOCKET_GONE = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ETIMEDOUT'])

/** True when `err` says the connection to PostgreSQL was lost (rather than the query failing). */
export function isConnectionLost(err: unknown): boolean {
  if (!(err instanceof Error)) return false
  const code = (err as { code?: unknown }).code
  if (typeof code === 'string') {
    // Class 08 is "connection exception" in PostgreSQL's table of SQLSTATEs.
    if (SERVER_GONE.has(code) || SOCKET_GONE.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true
  }
  return (
    /Connection terminated/i.test(err.message) ||
    /not queryable/i.test(err.message) ||
    /Client was closed/i.test(err.message)
  )
}

/**
 * True when a statement that failed with `err` certainly did not run, so sending it again cannot
 * run it twice. The server's own codes say the statement was cut off (a backend that completes a
 * statement replies before it dies); "not queryable" means it never left this process. A socket
 * that broke mid-flight leaves it unknown, which is safe to repeat only for a read.
 */
export function isSafeToRetry(err: unknown, sql: string): boolean {
  if (!isConnectionLost(err)) return false
  const code = (err as { code?: unknown }).code
  if (typeof code === 'string' && (SERVER_GONE.has(code) || code.startsWith('08'))) return true
  if (/not queryable|Client was closed/i.test((err as Error).message)) return true
  return isRead(sql)
}

function isRead(sql: string): boolean {
  return /^\s*(select|show|values|explain)\b/i.test(sql) && !/\bpg_notify\s*\(/i.test(sql)
}

/** Where lost connections are reported: the process says so and goes on. */
export type ConnectionErrorLog = (err: Error) => void

/**
 * Makes a pg pool unable to crash the process: each client, idle or checked out, and the pool
 * itself get an 'error' listener that logs. The pool already drops a broken idle client and
 * opens a new one on the next checkout.
 */
export function guardPool(pool: pg.Pool, log: ConnectionErrorLog): void {
  pool.on('error', (err) => log(err))
  // 'connect' fires once per new client; the listener stays for the client's life, including
  // while Kysely holds it between two statements (when the pool's own listener is detached).
  pool.on('connect', (client) => {
    client.on('error', (err) => log(err))
  })
}

/**
 * The pool Kysely is given. Each checkout tracks whether a transaction is open; a statement that
 * fails because the connection was lost *outside* a transaction, and certainly did not run (see
 * isSafeToRetry), is sent again on another connection. Inside a transaction nothing is
 * retried: the transaction fails whole and the caller's next one gets a fresh connection.
 */
export function resilientPool(
  pool: pg.Pool,
  opts: { namedStatements?: boolean } = {},
): PostgresPool & {
  query(sql: string, values: readonly unknown[]): Promise<pg.QueryResult>
} {
  return {
    async connect() {
      return new ResilientClient(pool, await pool.connect(), opts.namedStatements ?? false)
    },
    async end() {
      await pool.end()
    },
    /**
     * One statement on its own checkout, with the same retries (pg-boss and NOTIFY use it). A
     * failed text is never handed on with its connection: pg-boss sends whole transactions as
     * one text ("begin; …; commit"), and when a statement inside fails (a deadlock between two
     * workers creating a queue) PostgreSQL leaves that explicit transaction open and aborted,
     * so the next caller of the connection would get "current transaction is aborted" (25P02).
     */
    async query(sql, values) {
      const client = new ResilientClient(pool, await pool.connect())
      let failed = false
      try {
        return await client.run(sql, values)
      } catch (err) {
        failed = true
        throw err
      } finally {
        client.release(failed)
      }
    },
  }
}

const BEGIN = /^\s*(begin|start\s+transaction)\b/i
// "rollback to savepoint" stays inside the transaction; a bare rollback (or commit/end) leaves it.
const END = /^\s*(commit|end|abort|rollback(?!\s+to\b))\b/i

class ResilientClient implements PostgresPoolClient {
  private inTransaction = false
  /** The connection broke while this checkout held it: the pool must not keep it. */
  private broken = false

  constructor(
    private readonly pool: pg.Pool,
    private client: pg.PoolClient | null,
    /** Kysely's checkouts name their statements; pool.query's texts (pg-boss's) never do. */
    private readonly named = false,
  ) {}

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>
  query<R>(
    sql: string | PostgresCursor<R>,
    parameters: ReadonlyArray<unknown> = [],
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    // Streaming (cursors) is not configured for our Kysely; refuse rather than half-support it.
    if (typeof sql !== 'string') throw new Error('Cursors are not supported')
    return this.run(sql, parameters) as Promise<PostgresQueryResult<R>>
  }

  async run(sql: string, parameters: ReadonlyArray<unknown>): Promise<pg.QueryResult> {
    // After a fail-over every idle connection in the pool may be dead without the pool knowing
    // yet (their error is still unread on the socket), so a retry can land on another dead one.
    // Each failed try destroys its connection, so at most the pool's size of tries can fail
    // before a new connection is opened: that bounds the loop.
    const tries = (this.pool.options.max ?? 10) + 1
    for (let attempt = 1; ; attempt++) {
      if (!this.client) throw new Error('Connection terminated: no connection to retry on')
      try {
        const result = await this.send(sql, parameters)
        this.track(sql)
        return result
      } catch (err) {
        if (isStalePreparedStatement(err) && !this.inTransaction) {
          // A migration changed what the prepared text reads: drop this connection (it holds the
          // stale statement) when released, and run the statement unnamed on it now.
          this.broken = true
          const result = await this.client.query(sql, [...parameters])
          this.track(sql)
          return result
        }
        if (!isConnectionLost(err)) throw err
        this.broken = true
        if (this.inTransaction || !isSafeToRetry(err, sql) || attempt >= tries) throw err
        // The connection is dead: drop it from the pool and try on another.
        this.client.release(err as Error)
        this.client = null
        this.client = await this.pool.connect()
        this.broken = false
      }
    }
  }

  /** Kysely's statements go by name, so each connection plans a text once (pg-statements.ts). */
  private send(sql: string, parameters: ReadonlyArray<unknown>): Promise<pg.QueryResult> {
    const values = [...parameters]
    const name = this.named ? statementName(sql, values.length) : undefined
    return name === undefined
      ? this.client!.query(sql, values)
      : this.client!.query({ name, text: sql, values })
  }

  release(destroy?: boolean): void {
    // A connection that broke is destroyed, never handed to the next caller.
    this.client?.release(destroy || this.broken)
    this.client = null
  }

  private track(sql: string): void {
    if (BEGIN.test(sql)) this.inTransaction = true
    else if (END.test(sql)) this.inTransaction = false
  }
}
