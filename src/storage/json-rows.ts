import {
  type AliasableExpression,
  type Expression,
  type Kysely,
  type SelectQueryBuilder,
  sql,
} from 'kysely'
import type { DialectName } from './connect.js'

/**
 * A read's many small rows as one JSON value, one array per row (ADR 044).
 *
 * Why: better-sqlite3 makes each row a JavaScript object through V8's C++ API, about 1 µs for a
 * row of four numbers here, which cost more than finding the rows: "Read more"'s 66 candidates
 * took 25–30 µs in SQLite and 80 µs more to become objects. One JSON text per statement is one
 * value to hand over, and `JSON.parse` builds the arrays in V8 itself. PostgreSQL's `json_agg`
 * gives the same shape, so both databases decode alike.
 */
export interface JsonRows {
  rows: unknown
}

/**
 * `query`'s rows, its `columns` in that order, aggregated into one JSON array of arrays.
 * `orderBy` gives the order of the arrays, since an aggregate does not keep a subquery's.
 */
export function jsonRows<DB, O>(
  db: Kysely<DB>,
  dialect: DialectName,
  query: AliasableExpression<O>,
  columns: readonly (keyof O & string)[],
  orderBy?: readonly { column: keyof O & string; desc?: boolean }[],
): SelectQueryBuilder<DB, never, JsonRows> {
  const values = sql.join(columns.map((c) => sql.ref(`r.${c}`)))
  const order =
    orderBy && orderBy.length > 0
      ? sql` order by ${sql.join(
          orderBy.map((o) => sql`${sql.ref(`r.${o.column}`)} ${sql.raw(o.desc ? 'desc' : 'asc')}`),
        )}`
      : sql``
  const rows: Expression<unknown> =
    dialect === 'postgres'
      ? sql`json_agg(json_build_array(${values})${order})`
      : sql`json_group_array(json_array(${values})${order})`
  return (db as unknown as Kysely<Record<string, never>>)
    .selectFrom(query.as('r') as never)
    .select(sql<unknown>`${rows}`.as('rows')) as unknown as SelectQueryBuilder<DB, never, JsonRows>
}

/**
 * The arrays of a `jsonRows` read: SQLite gives JSON text, PostgreSQL the parsed value (null
 * for no rows).
 */
export function parseJsonRows(result: readonly JsonRows[]): unknown[][] {
  const v = result[0]?.rows
  if (typeof v === 'string') return JSON.parse(v) as unknown[][]
  return Array.isArray(v) ? (v as unknown[][]) : []
}
