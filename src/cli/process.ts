import type { Config } from '../config.js'
import { connect, migrateToLatest, type Storage } from '../storage/index.js'

/**
 * Stops the process with a message on stderr. Exit 2 is for a wrong command line or
 * configuration, 1 for work that failed (docs/errors.md lists both).
 */
export function fail(message: string, code = 2): never {
  process.stderr.write(`masthead: ${message}\n`)
  process.exit(code)
}

/**
 * The database, migrated; a database that cannot be opened ends the process with exit 1.
 * `role` names the process in PostgreSQL's pg_stat_activity (`masthead serve`, `masthead worker`).
 */
export async function openStorage(config: Config, role?: string): Promise<Storage> {
  try {
    const storage = await connect(config.DATABASE_URL, {
      applicationName: role ? `masthead ${role}` : 'masthead',
    })
    await migrateToLatest(storage.db, storage.schema)
    return storage
  } catch (err) {
    const why =
      err instanceof Error
        ? // The cause's words, unless the message already says them.
          `${err.message}${err.cause instanceof Error && !err.message.includes(err.cause.message) ? `: ${err.cause.message}` : ''}`
        : String(err)
    // The password in the URL stays out of the message.
    fail(
      `cannot open the database (${config.DATABASE_URL.replace(/\/\/[^@/]*@/, '//***@')}): ${why}`,
      1,
    )
  }
}
