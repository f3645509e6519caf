import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import SQLite from 'better-sqlite3'
import { connect } from './index.js'
import { dropSamples, refreshStatistics } from './sqlite-stats.js'

// SQLite only: STAT4 samples are SQLite's (PostgreSQL's statistics are ANALYZE's own and plans
// are chosen per connection by its planner; pg-statements.test.ts covers that side).

/** A table whose index ANALYZE has something to sample: a skewed status, as articles have. */
function fill(sqlite: SQLite.Database) {
  sqlite.exec(`create table item (id integer primary key, status text not null, at integer not null);
    create index item_status_at on item (status, at);`)
  const insert = sqlite.prepare('insert into item (status, at) values (?, ?)')
  sqlite.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(i % 50 === 0 ? 'draft' : 'published', i)
  })()
}

const count = (sqlite: SQLite.Database, table: string) =>
  Number((sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n)

describe('sqlite statistics without STAT4 samples (ADR 036)', () => {
  let dir: string
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mh-stats-'))
  })
  after(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('this build of SQLite stores samples, so there is something to drop', () => {
    const sqlite = new SQLite(':memory:')
    const options = sqlite.prepare('select compile_options from pragma_compile_options').all()
    assert.ok(
      options.some((o) => (o as { compile_options: string }).compile_options === 'ENABLE_STAT4'),
      'better-sqlite3 was built without STAT4: sqlite-stats.ts has nothing left to do',
    )
    fill(sqlite)
    sqlite.exec('ANALYZE')
    assert.ok(count(sqlite, 'sqlite_stat4') > 0)
    sqlite.close()
  })

  it('ANALYZE through refreshStatistics keeps the averages and drops the samples', () => {
    const sqlite = new SQLite(':memory:')
    fill(sqlite)
    refreshStatistics(sqlite, 'analyze')
    assert.ok(count(sqlite, 'sqlite_stat1') > 0, 'sqlite_stat1 still plans')
    assert.equal(count(sqlite, 'sqlite_stat4'), 0)
    assert.equal(dropSamples(sqlite), false, 'nothing left to drop the second time')
    // The planner still picks the index from the averages.
    const plan = sqlite
      .prepare("explain query plan select id from item where status = 'draft' and at < ?")
      .all(100)
      .map((r) => (r as { detail: string }).detail)
      .join(' ')
    assert.match(plan, /item_status_at/)
    sqlite.close()
  })

  it('a database with no statistics at all is left alone', () => {
    const sqlite = new SQLite(':memory:')
    assert.equal(dropSamples(sqlite), false)
    sqlite.close()
  })

  it('connect() drops samples an older version or another tool left, and analyze() stores none', async () => {
    const file = path.join(dir, 'samples.db')
    const raw = new SQLite(file)
    fill(raw)
    raw.exec('ANALYZE')
    assert.ok(count(raw, 'sqlite_stat4') > 0)
    raw.close()

    const storage = await connect(`sqlite:${file}`)
    const check = new SQLite(file, { readonly: true })
    assert.equal(count(check, 'sqlite_stat4'), 0, 'dropped on open')
    assert.ok(count(check, 'sqlite_stat1') > 0)
    for (let i = 0; i < 500; i++)
      await storage.db
        .insertInto('item' as never)
        .values({ status: 'published', at: 5000 + i } as never)
        .execute()
    await storage.analyze()
    assert.equal(count(check, 'sqlite_stat4'), 0, 'none after analyze()')
    check.close()
    await storage.close()
  })
})
