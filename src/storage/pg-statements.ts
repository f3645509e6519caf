import { createHash } from 'node:crypto'

/**
 * Named prepared statements for PostgreSQL (ADR 032). Kysely hands pg a text and its values;
 * pg then sends an unnamed statement, so PostgreSQL parses, analyses and plans the same
 * 2,000-character text on every article page. A name makes each connection parse and analyse a
 * text once; later runs send only Bind and Execute.
 *
 * Only what Kysely sends with values gets a name: one statement, never the multi-statement
 * texts pg-boss writes, nor BEGIN/COMMIT. The number of names is bounded for the process, so an
 * unbounded family of texts (IN lists of every length) cannot fill each connection's memory on
 * the server: past the bound, texts run unnamed as before.
 */

/** Distinct texts given a name in this process; each connection prepares those it meets. */
export const MAX_NAMED_STATEMENTS = 2_000

const names = new Map<string, string>()

/** The statement name for `sql`, or undefined when it should run unnamed. */
export function statementName(sql: string, valueCount: number): string | undefined {
  if (valueCount === 0) return undefined
  const known = names.get(sql)
  if (known !== undefined) return known
  if (names.size >= MAX_NAMED_STATEMENTS || !isSingleStatement(sql)) return undefined
  // A digest rather than a counter: two processes (or a restarted one) give one text one name,
  // which keeps pg_prepared_statements readable, and a collision would need SHA-1's.
  const name = `mh_${createHash('sha1').update(sql).digest('base64url')}`
  names.set(sql, name)
  return name
}

/** How many texts have a name now (for tests and /metrics-style curiosity). */
export function namedStatementCount(): number {
  return names.size
}

function isSingleStatement(sql: string): boolean {
  return (
    /^\s*(select|insert|update|delete|with)\b/i.test(sql) &&
    !sql.includes(';') &&
    sql.length < 20_000
  )
}

/**
 * True when PostgreSQL refused to run a prepared statement because it went stale: a migration
 * changed a table a `select *` reads ("cached plan must not change result type", 0A000), or the
 * statement is unknown to the session (26000, after DISCARD ALL from a pooler). The statement did
 * not run, so running it once more unnamed is safe outside a transaction.
 */
export function isStalePreparedStatement(err: unknown): boolean {
  if (!(err instanceof Error)) return false
  const code = (err as { code?: unknown }).code
  return (
    (code === '0A000' && /cached plan/i.test(err.message)) ||
    (code === '26000' && /prepared statement/i.test(err.message))
  )
}
