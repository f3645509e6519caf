// More articles than `masthead seed --demo` can write: the CLI's articles copied in SQL, set-wise
// (one INSERT … SELECT per table and round), so 100,000 articles take seconds, not hours.
// Used by the reader and admin benches.
import { reuseIfSeeded, secondsSince, seedWithCli } from './databases.mjs'
import { say } from './setup.mjs'

/**
 * `masthead seed --demo` writes 60 stories per 61 days going back from now, and publication
 * times before 1970 are refused, so it cannot write more than about 20,000 articles. The bench
 * seeds this many with the CLI, then copies them in SQL (new slugs, times a few days earlier,
 * same credits and topics) up to --articles.
 */
export const CLI_SEED_MAX = 10_000
const DAY_MS = 24 * 3600 * 1000

/**
 * Copies the first `baseMax` articles (with their credits and topics) in rounds until the
 * database holds `target` articles: round r gets slugs "<slug>-c<r>" and times r days earlier.
 * Column lists come from the database, so added columns are copied as they are.
 * `exec(sql)` runs one statement; `columns(table)` lists a table's columns.
 */
async function amplify({ exec, columns, count }, baseMax, target) {
  const q = (c) => `"${c}"`
  const shifted = (r, c, alias) =>
    ['published_at', 'updated_at', 'created_at'].includes(c)
      ? `${alias}.${q(c)} - ${r * DAY_MS}`
      : `${alias}.${q(c)}`
  const newSlug = (r, alias) => `rtrim(substr(${alias}.slug, 1, 72), '-') || '-c${r}'`
  const articleCols = (await columns('article')).filter((c) => c !== 'id')
  const creditCols = await columns('article_credit')
  const topicCols = await columns('article_topic')
  let have = await count()
  for (let r = 1; have < target; r++) {
    const n = Math.min(baseMax, target - have)
    await exec(
      `insert into article (${articleCols.map(q).join(', ')})
       select ${articleCols.map((c) => (c === 'slug' ? newSlug(r, 'o') : shifted(r, c, 'o'))).join(', ')}
       from article o where o.id <= ${baseMax} and o.id in
         (select id from article where id <= ${baseMax} order by id limit ${n})`,
    )
    for (const [table, cols] of [
      ['article_credit', creditCols],
      ['article_topic', topicCols],
    ]) {
      await exec(
        `insert into ${table} (${cols.map(q).join(', ')})
         select ${cols.map((c) => (c === 'article_id' ? 'n.id' : shifted(r, c, 't'))).join(', ')}
         from ${table} t
         join article o on o.id = t.article_id and o.id <= ${baseMax}
         join article n on n.slug = ${newSlug(r, 'o')}`,
      )
    }
    have = await count()
    say(`  copied round ${r}: ${have} articles`)
  }
  return have
}

/** Copies the SQLite bench database's articles up to `target`. */
export async function amplifySqlite(db, target) {
  const { default: SQLite } = await import('better-sqlite3')
  const sqlite = new SQLite(db.file, { fileMustExist: true })
  try {
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('foreign_keys = ON')
    const baseMax = Number(sqlite.prepare('select max(id) as m from article').get().m)
    const n = await amplify(
      {
        exec: async (s) => sqlite.transaction(() => sqlite.prepare(s).run())(),
        columns: async (t) => sqlite.pragma(`table_info(${t})`).map((c) => c.name),
        count: async () => db.countArticles(sqlite),
      },
      baseMax,
      target,
    )
    // `masthead seed` ends with ANALYZE on both dialects; the copies get the same.
    sqlite.exec('ANALYZE')
    sqlite.pragma('wal_checkpoint(TRUNCATE)')
    return n
  } finally {
    sqlite.close()
  }
}

/** Copies the PostgreSQL bench schema's articles up to `target`, one transaction a statement. */
export function amplifyPostgres(db, target) {
  return db.withClient(async (cl) => {
    await cl.query(`set search_path to "${db.schema}"`)
    const baseMax = Number((await cl.query('select max(id) as m from article')).rows[0].m)
    return amplify(
      {
        exec: async (s) => {
          await cl.query('begin')
          try {
            await cl.query(s)
            await cl.query('commit')
          } catch (e) {
            await cl.query('rollback')
            throw e
          }
        },
        columns: async (t) =>
          (
            await cl.query(
              `select column_name from information_schema.columns
               where table_schema = $1 and table_name = $2 order by ordinal_position`,
              [db.schema, t],
            )
          ).rows.map((r) => r.column_name),
        count: async () => Number((await cl.query('select count(*) as n from article')).rows[0].n),
      },
      baseMax,
      target,
    )
  })
}

/** `db` with its copier: `amplify(target)` copies its articles up to `target`. */
export function withAmplify(db) {
  if (db.skip) return db
  return {
    ...db,
    amplify: (target) =>
      db.dialect === 'sqlite' ? amplifySqlite(db, target) : amplifyPostgres(db, target),
  }
}

/**
 * Seeds `articles` articles: up to CLI_SEED_MAX with `masthead seed --demo` (real demo stories
 * with images), the rest copied in SQL. Reuses a database that already holds that many.
 */
export async function seedArticles(db, articles, { hideDemoAdmin = false } = {}) {
  const { have, reused } = await reuseIfSeeded(db, articles)
  if (reused) return reused
  const viaCli = Math.min(articles, CLI_SEED_MAX)
  say(
    `  ${have ? `the bench database has only ${have} articles: ` : ''}seeding ${viaCli} articles with the CLI${viaCli < articles ? `, then copying them in SQL up to ${articles}` : ''} (this takes a few minutes)…`,
  )
  const cli = await seedWithCli(db, viaCli, { hideDemoAdmin })
  const { started, seconds: cliSeconds } = cli
  let n = cli.articles
  if (n < articles) n = await withAmplify(db).amplify(articles)
  if (n < articles) throw new Error(`copying ${db.dialect} reached ${n} articles, not ${articles}`)
  const seconds = secondsSince(started)
  say(`  seeded ${n} articles in ${seconds} s (CLI: ${viaCli} in ${cliSeconds} s)`)
  return { reused: false, articles: n, viaCli, cliSeconds, seconds }
}
