export { connect, type Storage, type DialectName } from './connect.js'
export { migrateToLatest, type MigrateResult } from './migrate.js'
export type * from './schema.js'
export { isUniqueViolation } from './errors.js'
