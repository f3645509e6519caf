#!/usr/bin/env node
// Masthead admin benchmark: with 100,000 articles, the admin's article list, a filtered list and
// an article save must each answer in ≤ 100 ms at p95, on SQLite and on PostgreSQL.
// It seeds a bench database per dialect (apart from bench/run.mjs's), adds an editor, serves
// the compiled app in production mode as a child process, signs in like a browser (cookies,
// CSRF tokens from the forms) and times sequential requests: the target is per-request latency.
// Usage: npm run bench:admin [-- --dialect sqlite|postgres|both --articles N --quick]
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import {
  CookieJar,
  formFields,
  freePort,
  killAllChildrenSync,
  machineInfo,
  percentiles,
  pollUntil200,
  request,
  runChild,
  sampleMemory,
  selectOptions,
  startChild,
  stopAllChildren,
  stopChild,
  textTable,
} from './lib.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const DATA = path.join(ROOT, 'bench', '.data')
const RESULTS = path.join(ROOT, 'bench', 'results', 'admin-latest.json')
const MAIN = path.join(ROOT, 'dist', 'src', 'main.js')
// Node flags come from `npm start`, so the server runs as operators run it.
const START_FLAGS = (
  JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.start?.match(
    /^node((?:\s+--\S+)*)\s/,
  )?.[1] ?? '--max-semi-space-size=4 --max-old-space-size=256'
)
  .trim()
  .split(/\s+/)
  .filter(Boolean)

const STAFF = { email: 'bench@example.org', name: 'Bench', role: 'editor' }
const PASSWORD = 'a long enough passphrase'
const TARGET_P95_MS = 100
/**
 * `masthead seed --demo` writes 60 stories per 61 days going back from now, and publication
 * times before 1970 are refused, so it cannot write more than about 20,000 articles. The bench
 * seeds this many with the CLI, then copies them in SQL (new slugs, times a few days earlier,
 * same credits and topics) up to --articles.
 */
const CLI_SEED_MAX = 10_000
const DAY_MS = 24 * 3600 * 1000

const HELP = `Usage: node bench/admin.mjs [options]   (or: npm run bench:admin -- [options])

  --dialect sqlite|postgres|both   Databases to measure (env BENCH_DIALECT; default both)
  --articles N                     Articles in the bench database (env BENCH_ARTICLES; default 100000)
  --quick                          Fewer requests and a 3 s concurrent load (env BENCH_QUICK=1)
  --pg-url URL                     PostgreSQL database (env BENCH_PG_URL;
                                   default postgres://postgres@127.0.0.1:5432/test), schema "bench_admin"
  -h, --help                       Show this help`

// ---------------------------------------------------------------- options

function options() {
  let v
  try {
    v = parseArgs({
      strict: true,
      options: {
        dialect: { type: 'string' },
        articles: { type: 'string' },
        quick: { type: 'boolean' },
        'pg-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values
  } catch (e) {
    console.error(`bench:admin: ${e.message}\n\n${HELP}`)
    process.exit(2)
  }
  if (v.help) {
    console.log(HELP)
    process.exit(0)
  }
  const env = process.env
  const truthy = (s) => ['1', 'true', 'yes', 'on'].includes(String(s ?? '').toLowerCase())
  const quick = v.quick ?? truthy(env.BENCH_QUICK)
  const dialect = v.dialect ?? env.BENCH_DIALECT ?? 'both'
  const articles = Number(v.articles ?? env.BENCH_ARTICLES ?? 100_000)
  const problems = []
  if (!['sqlite', 'postgres', 'both'].includes(dialect))
    problems.push('--dialect must be sqlite, postgres or both')
  if (!(Number.isInteger(articles) && articles >= 100 && articles <= 1_000_000))
    problems.push('--articles must be a whole number from 100 to 1000000')
  if (problems.length) {
    console.error(`bench:admin: ${problems.join('; ')}\n\n${HELP}`)
    process.exit(2)
  }
  return {
    dialects: dialect === 'both' ? ['sqlite', 'postgres'] : [dialect],
    articles,
    quick,
    // Sequential requests per operation (after the warm-up) and the concurrent load.
    listRequests: quick ? 60 : 300,
    filteredRequests: quick ? 60 : 300,
    saves: quick ? 40 : 200,
    warmup: quick ? 5 : 20,
    loadConnections: 10,
    loadSeconds: quick ? 3 : 10,
    pgUrl: v['pg-url'] ?? env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    pgSchema: 'bench_admin',
  }
}

// ---------------------------------------------------------------- cleanup

let currentLoad = null
let interrupted = false
process.on('exit', killAllChildrenSync)
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    if (interrupted) process.exit(130)
    interrupted = true
    console.error(`\nbench:admin: ${sig}: stopping the load and every child process…`)
    currentLoad?.stop?.()
    await stopAllChildren().catch(() => {})
    process.exit(130)
  })
}

