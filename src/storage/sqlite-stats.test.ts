import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import SQLite from 'better-sqlite3'
import { connect } from './index.js'
import { dropNeedlessSamples, refreshStatistics } from './sqlite-stats.js'

// SQLite only: STAT4 samples are SQLite's (PostgreSQL's statistics are ANALYZE's own and plans
// are chosen per connection by its planner; pg-statements.test.ts covers that side).

/**
 * A table with a unique key and a skewed status, as articles have: ANALYZE samples both
 * indexes, and only the status's samples say something the averages do not.
 */
function fill(sqlite: SQLite.Database) {
  sqlite.exec(`create table item (id integer primary key, slug text not null unique,
      status text not null, at integer not null);
    create index item_status_at on item (status, at);`)
  const insert = sqlite.prepare('insert into item (slug, status, at) values (?, ?, ?)')
  sqlite.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(`s${i}`, i % 50 === 0 ? 'draft' : 'published', i)
  })()
}

const count = (sqlite: SQLite.Database, table: string) =>
  Number((sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n)

/** Samples per index. */
const samples = (sqlite: SQLite.Database) =>
  Object.fromEntries(
    (
      sqlite.prepare('select idx, count(*) as n from sqlite_stat4 group by idx').all() as {
        idx: string
        n: number
      }[]
    ).map((r) => [r.idx, r.n]),
  )

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

  it('ANALYZE through refreshStatistics drops the unique index samples and keeps the others', () => {
    const sqlite = new SQLite(':memory:')
    fill(sqlite)
    sqlite.exec('ANALYZE')
    const before = samples(sqlite)
    assert.ok(before['sqlite_autoindex_item_1']! > 0 && before['item_status_at']! > 0)
    refreshStatistics(sqlite, 'analyze')
    const after = samples(sqlite)
    assert.equal(after['sqlite_autoindex_item_1'], undefined, 'the unique slug: none left')
    assert.equal(after['item_status_at'], before['item_status_at'], 'the status: all kept')
    assert.ok(count(sqlite, 'sqlite_stat1') > 0, 'the averages stay')
    assert.equal(dropNeedlessSamples(sqlite), false, 'nothing left to drop the second time')
    sqlite.close()
  })

  it("drops the samples of the indexes led by a list's section, topic or author (ADR 040)", () => {
    const sqlite = new SQLite(':memory:')
    sqlite.exec(`create table article_topic (article_id integer not null, topic_id integer not null,
        published_at integer, primary key (article_id, topic_id));
      create index article_topic_topic on article_topic (topic_id, published_at, article_id);
      create table other (topic_id integer not null);
      create index other_topic on other (topic_id);`)
    const link = sqlite.prepare('insert into article_topic values (?, ?, ?)')
    const other = sqlite.prepare('insert into other values (?)')
    sqlite.transaction(() => {
      for (let i = 0; i < 2000; i++) {
        link.run(i, i % 7 === 0 ? 1 : 2 + (i % 40), i)
        other.run(i % 7 === 0 ? 1 : 2 + (i % 40))
      }
    })()
    sqlite.exec('ANALYZE')
    assert.ok(samples(sqlite)['article_topic_topic']! > 0)
    refreshStatistics(sqlite, 'analyze')
    assert.equal(samples(sqlite)['article_topic_topic'], undefined, 'the link index: none left')
    assert.ok(samples(sqlite)['other_topic']! > 0, 'an index of another name keeps its samples')
    sqlite.close()
  })

  it('a database with no statistics at all is left alone', () => {
    const sqlite = new SQLite(':memory:')
    assert.equal(dropNeedlessSamples(sqlite), false)
    sqlite.close()
  })

  it('connect() drops unique samples another version or tool left, and analyze() stores none', async () => {
    const file = path.join(dir, 'samples.db')
    const raw = new SQLite(file)
    fill(raw)
    raw.exec('ANALYZE')
    assert.ok(count(raw, 'sqlite_stat4') > 0)
    raw.close()

    const storage = await connect(`sqlite:${file}`)
    const check = new SQLite(file, { readonly: true })
    assert.equal(samples(check)['sqlite_autoindex_item_1'], undefined, 'dropped on open')
    assert.ok(samples(check)['item_status_at']! > 0, 'kept on open')
    for (let i = 0; i < 500; i++)
      await storage.db
        .insertInto('item' as never)
        .values({ slug: `n${i}`, status: 'published', at: 5000 + i } as never)
        .execute()
    await storage.analyze()
    assert.equal(samples(check)['sqlite_autoindex_item_1'], undefined, 'none after analyze()')
    assert.ok(samples(check)['item_status_at']! > 0)
    check.close()
    await storage.close()
  })
})
