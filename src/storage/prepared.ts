import type { Compilable, CompiledQuery, Kysely } from 'kysely'

/**
 * A read on a hot path (an article page makes three), built and compiled by Kysely once per
 * shape and database, then run with new values (ADR 035).
 *
 * Why: with the page cache off, building and compiling the query trees took a fifth of an
 * uncached article's CPU, more than rendering it, for texts that never change. The builder gets
 * stand-ins ("slots") in place of values; Kysely puts them in the compiled query's parameter
 * list as it would any value, and each run swaps them for the real ones. Values still travel as
 * bound parameters, never in the text. What changes the text (how many topics, whether a
 * language filter applies) is the shape, and each shape is compiled once.
 */
export type PreparedRead<DB, S, V, R> = (db: Kysely<DB>, shape: S, values: V) => Promise<R[]>

/** A value's stand-in while the query is built; replaced by `values[name]` when it runs. */
class Slot {
  constructor(readonly name: string) {}
}

/** At most this many shapes are kept per read and database; a rarer one is compiled each run. */
const MAX_SHAPES = 64

/**
 * Where a database's prepared reads run instead of on it (ADR 038): on PostgreSQL, connections
 * that keep one generic plan per statement. A transaction is never in here, so a read inside one
 * stays inside it.
 */
const runsOn = new WeakMap<object, Kysely<unknown>>()

/** Sends the prepared reads made on `db` to `reads` (same database, other connections). */
export function runPreparedReadsOn<DB>(db: Kysely<DB>, reads: Kysely<DB>): void {
  runsOn.set(db, reads as Kysely<unknown>)
}

/**
 * @param shapeKey names what makes the text differ: same key, same text.
 * @param build must use `values` only as values (compared, inserted), never in its own logic:
 * each is a stand-in while it builds. What decides the text comes in `shape`, and so do LIMIT and
 * OFFSET counts: SQLite plans a bound one again at every run, so they are written (ADR 040).
 */
export function prepareRead<DB, S, V extends object, R>(
  shapeKey: (shape: S) => string,
  build: (db: Kysely<DB>, shape: S, values: V) => Compilable<R>,
): PreparedRead<DB, S, V, R> {
  const byDb = new WeakMap<Kysely<DB>, Map<string, CompiledQuery<R>>>()
  const slots = new Proxy({} as V, { get: (_, name) => new Slot(String(name)) })
  return async (db, shape, values) => {
    let compiled = byDb.get(db)
    if (!compiled) byDb.set(db, (compiled = new Map()))
    const key = shapeKey(shape)
    let query = compiled.get(key)
    if (!query) {
      query = build(db, shape, slots).compile()
      if (compiled.size < MAX_SHAPES) compiled.set(key, query)
    }
    const given = values as Record<string, unknown>
    const parameters = query.parameters.map((p) => {
      if (!(p instanceof Slot)) return p
      const v = given[p.name]
      if (v === undefined) throw new Error(`prepared read: no value for "${p.name}"`)
      return v
    })
    const result = await (runsOn.get(db) ?? db).executeQuery<R>({ ...query, parameters })
    return result.rows
  }
}

/** The slots `prefix0` … for an IN list of `n` values, inside a build. */
export function slotList<T>(values: object, prefix: string, n: number): T[] {
  const v = values as Record<string, T>
  return Array.from({ length: n }, (_, i) => v[`${prefix}${i}`]!)
}

/** The values of a list for `slotList`: `{ prefix0: items[0], … }`. */
export function listValues<T>(prefix: string, items: readonly T[]): Record<string, T> {
  const out: Record<string, T> = {}
  items.forEach((item, i) => (out[`${prefix}${i}`] = item))
  return out
}