// ---------------------------------------------------------------- helpers

const say = (s = '') => process.stdout.write(`${s}\n`)
const round = (n, d = 1) =>
  n === null || n === undefined || Number.isNaN(n) ? null : Math.round(n * 10 ** d) / 10 ** d
const ms3 = (n) => (n === null || n === undefined ? '–' : n.toFixed(3))

function childEnv(db, extra = {}) {
  return {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    DATABASE_URL: db.url,
    MEDIA_DIR: db.mediaDir,
    SEED_DEMO_WHEN_EMPTY: 'false',
    ...extra,
  }
}

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

// ---------------------------------------------------------------- databases

async function sqliteDb() {
  const file = path.join(DATA, 'admin.db')
  const { default: SQLite } = await import('better-sqlite3')
  const countIn = (db) => Number(db.prepare('select count(*) as n from article').get().n)
  return {
    dialect: 'sqlite',
    url: `sqlite:${file}`,
    mediaDir: path.join(DATA, 'media-admin-sqlite'),
    async count() {
      if (!fs.existsSync(file)) return 0
      const db = new SQLite(file, { readonly: true, fileMustExist: true })
      try {
        return countIn(db)
      } catch {
        return 0
      } finally {
        db.close()
      }
    },
    async wipe() {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true })
    },
    async amplify(target) {
      const db = new SQLite(file, { fileMustExist: true })
      try {
        db.pragma('journal_mode = WAL')
        db.pragma('foreign_keys = ON')
        const baseMax = Number(db.prepare('select max(id) as m from article').get().m)
        const n = await amplify(
          {
            exec: async (s) => db.transaction(() => db.prepare(s).run())(),
            columns: async (t) => db.pragma(`table_info(${t})`).map((c) => c.name),
            count: async () => countIn(db),
          },
          baseMax,
          target,
        )
        // `masthead seed` ends with ANALYZE on both dialects; the copies get the same.
        db.exec('ANALYZE')
        db.pragma('wal_checkpoint(TRUNCATE)')
        return n
      } finally {
        db.close()
      }
    },
  }
}

/** The PostgreSQL bench database, or { skip: reason } when the server cannot be reached. */
async function postgresDb(opt) {
  const { default: pg } = await import('pg')
  const client = () => new pg.Client({ connectionString: opt.pgUrl, connectionTimeoutMillis: 3000 })
  const c = client()
  try {
    await c.connect()
    await c.query('select 1')
  } catch (e) {
    return {
      skip: `PostgreSQL at ${opt.pgUrl.replace(/\/\/[^@/]*@/, '//***@')} is unreachable: ${e.message || e.code || e}`,
    }
  } finally {
    await c.end().catch(() => {})
  }
  const S = `"${opt.pgSchema}"`
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
  const u = new URL(opt.pgUrl)
  u.searchParams.set('schema', opt.pgSchema)
  return {
    dialect: 'postgres',
    url: u.toString(),
    mediaDir: path.join(DATA, 'media-admin-postgres'),
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
    async amplify(target) {
      return withClient(async (cl) => {
        await cl.query(`set search_path to ${S}`)
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
                  [opt.pgSchema, t],
                )
              ).rows.map((r) => r.column_name),
            count: async () =>
              Number((await cl.query('select count(*) as n from article')).rows[0].n),
          },
          baseMax,
          target,
        )
      })
    },
    /** Planner statistics, as autovacuum would gather them on a live server. */
    async analyze() {
      const { rows } = await query(`select tablename from pg_tables where schemaname = $1`, [
        opt.pgSchema,
      ])
      for (const r of rows) await query(`analyze ${S}."${r.tablename}"`)
      return rows.length
    },
  }
}

