import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Kysely } from 'kysely'
import { openTestStorage, skipFor, testDialects } from '../../test/support/dialects.js'
import type { Storage } from './index.js'
import { migrateToLatest, otherSchemaVanished } from './migrate.js'

describe('migrating beside other schemas', () => {
  it('tries again only when another schema vanished while Kysely listed the tables', () => {
    const gone = (name: string) =>
      Object.assign(new Error(`schema "${name}" does not exist`), { code: '3F000' })
    assert.equal(otherSchemaVanished(gone('t_2702_18395f81'), 't_2345_784f41d8'), true)
    assert.equal(otherSchemaVanished(gone('t_2702_18395f81'), undefined), true)
    // Our own schema missing is a real problem, and so is anything else.
    assert.equal(otherSchemaVanished(gone('mine'), 'mine'), false)
    assert.equal(
      otherSchemaVanished(Object.assign(new Error('deadlock detected'), { code: '40P01' }), 'x'),
      false,
    )
    assert.equal(otherSchemaVanished(new Error('schema "a" does not exist'), 'x'), false)
  })
})

for (const dialect of testDialects) {
  describe(
    `${dialect}: starting on an up-to-date database`,
    { skip: await skipFor(dialect) },
    () => {
      let storage: Storage
      before(async () => {
        storage = await openTestStorage(dialect)
      })
      after(() => storage.close())

      it('asks one question and applies nothing when every migration is recorded', async () => {
        const seen: string[] = []
        const counted = storage.db.withPlugin({
          transformQuery: (args) => {
            seen.push(args.node.kind)
            return args.node
          },
          transformResult: async (args) => args.result,
        })
        const result = await migrateToLatest(counted, storage.schema)
        assert.deepEqual(result.applied, [])
        // Kysely's migrator would list every table and column of the database, then lock.
        assert.deepEqual(seen, ['SelectQueryNode'])
      })

      it('still refuses a database that recorded a migration this version does not know', async () => {
        const q = (storage.schema
          ? storage.db.withSchema(storage.schema)
          : storage.db) as unknown as Kysely<{
          kysely_migration: { name: string; timestamp: string }
        }>
        await q
          .insertInto('kysely_migration')
          .values({
            name: '2099-01-01-9999-from-a-newer-version',
            timestamp: new Date().toISOString(),
          })
          .execute()
        await assert.rejects(
          migrateToLatest(storage.db, storage.schema),
          /Migrations could not run/,
        )
        // In words an operator can act on, naming the migration.
        await assert.rejects(
          migrateToLatest(storage.db, storage.schema),
          /migrated by a newer version of Masthead \(2099-01-01-9999-from-a-newer-version\); run that version, or restore a backup/,
        )
        await q
          .deleteFrom('kysely_migration')
          .where('name', '=', '2099-01-01-9999-from-a-newer-version')
          .execute()
        assert.deepEqual((await migrateToLatest(storage.db, storage.schema)).applied, [])
      })
    },
  )
}
