import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { type Kysely, sql } from 'kysely'
import { openTestStorage, skipFor, testDialects } from '../../test/support/dialects.js'
import type { Database, Storage } from './index.js'
import { jsonRows, parseJsonRows } from './json-rows.js'

describe('rows as one JSON value: decoding', () => {
  it('reads SQLite’s JSON text and PostgreSQL’s parsed value alike', () => {
    assert.deepEqual(parseJsonRows([{ rows: '[[1,"a"],[2,null]]' }]), [
      [1, 'a'],
      [2, null],
    ])
    assert.deepEqual(parseJsonRows([{ rows: [[1, 'a']] }]), [[1, 'a']])
  })

  it('gives no rows for json_agg’s null, for no result row, and for anything not an array', () => {
    assert.deepEqual(parseJsonRows([{ rows: null }]), [])
    assert.deepEqual(parseJsonRows([]), [])
    assert.deepEqual(parseJsonRows([{ rows: 7 }]), [])
  })
})

for (const dialect of testDialects) {
  describe(`${dialect}: rows as one JSON value`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    let db: Kysely<Database>

    before(async () => {
      storage = await openTestStorage(dialect)
      db = storage.db
      // Texts a JSON encoder must escape, a null, a number past 2^31 (publication times).
      await db
        .insertInto('section')
        .values([
          { slug: 'a', name: 'Quote " and \\ backslash', description: '', position: 3 },
          { slug: 'b', name: 'Line\nbreak, tab\t, ёлка 🦆', description: '', position: 1 },
          { slug: 'c', name: '</script><!--', description: '', position: 2 },
        ])
        .execute()
    })
    after(() => storage?.close())

    const sections = () =>
      db
        .selectFrom('section')
        .select([
          'slug',
          'name',
          'position',
          sql<number>`cast(${sql.lit(1796675879675)} as bigint)`.as('big'),
        ])

    it('gives every column of every row, its text and numbers exact, in the order asked', async () => {
      const rows = parseJsonRows(
        await jsonRows(
          db,
          dialect,
          sections(),
          ['slug', 'name', 'big'],
          [{ column: 'position', desc: true }],
        ).execute(),
      )
      assert.deepEqual(rows, [
        ['a', 'Quote " and \\ backslash', 1796675879675],
        ['c', '</script><!--', 1796675879675],
        ['b', 'Line\nbreak, tab\t, ёлка 🦆', 1796675879675],
      ])
      const ascending = parseJsonRows(
        await jsonRows(db, dialect, sections(), ['slug'], [{ column: 'position' }]).execute(),
      )
      assert.deepEqual(ascending, [['b'], ['c'], ['a']])
    })

    it('gives an empty list when the query finds nothing', async () => {
      const none = sections().where('slug', '=', 'absent')
      assert.deepEqual(parseJsonRows(await jsonRows(db, dialect, none, ['slug']).execute()), [])
    })
  })
}