async function ensureSeeded(db, articles) {
  const have = await db.count()
  if (have >= articles) {
    say(`  reusing the seeded ${db.dialect} bench database (${have} articles)`)
    return { reused: true, articles: have, seconds: 0 }
  }
  const viaCli = Math.min(articles, CLI_SEED_MAX)
  say(
    `  ${have ? `the bench database has only ${have} articles: ` : ''}seeding ${viaCli} articles with the CLI${viaCli < articles ? `, then copying them in SQL up to ${articles}` : ''} (this takes a few minutes)…`,
  )
  await db.wipe()
  fs.rmSync(db.mediaDir, { recursive: true, force: true })
  fs.mkdirSync(DATA, { recursive: true })
  const started = Date.now()
  let lastShown = 0
  const tail = []
  const h = startChild(process.execPath, [MAIN, 'seed', '--demo', '--articles', String(viaCli)], {
    cwd: ROOT,
    env: childEnv(db),
    onLine: (line) => {
      tail.push(line)
      if (tail.length > 20) tail.shift()
      const progress = /seeding:/.test(line)
      if (!progress || Date.now() - lastShown > 15_000 || / \(100%\)/.test(line)) {
        lastShown = Date.now()
        // The demo owner's one-time password does not belong in bench output.
        say(
          `  ${/^\s*Demo admin:/.test(line) ? 'Demo admin account created (not used here)' : line.trim()}`,
        )
      }
    },
  })
  const { code, signal, error } = await h.exited
  if (error || code !== 0)
    throw new Error(
      `seeding ${db.dialect} failed (${error?.message ?? `exit ${code ?? signal}`}):\n${tail.join('\n')}`,
    )
  const cliSeconds = round((Date.now() - started) / 1000)
  let n = await db.count()
  if (n < viaCli) throw new Error(`seeding ${db.dialect} wrote ${n} articles, expected ${viaCli}`)
  if (n < articles) n = await db.amplify(articles)
  if (n < articles) throw new Error(`copying ${db.dialect} reached ${n} articles, not ${articles}`)
  const seconds = round((Date.now() - started) / 1000)
  say(`  seeded ${n} articles in ${seconds} s (CLI: ${viaCli} in ${cliSeconds} s)`)
  return { reused: false, articles: n, viaCli, cliSeconds, seconds }
}

/** The bench editor; "already exists" (exit 2) on re-runs is fine. */
async function ensureStaff(db) {
  const r = await runChild(
    process.execPath,
    [MAIN, 'user', 'add', '--email', STAFF.email, '--name', STAFF.name, '--role', STAFF.role],
    { cwd: ROOT, env: childEnv(db), input: PASSWORD },
  )
  const out = `${r.stdout}${r.stderr}`.trim()
  if (r.code === 0) return 'added'
  if (r.code === 2 && /already|taken|exists/i.test(out)) return 'existed'
  throw new Error(`masthead user add failed (exit ${r.code ?? r.signal ?? r.error}): ${out}`)
}

// ---------------------------------------------------------------- server

