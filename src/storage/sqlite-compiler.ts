import {
  type Kysely,
  type LimitNode,
  type OffsetNode,
  type OperationNode,
  SqliteAdapter,
  SqliteQueryCompiler,
  ValueNode,
} from 'kysely'

/**
 * SQLite's query compiler, writing a whole-number LIMIT or OFFSET into the text instead of
 * binding it (ADR 040).
 *
 * Why: SQLite (3.53, as better-sqlite3 builds it) reads a bound LIMIT while it plans and marks
 * the statement to be prepared again whenever that parameter is bound, so every run of a cached
 * statement with `limit ?` paid a full prepare: ~700,000 instructions for the article page's
 * "Read more", a tenth of the page. A written number is planned once. Only non-negative safe
 * integers are written, so nothing a reader sends can reach the text as SQL; any other value
 * (a prepared read's stand-in, a string) stays a parameter.
 */
export class SqliteCompilerWithWrittenLimits extends SqliteQueryCompiler {
  protected override visitLimit(node: LimitNode): void {
    const n = wholeNumber(node.limit)
    if (n === undefined) super.visitLimit(node)
    else this.append(`limit ${n}`)
  }

  protected override visitOffset(node: OffsetNode): void {
    const n = wholeNumber(node.offset)
    if (n === undefined) super.visitOffset(node)
    else this.append(`offset ${n}`)
  }
}

/** The value of a plain value node holding a non-negative safe integer, else undefined. */
function wholeNumber(node: OperationNode): number | undefined {
  if (!ValueNode.is(node)) return undefined
  const { value } = node
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined
}

/** Whether `db` (or a transaction on it) runs on SQLite: for the SQLite-only forms of ADR 040. */
export function onSqlite<DB>(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter
}
