/**
 * Write batches on SQLite (ADR 029): a bulk writer (an import) opens one transaction and every
 * transaction the repositories start meanwhile becomes a savepoint inside it, so a thousand
 * small saves share one commit instead of paying one each. A save that fails rolls back to its
 * savepoint only; the batch itself always commits what succeeded, because other requests of
 * the same process (one connection) may have written inside it too.
 */
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type Kysely,
  type QueryCompiler,
  SqliteDialect,
  type SqliteDialectConfig,
} from 'kysely'
import { SqliteCompilerWithWrittenLimits } from './sqlite-compiler.js'

export interface BatchSwitch {
  /** Opens a batch; the function it returns commits it. Batches do not nest. */
  open<DB>(db: Kysely<DB>): Promise<() => Promise<void>>
}

/** The dialect with batches, and the switch that opens them. */
export function batchingSqliteDialect(config: SqliteDialectConfig): {
  dialect: SqliteDialect
  batches: BatchSwitch
} {
  let inBatch = false
  /** Whether each open transaction was made a savepoint (they are serial: one connection). */
  const modes: boolean[] = []
  const raw = (c: DatabaseConnection, text: string) => c.executeQuery(CompiledQuery.raw(text))

  class BatchingDialect extends SqliteDialect {
    override createQueryCompiler(): QueryCompiler {
      return new SqliteCompilerWithWrittenLimits()
    }

    override createDriver(): Driver {
      const inner = super.createDriver()
      return Object.assign(Object.create(inner) as Driver, {
        init: () => inner.init(),
        acquireConnection: () => inner.acquireConnection(),
        releaseConnection: (c: DatabaseConnection) => inner.releaseConnection(c),
        destroy: () => inner.destroy(),
        async beginTransaction(c: DatabaseConnection) {
          modes.push(inBatch)
          await raw(c, inBatch ? 'savepoint mh_batch_item' : 'begin')
        },
        async commitTransaction(c: DatabaseConnection) {
          await raw(c, modes.pop() ? 'release mh_batch_item' : 'commit')
        },
        async rollbackTransaction(c: DatabaseConnection) {
          if (modes.pop()) {
            await raw(c, 'rollback to mh_batch_item')
            await raw(c, 'release mh_batch_item')
          } else await raw(c, 'rollback')
        },
      })
    }
  }

  return {
    dialect: new BatchingDialect(config),
    batches: {
      async open(db) {
        if (inBatch) throw new Error('A write batch is already open')
        // Taken on the connection, so no transaction of someone else is half way through.
        await db.connection().execute(async (c) => {
          await c.executeQuery(CompiledQuery.raw('begin'))
          inBatch = true
        })
        return async () => {
          await db.connection().execute(async (c) => {
            inBatch = false
            await c.executeQuery(CompiledQuery.raw('commit'))
          })
        }
      },
    },
  }
}