async function startServer(db) {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const logs = { lines: [], problems: [], problemCount: 0 }
  const spawnNs = process.hrtime.bigint()
  const handle = startChild(process.execPath, [...START_FLAGS, MAIN, 'serve', '--no-seed'], {
    cwd: ROOT,
    env: childEnv(db, { PORT: String(port) }),
    onLine: (line) => {
      if (!line.trim()) return
      if (logs.lines.length < 200) logs.lines.push(line)
      if (/Masthead is serving/.test(line)) return
      let level = 50
      let msg = line
      try {
        const j = JSON.parse(line)
        level = j.level ?? 50
        msg = `${j.msg ?? ''}${j.err?.message ? `: ${j.err.message}` : ''}`
      } catch {
        /* not JSON */
      }
      if (level >= 40) {
        logs.problemCount++
        if (logs.problems.length < 10) logs.problems.push(msg.slice(0, 300))
      }
    },
  })
  const mem = sampleMemory(handle.child.pid, 200)
  let dead = false
  handle.exited.then(() => (dead = true))
  let readyMs
  try {
    readyMs = await pollUntil200(`${base}/admin/sign-in`, {
      sinceNs: spawnNs,
      everyMs: 20,
      isDead: () => dead,
    })
  } catch (e) {
    mem.stop()
    await stopChild(handle)
    throw new Error(`${e.message}\nserver output:\n${logs.lines.slice(-20).join('\n')}`)
  }
  return {
    base,
    port,
    readyMs: round(readyMs),
    logs,
    isDead: () => dead,
    memoryPhase: () => mem.phase(),
    async stop() {
      const memory = dead ? { peakRssMb: null, note: 'the server had exited' } : mem.stop()
      const exit = await stopChild(handle)
      return { memory, exit }
    },
  }
}

// ---------------------------------------------------------------- a browser-like client

class AdminClient {
  constructor(base) {
    this.base = base
    this.origin = base
    this.jar = new CookieJar()
    // Keep-alive, like a browser: the figures are the server's time, not TCP set-up.
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  }

  async get(p) {
    const cookie = this.jar.header()
    const r = await request(`${this.base}${p}`, {
      agent: this.agent,
      headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) },
    })
    this.jar.store(r.headers['set-cookie'])
    return r
  }

  /** A form post; `fields` is [name, value] pairs. */
  async post(p, fields) {
    const cookie = this.jar.header()
    const r = await request(`${this.base}${p}`, {
      method: 'POST',
      agent: this.agent,
      body: new URLSearchParams(fields).toString(),
      headers: {
        accept: 'text/html',
        'content-type': 'application/x-www-form-urlencoded',
        origin: this.origin,
        ...(cookie ? { cookie } : {}),
      },
    })
    this.jar.store(r.headers['set-cookie'])
    return r
  }

  async signIn(email, password) {
    const page = await this.get('/admin/sign-in')
    if (page.status !== 200) throw new Error(`GET /admin/sign-in answered ${page.status}`)
    const csrf = csrfOf(page.body)
    if (!csrf) throw new Error('no _csrf field on the sign-in page')
    const r = await this.post('/admin/sign-in', [
      ['_csrf', csrf],
      ['email', email],
      ['password', password],
      ['next', '/admin/articles'],
    ])
    if (r.status !== 303 || !this.jar.get('mh_session'))
      throw new Error(
        `sign-in answered ${r.status}${this.jar.get('mh_session') ? '' : ' without a session cookie'}: ${problemText(r.body)}`,
      )
  }

  close() {
    this.agent.destroy()
  }
}

const csrfOf = (html) => /name="_csrf"\s+value="([^"]*)"/.exec(html)?.[1] ?? null

/** The messages of an error page, in one line. */
function problemText(html) {
  const items = [...html.matchAll(/<li\b[^>]*>([\s\S]*?)<\/li>/gi)]
    .map((m) => m[1].replace(/<[^>]+>/g, '').trim())
    .filter(Boolean)
  const title = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1]?.replace(/<[^>]+>/g, '')
  const text =
    items.find((t) => /:/.test(t)) ??
    /<p class="(?:problem|error|notice)[^"]*"[^>]*>([\s\S]*?)<\/p>/i.exec(html)?.[1] ??
    title ??
    html.slice(0, 200)
  return String(text).replace(/\s+/g, ' ').slice(0, 200)
}

const articleIdsOn = (html) => [
  ...new Set([...html.matchAll(/href="\/admin\/articles\/(\d+)"/g)].map((m) => Number(m[1]))),
]

// ---------------------------------------------------------------- measurements

