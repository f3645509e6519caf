import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import {
  TEST_DATABASE_URL,
  connectSameSchema,
  openTestStorage,
  skipFor,
} from '../../test/support/dialects.js'
import { connect, type Storage } from './index.js'
import { isStalePreparedStatement, statementName } from './pg-statements.js'

describe('named statements: which texts get a name', () => {
  it('names one statement with values, the same name for the same text', () => {
    const text = 'select "id" from "article" where "slug" = $1'
    const name = statementName(text, 1)
    assert.match(name ?? '', /^mh_[A-Za-z0-9_-]{27}$/)
    assert.equal(statementName(text, 1), name)
    assert.notEqual(statementName('select "id" from "article" where "id" = $1', 1), name)
  })

  it('leaves unnamed what a name would break or waste', () => {
    // No values: pg sends the simple protocol, which may carry several statements.
    assert.equal(statementName('select 1', 0), undefined)
    // pg-boss's transactions in one text.
    assert.equal(statementName('begin; select $1; commit', 1), undefined)
    assert.equal(statementName('listen x', 1), undefined)
    assert.equal(statementName(`select ${'1, '.repeat(10_000)}$1`, 1), undefined)
  })

  it('knows a stale prepared statement from other failures', () => {
    const err = (code: string, message: string) => Object.assign(new Error(message), { code })
    assert.equal(
      isStalePreparedStatement(err('0A000', 'cached plan must not change result type')),
      true,
    )
    assert.equal(
      isStalePreparedStatement(err('26000', 'prepared statement "mh_x" does not exist')),
      true,
    )
    assert.equal(isStalePreparedStatement(err('0A000', 'FOR UPDATE is not allowed')), false)
    assert.equal(isStalePreparedStatement(err('23505', 'duplicate key')), false)
    assert.equal(isStalePreparedStatement('0A000'), false)
  })
})

describe('postgres: named statements', { skip: await skipFor('postgres') }, () => {
  let owner: Storage
  let storage: Storage
  let plain: Storage | undefined

  before(async () => {
    owner = await openTestStorage('postgres')
    storage = await connectSameSchema(owner.schema!, { poolSize: 1 })
  })
  after(async () => {
    await plain?.close()
    await storage?.close()
    await owner?.close()
  })

  const prepared = async (s: Storage) =>
    (
      await sql<{
        name: string
        statement: string
      }>`select name, statement from pg_prepared_statements`.execute(s.db)
    ).rows

  it('prepares a query once per connection and runs it again by name', async () => {
    const find = (slug: string) =>
      storage.db.selectFrom('section').select('id').where('slug', '=', slug).execute()
    assert.deepEqual(await find('none'), [])
    assert.deepEqual(await find('other'), [])
    const mine = (await prepared(storage)).filter((p) => p.statement.includes('from "section"'))
    assert.equal(mine.length, 1, JSON.stringify(mine))
    assert.match(mine[0]!.name, /^mh_/)
  })

  it('runs a select * again after a migration changed its table (stale plan)', async () => {
    await sql`create table probe (a integer)`.execute(owner.db)
    await sql`insert into probe values (1)`.execute(owner.db)
    const read = () =>
      sql<Record<string, unknown>>`select * from probe where a = ${1}`.execute(storage.db)
    assert.deepEqual((await read()).rows, [{ a: 1 }])
    await sql`alter table probe add column b text default 'x'`.execute(owner.db)
    assert.deepEqual((await read()).rows, [{ a: 1, b: 'x' }])
    assert.deepEqual((await read()).rows, [{ a: 1, b: 'x' }])
  })

  it('sends nothing by name with ?prepare=false, and refuses another value', async () => {
    const url = new URL(TEST_DATABASE_URL)
    url.searchParams.set('schema', owner.schema!)
    url.searchParams.set('prepare', 'false')
    plain = await connect(url.toString(), { poolSize: 1 })
    await plain.db.selectFrom('section').select('id').where('slug', '=', 'x').execute()
    assert.deepEqual(await prepared(plain), [])
    url.searchParams.set('prepare', 'maybe')
    await assert.rejects(connect(url.toString()), /prepare parameter must be true or false/)
  })
})
