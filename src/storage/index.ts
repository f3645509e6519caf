export { connect, type ConnectOptions, type Storage, type DialectName } from './connect.js'
export { isConnectionLost } from './pg-resilience.js'
export { migrateToLatest, type MigrateResult } from './migrate.js'
export type * from './schema.js'
export type * from './schema-imports.js'
export type * from './schema-fronts.js'
export { isUniqueViolation } from './errors.js'
export {
  countRows,
  restoreSnapshot,
  SnapshotToolError,
  type RowCounts,
  type SnapshotResult,
} from './snapshot.js'
export { type PreparedRead, listValues, prepareRead, slotList } from './prepared.js'
export { type JsonRows, jsonRows, parseJsonRows } from './json-rows.js'
export { onSqlite } from './sqlite-compiler.js'
