import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { sql } from 'kysely'
import { skipFor, openTestStorage, testDialects } from '../../test/support/dialects.js'

for (const dialect of testDialects) {
  describe(`${dialect}: write batches`, { skip: await skipFor(dialect) }, () => {
    it('keeps what succeeded inside a batch, and rolls back only the transaction that failed', async () => {
      const storage = await openTestStorage(dialect)
      const db = storage.db
      const names = async () =>
        (await db.selectFrom('section').select('slug').orderBy('slug').execute()).map((r) => r.slug)
      const add = (slug: string) =>
        db.transaction().execute(async (tx) => {
          await tx
            .insertInto('section')
            .values({ slug, name: slug, description: '', position: 0 })
            .execute()
          if (slug.startsWith('bad')) throw new Error('refused')
        })
      try {
        const before = await names()
        const commit = await storage.openBatch()
        await add('batch-one')
        await assert.rejects(add('bad-one'), /refused/)
        await add('batch-two')
        // Outside the batch's commit nothing has been lost or doubled: the failed one is gone.
        await commit()
        assert.deepEqual(
          (await names()).filter((n) => !before.includes(n)),
          ['batch-one', 'batch-two'],
        )
        // Transactions after the batch are transactions again.
        await assert.rejects(add('bad-two'), /refused/)
        await add('after')
        assert.ok((await names()).includes('after'))
        assert.ok(!(await names()).includes('bad-two'))
        if (dialect === 'sqlite') {
          // No transaction is left open: a plain begin works.
          await sql`begin`.execute(db)
          await sql`commit`.execute(db)
        }
      } finally {
        await storage.close()
      }
    })
  })
}