/** Times `n` sequential calls of `fn(i)` (each returns { ms, ok, status }). */
async function timeSequential(label, n, fn) {
  const samples = []
  const failures = {}
  const started = Date.now()
  for (let i = 0; i < n; i++) {
    const r = await fn(i)
    if (r.ok) samples.push(r.ms)
    else {
      const key = r.problem ? `${r.status}: ${r.problem}` : String(r.status)
      failures[key] = (failures[key] ?? 0) + 1
      if (i >= 10 && samples.length === 0)
        throw new Error(`${label}: the first ${i + 1} requests all failed (${key})`)
    }
  }
  return {
    ...percentiles(samples),
    failed: n - samples.length,
    failures,
    seconds: round((Date.now() - started) / 1000, 2),
  }
}

function autocannonRun(opts) {
  return new Promise((resolve, reject) => {
    currentLoad = autocannon(opts, (err, res) => {
      currentLoad = null
      if (err) reject(err)
      else resolve(res)
    })
  })
}

async function discover(client, opt) {
  const list = await client.get('/admin/articles')
  if (list.status !== 200) throw new Error(`GET /admin/articles answered ${list.status}`)
  const sections = selectOptions(list.body, 'section')
  const authors = selectOptions(list.body, 'author')
  if (!sections.length) throw new Error('no section options on /admin/articles')
  if (!authors.length) throw new Error('no author options on /admin/articles')
  const firstIds = articleIdsOn(list.body)
  if (firstIds.length < 10) throw new Error(`only ${firstIds.length} articles on /admin/articles`)
  // The author of the newest edit, when named in the byline column; else the first one.
  const firstRow = /<tbody>([\s\S]*?)<\/tr>/i.exec(list.body)?.[1] ?? ''
  const author = authors.find((a) => firstRow.includes(a.label)) ?? authors[0]
  // Words in headlines: a frequent one (a fifth of the demo stories) and a rare one; the
  // combined filter uses the section of the newest article with the frequent word, so it
  // finds something (a search that finds nothing is timed apart: it reads every row).
  const frequent = 'Varesia'
  const rare = 'court'
  const hits = await client.get(`/admin/articles?q=${frequent}`)
  const hitRow = /<tbody>\s*<tr>([\s\S]*?)<\/tr>/i.exec(hits.body)?.[1] ?? ''
  const hitSection = [...hitRow.matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/gi)][2]?.[1]?.trim()
  const section = sections.find((s) => s.label === hitSection) ?? sections[0]
  // A deep page: old articles, and how OFFSET pagination behaves far down the list.
  const deepPage = Math.max(2, Math.min(2000, Math.floor(opt.articles / 50 / 2)))
  const deep = await client.get(`/admin/articles?page=${deepPage}`)
  const deepIds = deep.status === 200 ? articleIdsOn(deep.body) : []
  const saveIds = [...firstIds.slice(0, 25), ...deepIds.slice(0, 25)]
  for (const id of firstIds) if (saveIds.length < 50 && !saveIds.includes(id)) saveIds.push(id)
  const filters = [
    {
      key: 'status+section+q',
      path: `/admin/articles?status=published&section=${section.value}&q=${frequent}`,
    },
    { key: 'section', path: `/admin/articles?section=${section.value}` },
    { key: 'author', path: `/admin/articles?author=${author.value}` },
    { key: `q (rare word)`, path: `/admin/articles?q=${rare}` },
  ]
  for (const f of filters) {
    const r = await client.get(f.path)
    if (r.status !== 200) throw new Error(`GET ${f.path} answered ${r.status}`)
    f.rows = articleIdsOn(r.body).length
  }
  return {
    section,
    author,
    deepPage,
    saveIds,
    filters,
    listRows: firstIds.length,
  }
}

/**
 * One save: GET the form (timed apart, as "edit form"), change the standfirst, POST every field
 * with the form's version (timed: the save). A 409 (someone saved in between) re-reads and
 * retries, up to 3 times.
 */
