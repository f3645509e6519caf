// The benchmarks' own databases (apart from the app's data): a SQLite file under bench/.data or
// a schema of their own in a PostgreSQL database, and seeding them with the compiled CLI.
import fs from 'node:fs'
import { startChild } from './processes.mjs'
import { DATA, MAIN, ROOT, round, say } from './setup.mjs'

/** The environment of the compiled app run against a bench database (production mode). */
export function childEnv(db, extra = {}) {
  return {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    DATABASE_URL: db.url,
    MEDIA_DIR: db.mediaDir,
    SEED_DEMO_WHEN_EMPTY: 'false',
    // Production refuses sends without it, and says so in the log; nothing here sends.
    PUBLIC_URL: 'https://bench.example',
    ...extra,
  }
}

const countArticles = (sqlite) =>
  Number(sqlite.prepare('select count(*) as n from article').get().n)

/** A SQLite bench database in `file`, its images in `mediaDir`. */
export function sqliteDb(file, mediaDir) {
  return {
    dialect: 'sqlite',
    url: `sqlite:${file}`,
    file,
    mediaDir,
    countArticles,
    async count() {
      if (!fs.existsSync(file)) return 0
      const { default: SQLite } = await import('better-sqlite3')
      const db = new SQLite(file, { readonly: true, fileMustExist: true })
      try {
        return countArticles(db)
      } catch {
        return 0
      } finally {
        db.close()
      }
    },
    async wipe() {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true })
    },
  }
}

/**
 * The PostgreSQL bench database (schema `pgSchema` of the database at `pgUrl`, images in
 * `mediaDir`), or { skip: reason } when the server cannot be reached.
 */
export async function postgresDb({ pgUrl, pgSchema }, mediaDir) {
  const { default: pg } = await import('pg')
  const client = () => new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 })
  const c = client()
  try {
    await c.connect()
    await c.query('select 1')
  } catch (e) {
    return {
      skip: `PostgreSQL at ${pgUrl.replace(/\/\/[^@/]*@/, '//***@')} is unreachable: ${e.message || e.code || e}`,
    }
  } finally {
    await c.end().catch(() => {})
  }
  const S = `"${pgSchema}"`
  /** A connection of its own for `fn`, closed afterwards. */
  const withClient = async (fn) => {
    const cl = client()
    await cl.connect()
    try {
      return await fn(cl)
    } finally {
      await cl.end()
    }
  }
  const query = (sql, params) => withClient((cl) => cl.query(sql, params))
  const u = new URL(pgUrl)
  u.searchParams.set('schema', pgSchema)
  return {
    dialect: 'postgres',
    url: u.toString(),
    schema: pgSchema,
    mediaDir,
    withClient,
    async count() {
      try {
        return Number((await query(`select count(*) as n from ${S}.article`)).rows[0].n)
      } catch {
        return 0
      }
    },
    async wipe() {
      await query(`drop schema if exists ${S} cascade`)
    },
    /**
     * Planner statistics, as autovacuum would gather them on a live server (it may be off, or
     * not have run yet, right after seeding). Only the bench schema's tables.
     */
    async analyze() {
      const { rows } = await query(`select tablename from pg_tables where schemaname = $1`, [
        pgSchema,
      ])
      for (const r of rows) await query(`analyze ${S}."${r.tablename}"`)
      return rows.length
    },
  }
}

/** The seeding result when the database already holds `articles` articles, else null. */
export async function reuseIfSeeded(db, articles) {
  const have = await db.count()
  if (have < articles) return { have, reused: null }
  say(`  reusing the seeded ${db.dialect} bench database (${have} articles)`)
  return { have, reused: { reused: true, articles: have, seconds: 0 } }
}

/**
 * Empties the database and its media, then runs `masthead seed --demo --articles n`, showing
 * its progress every 15 s. Throws with the CLI's last lines when it fails, or when fewer than
 * `n` articles came out. `hideDemoAdmin` keeps the demo owner's one-time password out of the
 * output. Returns the article count, when the CLI started (a Date.now(), after emptying the
 * database) and the seconds it took.
 */
export async function seedWithCli(db, n, { hideDemoAdmin = false } = {}) {
  await db.wipe()
  fs.rmSync(db.mediaDir, { recursive: true, force: true })
  fs.mkdirSync(DATA, { recursive: true })
  const started = Date.now()
  let lastShown = 0
  const tail = []
  const h = startChild(process.execPath, [MAIN, 'seed', '--demo', '--articles', String(n)], {
    cwd: ROOT,
    env: childEnv(db),
    onLine: (line) => {
      tail.push(line)
      if (tail.length > 20) tail.shift()
      const progress = /seeding:/.test(line)
      if (!progress || Date.now() - lastShown > 15_000 || / \(100%\)/.test(line)) {
        lastShown = Date.now()
        const hidden = hideDemoAdmin && /^\s*Demo admin:/.test(line)
        say(`  ${hidden ? 'Demo admin account created (not used here)' : line.trim()}`)
      }
    },
  })
  const { code, signal, error } = await h.exited
  if (error || code !== 0)
    throw new Error(
      `seeding ${db.dialect} failed (${error?.message ?? `exit ${code ?? signal}`}):\n${tail.join('\n')}`,
    )
  const have = await db.count()
  if (have < n) throw new Error(`seeding ${db.dialect} wrote ${have} articles, expected ${n}`)
  return { articles: have, started, seconds: secondsSince(started) }
}

/** Seconds since `started` (a Date.now()), to 0.1 s. */
export const secondsSince = (started) => round((Date.now() - started) / 1000)

/** Runs ANALYZE where the database needs it (PostgreSQL) and records it in `seed`. */
export async function analyzeIfNeeded(db, seed) {
  if (!db.analyze) return
  const n = await db.analyze()
  say(`  ran ANALYZE on the ${n} bench tables (what autovacuum does on a live server)`)
  seed.analyzed = true
}
