import { type AliasableExpression, type Kysely, type SelectQueryBuilder, sql } from 'kysely'
import type { DialectName } from './connect.js'

/**
 * A read's many small rows as one JSON value on SQLite, one array per row (ADR 044).
 *
 * Why: better-sqlite3 makes each row a JavaScript object through V8's C++ API, about 1 µs for a
 * row of four numbers here, which cost more than finding the rows: "Read more"'s 66 candidates
 * took 25–30 µs in SQLite and 80 µs more to become objects. One JSON text per statement is one
 * value to hand over, and `JSON.parse` builds the arrays in V8 itself.
 *
 * PostgreSQL gets the rows as they are: there the JSON would be built by the database server,
 * on the same cores, and node-postgres's rows are cheap to make; the uncached article and home
 * page measured 3% slower with `json_agg` on the bench machine.
 */
export type JsonRows = Record<string, unknown>

/** The column that holds every row on SQLite: no column of a `jsonRows` read may be so named. */
const AGGREGATE = 'json_rows'

/** A column of the rows and which way they are ordered by it. */
export interface RowOrder<C extends string> {
  column: C
  desc?: boolean
}

/**
 * `query`'s rows, its `columns` in that order: on SQLite one JSON array of arrays, on PostgreSQL
 * the rows. `orderBy` gives their order, since an aggregate does not keep a subquery's.
 */
export function jsonRows<DB, O>(
  db: Kysely<DB>,
  dialect: DialectName,
  query: AliasableExpression<O>,
  columns: readonly (keyof O & string)[],
  orderBy: readonly RowOrder<keyof O & string>[] = [],
): SelectQueryBuilder<DB, never, JsonRows> {
  if (columns.includes(AGGREGATE as keyof O & string)) {
    throw new Error(`jsonRows: no column may be named ${AGGREGATE}`)
  }
  const from = (db as unknown as Kysely<Record<string, never>>).selectFrom(query.as('r') as never)
  const order = orderBy.map(
    (o) => sql`${sql.ref(`r.${o.column}`)} ${sql.raw(o.desc ? 'desc' : 'asc')}`,
  )
  if (dialect === 'postgres') {
    return (order.length ? from.orderBy(sql.join(order) as never) : from).select(
      columns.map((c) => sql.ref(`r.${c}`).as(c)) as never,
    ) as unknown as SelectQueryBuilder<DB, never, JsonRows>
  }
  const values = sql.join(columns.map((c) => sql.ref(`r.${c}`)))
  const ordered = order.length ? sql` order by ${sql.join(order)}` : sql``
  return from.select(
    sql<string>`json_group_array(json_array(${values})${ordered})`.as(AGGREGATE),
  ) as unknown as SelectQueryBuilder<DB, never, JsonRows>
}

/** The rows of a `jsonRows` read as arrays, `columns` in the order the read was given them. */
export function parseJsonRows(
  result: readonly JsonRows[],
  columns: readonly string[],
): unknown[][] {
  const first = result[0]
  if (result.length === 1 && first && AGGREGATE in first) {
    const v = first[AGGREGATE]
    return typeof v === 'string' ? (JSON.parse(v) as unknown[][]) : []
  }
  return result.map((r) => columns.map((c) => r[c]))
}