async function saveOnce(client, id, k, formTimes, counters) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const form = await client.get(`/admin/articles/${id}`)
    if (form.status !== 200) return { ok: false, status: `form ${form.status}` }
    formTimes.push(form.ms)
    const fields = formFields(form.body, `/admin/articles/${id}`) ?? formFields(form.body)
    if (!fields?.some(([n]) => n === 'version'))
      return { ok: false, status: 'form', problem: 'no version field in the article form' }
    const edited = fields.map(([n, v]) =>
      n === 'standfirst' ? [n, `${v.replace(/ \(rev \d+\)$/, '')} (rev ${k})`.trim()] : [n, v],
    )
    const r = await client.post(`/admin/articles/${id}`, edited)
    if (r.status === 303) return { ok: true, ms: r.ms, status: 303 }
    if (r.status === 409) {
      counters.conflicts++
      continue
    }
    return { ok: false, status: r.status, problem: problemText(r.body) }
  }
  return { ok: false, status: 409, problem: 'still stale after 3 tries' }
}

async function measure(server, opt) {
  const client = new AdminClient(server.base)
  try {
    await client.signIn(STAFF.email, PASSWORD)
    const d = await discover(client, opt)
    say(
      `  signed in as ${STAFF.email}; section "${d.section.label}" (${d.section.value}), author "${d.author.label}" (${d.author.value}), ${d.saveIds.length} articles to save`,
    )
    for (const f of d.filters) say(`  filter ${f.key.padEnd(18)} ${f.path}  → ${f.rows} rows`)

    const get200 = (p) => async () => {
      const r = await client.get(p)
      return { ok: r.status === 200, ms: r.ms, status: r.status }
    }
    const counters = { conflicts: 0 }
    const formTimes = []
    const warmFormTimes = []

    // Warm-up, not counted: JIT, statement caches, page cache of the database.
    for (let i = 0; i < opt.warmup; i++) {
      await client.get('/admin/articles')
      await client.get(d.filters[i % d.filters.length].path)
    }
    for (let i = 0; i < Math.max(3, opt.warmup / 4); i++)
      await saveOnce(client, d.saveIds[i % d.saveIds.length], i, warmFormTimes, counters)
    counters.conflicts = 0

    const out = { discovered: d, ops: {}, info: {} }
    process.stdout.write(`  article list      × ${opt.listRequests} … `)
    out.ops.list = await timeSequential('list', opt.listRequests, get200('/admin/articles'))
    say(`p95 ${ms3(out.ops.list.p95)} ms`)

    process.stdout.write(`  filtered list     × ${opt.filteredRequests} … `)
    const perFilter = Object.fromEntries(d.filters.map((f) => [f.key, []]))
    const all = []
    const filtered = await timeSequential('filtered list', opt.filteredRequests, async (i) => {
      const f = d.filters[i % d.filters.length]
      const r = await client.get(f.path)
      if (r.status === 200) perFilter[f.key].push(r.ms)
      all.push(r.ms)
      return { ok: r.status === 200, ms: r.ms, status: r.status }
    })
    out.ops.filtered = filtered
    out.ops.filtered.byFilter = Object.fromEntries(
      d.filters.map((f) => [
        f.key,
        { path: f.path, rows: f.rows, ...percentiles(perFilter[f.key]) },
      ]),
    )
    say(`p95 ${ms3(filtered.p95)} ms`)

    process.stdout.write(`  save (POST)       × ${opt.saves} … `)
    out.ops.save = await timeSequential('save', opt.saves, (i) =>
      saveOnce(client, d.saveIds[i % d.saveIds.length], i + 1, formTimes, counters),
    )
    out.ops.save.conflicts = counters.conflicts
    say(`p95 ${ms3(out.ops.save.p95)} ms`)

    // Informational: the edit form the save starts from, and a deep page of the list.
    out.info.editForm = percentiles(formTimes)
    const none = '/admin/articles?q=zqxjv'
    process.stdout.write(`  search, no match  × ${Math.min(50, opt.listRequests)} … `)
    out.info.noMatch = {
      path: none,
      ...(await timeSequential('no-match search', Math.min(50, opt.listRequests), get200(none))),
    }
    say(`p95 ${ms3(out.info.noMatch.p95)} ms`)
    process.stdout.write(
      `  deep page ${String(d.deepPage).padEnd(7)} × ${Math.min(50, opt.listRequests)} … `,
    )
    out.info.deepPage = {
      path: `/admin/articles?page=${d.deepPage}`,
      ...(await timeSequential(
        'deep page',
        Math.min(50, opt.listRequests),
        get200(`/admin/articles?page=${d.deepPage}`),
      )),
    }
    say(`p95 ${ms3(out.info.deepPage.p95)} ms`)

    // Concurrent: the list with autocannon (in this process), signed in.
    process.stdout.write(
      `  list, ${opt.loadConnections} connections, ${opt.loadSeconds} s (autocannon) … `,
    )
    server.memoryPhase()
    const cookie = client.jar.header()
    const ac = await autocannonRun({
      url: `${server.base}/admin/articles`,
      connections: opt.loadConnections,
      duration: opt.loadSeconds,
      headers: { cookie, accept: 'text/html' },
    })
    out.info.listLoad = {
      tool: 'autocannon',
      connections: opt.loadConnections,
      seconds: opt.loadSeconds,
      reqPerSec: round(ac.requests.average),
      p50Ms: ac.latency.p50,
      p99Ms: ac.latency.p99,
      maxMs: ac.latency.max,
      requests: ac.requests.total,
      non2xx: ac.non2xx,
      errors: ac.errors,
      timeouts: ac.timeouts,
      serverPeakRssMb: server.memoryPhase(),
    }
    say(`${out.info.listLoad.reqPerSec} req/s, p99 ${out.info.listLoad.p99Ms} ms`)
    if (server.isDead()) throw new Error('the server died during the measurements')
    return out
  } finally {
    client.close()
  }
}

