import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { skipFor, openTestStorage, testDialects } from '../../test/support/dialects.js'

for (const dialect of testDialects) {
  describe(`${dialect}: LIMIT and OFFSET in the text`, { skip: await skipFor(dialect) }, () => {
    it('writes whole numbers into the text on SQLite only, and reads the same rows', async () => {
      const storage = await openTestStorage(dialect)
      const db = storage.db
      try {
        for (const [i, slug] of ['a', 'b', 'c', 'd', 'e', 'f'].entries()) {
          await db
            .insertInto('section')
            .values({ slug: `lim-${slug}`, name: slug, description: '', position: i })
            .execute()
        }
        const q = db
          .selectFrom('section')
          .select('slug')
          .where('slug', 'like', 'lim-%')
          .orderBy('slug')
          .limit(3)
          .offset(2)
        const compiled = q.compile()
        if (dialect === 'sqlite') {
          assert.match(compiled.sql, / limit 3 offset 2$/)
          assert.deepEqual(compiled.parameters, ['lim-%'])
        } else {
          // PostgreSQL plans a bound limit once per named statement: it stays a parameter.
          assert.match(compiled.sql, / limit \$2 offset \$3$/)
          assert.deepEqual(compiled.parameters, ['lim-%', 3, 2])
        }
        assert.deepEqual(
          (await q.execute()).map((r) => r.slug),
          ['lim-c', 'lim-d', 'lim-e'],
        )
      } finally {
        await storage.close()
      }
    })

    it('keeps anything but a whole number a parameter', async () => {
      const storage = await openTestStorage(dialect)
      try {
        for (const odd of [2.5, -1, Number.MAX_SAFE_INTEGER + 2, '1; drop table section']) {
          const compiled = storage.db
            .selectFrom('section')
            .select('slug')
            .limit(odd as number)
            .compile()
          assert.ok(compiled.parameters.includes(odd), `${String(odd)} is bound`)
          assert.doesNotMatch(compiled.sql, /drop table/)
        }
      } finally {
        await storage.close()
      }
    })
  })
}
