import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { type Kysely, sql } from 'kysely'
import { openTestStorage, skipFor, testDialects } from '../../test/support/dialects.js'
import type { Database, Storage } from './index.js'
import { jsonRows, parseJsonRows } from './json-rows.js'

describe('rows as arrays: decoding', () => {
  it('reads SQLite’s one JSON text, and PostgreSQL’s rows by the columns asked', () => {
    assert.deepEqual(parseJsonRows([{ json_rows: '[[1,"a"],[2,null]]' }], ['n', 's']), [
      [1, 'a'],
      [2, null],
    ])
    assert.deepEqual(
      parseJsonRows(
        [
          { s: 'a', n: 1 },
          { n: 2, s: null },
        ],
        ['n', 's'],
      ),
      [
        [1, 'a'],
        [2, null],
      ],
    )
  })

  it('gives no rows for an empty aggregate, for no result rows, and for a value not JSON text', () => {
    assert.deepEqual(parseJsonRows([{ json_rows: '[]' }], ['n']), [])
    assert.deepEqual(parseJsonRows([], ['n']), [])
    assert.deepEqual(parseJsonRows([{ json_rows: null }], ['n']), [])
  })
})

for (const dialect of testDialects) {
  describe(`${dialect}: rows as arrays`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    let db: Kysely<Database>

    before(async () => {
      storage = await openTestStorage(dialect)
      db = storage.db
      // Texts a JSON encoder must escape, and a number past 2^31 (publication times).
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
      const columns = ['slug', 'name', 'big'] as const
      const found = await jsonRows(db, dialect, sections(), columns, [
        { column: 'position', desc: true },
      ]).execute()
      assert.deepEqual(
        parseJsonRows(found, columns).map(([slug, name, big]) => [slug, name, Number(big)]),
        [
          ['a', 'Quote " and \\ backslash', 1796675879675],
          ['c', '</script><!--', 1796675879675],
          ['b', 'Line\nbreak, tab\t, ёлка 🦆', 1796675879675],
        ],
      )
      const ascending = await jsonRows(
        db,
        dialect,
        sections(),
        ['slug'],
        [{ column: 'position' }],
      ).execute()
      assert.deepEqual(parseJsonRows(ascending, ['slug']), [['b'], ['c'], ['a']])
    })

    it('gives no rows when the query finds nothing', async () => {
      const none = sections().where('slug', '=', 'absent')
      const found = await jsonRows(db, dialect, none, ['slug']).execute()
      assert.deepEqual(parseJsonRows(found, ['slug']), [])
    })

    it('refuses a column named as the aggregate, which the decoding could not tell apart', () => {
      const named = db.selectFrom('section').select('slug as json_rows')
      assert.throws(() => jsonRows(db, dialect, named, ['json_rows']), /json_rows/)
    })
  })
}