// ---------------------------------------------------------------- one dialect

async function benchDialect(db, opt) {
  const out = { dialect: db.dialect }
  out.seed = await ensureSeeded(db, opt.articles)
  if (db.analyze) {
    const n = await db.analyze()
    say(`  ran ANALYZE on the ${n} bench tables (what autovacuum does on a live server)`)
    out.seed.analyzed = true
  }
  out.staff = await ensureStaff(db)
  say(`  staff account ${STAFF.email} (${STAFF.role}): ${out.staff}`)
  say('  starting the server…')
  const server = await startServer(db)
  try {
    say(`  ready (GET /admin/sign-in answered 200) after ${server.readyMs} ms`)
    Object.assign(out, await measure(server, opt))
  } finally {
    const s = await server.stop()
    out.server = {
      readyMs: server.readyMs,
      ...s,
      logProblems: server.logs.problemCount,
      logSample: server.logs.problems,
    }
  }
  out.targets = ['list', 'filtered', 'save'].map((k) => ({
    op: k,
    p95Ms: out.ops[k].p95,
    targetP95Ms: TARGET_P95_MS,
    pass: out.ops[k].n > 0 && out.ops[k].p95 <= TARGET_P95_MS && !out.ops[k].failed,
  }))
  return out
}

// ---------------------------------------------------------------- report

