import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { type Kysely, sql } from 'kysely'
import { openTestStorage, skipFor, testDialects } from '../../test/support/dialects.js'
import type { Database, Storage } from './index.js'
import { listValues, prepareRead, slotList } from './prepared.js'

describe('prepared reads: values in place of stand-ins', () => {
  it('names the values of a list in order, for slotList to find again', () => {
    const values = listValues('id', [7, 3, 9])
    assert.deepEqual(values, { id0: 7, id1: 3, id2: 9 })
    assert.deepEqual(slotList(values, 'id', 3), [7, 3, 9])
  })
})

for (const dialect of testDialects) {
  describe(`${dialect}: prepared reads`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    let db: Kysely<Database>
    let builds = 0
    const bySlug = prepareRead(
      () => '',
      (d: Kysely<Database>, _: null, v: { slug: string }) => {
        builds++
        return d.selectFrom('section').select(['id', 'slug']).where('slug', '=', v.slug)
      },
    )
    const byIds = prepareRead(
      (n: number) => String(n),
      (d: Kysely<Database>, n, v: Record<string, number> & { min: number }) => {
        builds++
        return d
          .selectFrom('section')
          .select('slug')
          .where('id', 'in', slotList<number>(v, 'id', n))
          .where('position', '>=', v.min)
          .orderBy('slug')
      },
    )

    before(async () => {
      storage = await openTestStorage(dialect)
      db = storage.db
      await db
        .insertInto('section')
        .values(
          ['world', 'courts', "it's; drop table section --", 'economy'].map((slug, i) => ({
            slug,
            name: slug,
            description: '',
            position: i,
          })),
        )
        .execute()
    })
    after(() => storage?.close())

    it('builds a shape once, then answers each run with that run’s values', async () => {
      builds = 0
      assert.deepEqual(
        (await bySlug(db, null, { slug: 'world' })).map((r) => r.slug),
        ['world'],
      )
      assert.deepEqual(
        (await bySlug(db, null, { slug: 'courts' })).map((r) => r.slug),
        ['courts'],
      )
      assert.deepEqual(await bySlug(db, null, { slug: 'nowhere' }), [])
      assert.equal(builds, 1)
    })

    it('sends values as parameters, never in the text: a hostile value is only a value', async () => {
      const rows = await bySlug(db, null, { slug: "it's; drop table section --" })
      assert.equal(rows.length, 1)
      assert.equal((await db.selectFrom('section').select('id').execute()).length, 4)
    })

    it('compiles each shape once: lists of different lengths are different texts', async () => {
      const rows = await db.selectFrom('section').select(['id', 'slug']).execute()
      const id = new Map(rows.map((r) => [r.slug, r.id]))
      const [world, courts, economy] = ['world', 'courts', 'economy'].map((s) => id.get(s)!)
      builds = 0
      const slugs = async (list: number[], min: number) =>
        (await byIds(db, list.length, { min, ...listValues('id', list) })).map((r) => r.slug)
      assert.deepEqual(await slugs([world!, courts!], 0), ['courts', 'world'])
      assert.deepEqual(await slugs([courts!, economy!], 0), ['courts', 'economy'])
      assert.deepEqual(await slugs([world!, courts!], 1), ['courts'])
      assert.equal(builds, 1)
      assert.deepEqual(await slugs([world!, courts!, economy!], 0), ['courts', 'economy', 'world'])
      assert.equal(builds, 2)
    })

    it('plans once on PostgreSQL (generic plans); inside a transaction, stays in it', async () => {
      // What the connection a read runs on says of itself, and whether it sees uncommitted rows.
      const mode = prepareRead(
        () => '',
        (d: Kysely<Database>, _: null, v: { slug: string }) =>
          d
            .selectFrom('section')
            .select((eb) => [
              (dialect === 'postgres'
                ? sql<string>`current_setting('plan_cache_mode', true)`
                : sql<string>`'sqlite'`
              ).as('mode'),
              eb.fn.countAll<number | string>().as('n'),
            ])
            .where('slug', '=', v.slug),
      )
      const [read] = await mode(db, null, { slug: 'world' })
      if (dialect === 'postgres') {
        const plain = await sql<{ mode: string | null }>`
          select current_setting('plan_cache_mode', true) as mode`.execute(db)
        assert.equal(read!.mode, 'force_generic_plan')
        assert.equal(plain.rows[0]!.mode, 'auto', 'other statements keep PostgreSQL’s choice')
      }
      assert.equal(Number(read!.n), 1)
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('section')
          .values({ slug: 'unsaved', name: 'unsaved', description: '', position: 9 })
          .execute()
        const [inside] = await mode(trx, null, { slug: 'unsaved' })
        assert.equal(Number(inside!.n), 1, 'the read saw the transaction’s own row')
        if (dialect === 'postgres') assert.equal(inside!.mode, 'auto')
        await trx.deleteFrom('section').where('slug', '=', 'unsaved').execute()
      })
    })

    it('refuses to run with a value missing, rather than send a stand-in', async () => {
      await assert.rejects(
        byIds(db, 2, { min: 0, id0: 1 } as Record<string, number> & { min: number }),
        /no value for "id1"/,
      )
    })
  })
}