function report(results, opt) {
  say()
  say(
    `Sequential requests, one at a time, keep-alive, after ${opt.warmup} warm-up requests per operation; times in ms from request to the last byte.`,
  )
  for (const d of results.dialects) {
    say()
    if (d.skipped) {
      say(`${d.dialect}: skipped: ${d.skipped}`)
      continue
    }
    if (d.error) {
      say(`${d.dialect}: ERROR: ${d.error.split('\n')[0]}`)
      continue
    }
    say(
      `${d.dialect}: ${d.seed.articles.toLocaleString('en-US')} articles${d.seed.reused ? ' (reused)' : ` (seeded in ${d.seed.seconds} s)`}`,
    )
    const row = (label, p, verdict = '') => [
      label,
      p.n,
      ms3(p.p50),
      ms3(p.p95),
      ms3(p.p99),
      ms3(p.max),
      p.failed ? String(p.failed) : '',
      verdict,
    ]
    const rows = []
    const verdict = (k) => {
      const t = d.targets.find((x) => x.op === k)
      return `${t.pass ? 'PASS' : 'MISS'} (p95 ≤ ${TARGET_P95_MS})`
    }
    rows.push(row('article list', d.ops.list, verdict('list')))
    rows.push(row('filtered list (all)', d.ops.filtered, verdict('filtered')))
    for (const [k, f] of Object.entries(d.ops.filtered.byFilter))
      rows.push(row(`  ${k} (${f.rows} rows)`, f))
    rows.push(row('save (POST → 303)', d.ops.save, verdict('save')))
    rows.push(row('edit form (GET), info', d.info.editForm))
    rows.push(row('search, no match, info', d.info.noMatch))
    rows.push(row(`list page ${d.discovered.deepPage}, info`, d.info.deepPage))
    say(
      textTable(
        rows,
        ['operation', 'n', 'p50', 'p95', 'p99', 'max', 'failed', 'target'],
        ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
      ),
    )
    const l = d.info.listLoad
    say(
      `list under load: ${l.reqPerSec} req/s, p50 ${l.p50Ms} ms, p99 ${l.p99Ms} ms (autocannon, ${l.connections} connections, ${l.seconds} s, ${l.non2xx} non-2xx, ${l.errors} errors); server peak RSS ${d.server.memory.peakRssMb ?? '?'} MB`,
    )
    if (d.ops.save.conflicts) say(`note: ${d.ops.save.conflicts} save(s) met a 409 and retried`)
    for (const [op, o] of Object.entries(d.ops))
      for (const [k, n] of Object.entries(o.failures ?? {})) say(`note: ${op}: ${n} failed: ${k}`)
    if (d.server.logProblems)
      say(
        `note: the server logged ${d.server.logProblems} warning/error line(s), e.g. ${d.server.logSample[0]}`,
      )
  }
  say()
  say(`Figures written to ${path.relative(process.cwd(), RESULTS) || RESULTS}`)
}

// ---------------------------------------------------------------- main

async function main() {
  const opt = options()
  if (!fs.existsSync(MAIN)) {
    console.error(
      'bench:admin: dist/src/main.js is missing; run "npm run build" first (npm run bench:admin does).',
    )
    process.exit(2)
  }
  const machine = machineInfo(ROOT)
  say(
    `Masthead admin benchmark: ${opt.dialects.join(' + ')}, ${opt.articles} articles, ${opt.listRequests} list / ${opt.filteredRequests} filtered / ${opt.saves} saves${opt.quick ? ' (quick)' : ''}`,
  )
  say(
    `Node ${machine.node}, ${machine.cpuModel} × ${machine.cores}, commit ${machine.gitCommit?.slice(0, 10) ?? '?'}${machine.gitDirty ? ' (with uncommitted changes)' : ''}`,
  )
  const results = {
    machine,
    options: {
      dialects: opt.dialects,
      articles: opt.articles,
      quick: opt.quick,
      listRequests: opt.listRequests,
      filteredRequests: opt.filteredRequests,
      saves: opt.saves,
      warmup: opt.warmup,
      loadConnections: opt.loadConnections,
      loadSeconds: opt.loadSeconds,
    },
    targetP95Ms: TARGET_P95_MS,
    dialects: [],
  }
  let broken = false
  for (const dialect of opt.dialects) {
    say()
    say(`== ${dialect}`)
    const db = dialect === 'sqlite' ? await sqliteDb() : await postgresDb(opt)
    if (db.skip) {
      say(`  skipping PostgreSQL: ${db.skip}`)
      results.dialects.push({ dialect, skipped: db.skip })
      continue
    }
    try {
      results.dialects.push(await benchDialect(db, opt))
    } catch (e) {
      if (interrupted) return
      broken = true
      say(`  ERROR: ${e.stack ?? e}`)
      results.dialects.push({ dialect, error: String(e.message ?? e) })
    }
  }
  // Interrupted: the SIGINT handler is stopping the children; keep the last results.
  if (interrupted) return
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true })
  const tmp = `${RESULTS}.${process.pid}.tmp`
  fs.writeFileSync(tmp, `${JSON.stringify(results, null, 2)}\n`)
  fs.renameSync(tmp, RESULTS)
  report(results, opt)
  await stopAllChildren()
  process.exitCode = broken ? 1 : 0
}

main().catch(async (e) => {
  console.error(`bench:admin: ${e.stack ?? e}`)
  await stopAllChildren().catch(() => {})
  process.exit(1)
})
