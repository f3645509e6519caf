#!/usr/bin/env node
// Masthead benchmark: seeds 10,000 articles per dialect, serves the compiled app in production
// mode as a child process, loads reader pages with autocannon (in this process) and wrk, and
// reports throughput, latency, memory, cold start and page weight against the targets.
// Usage: npm run bench [-- --dialect sqlite|postgres|both --duration 15 --connections 50 --quick]
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import {
  freePort,
  get,
  haveCommand,
  killAllChildrenSync,
  machineInfo,
  pageWeight,
  pollUntil200,
  runWrk,
  sampleMemory,
  startChild,
  stopAllChildren,
  stopChild,
} from './lib.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const BENCH = path.join(ROOT, 'bench')
const DATA = path.join(BENCH, '.data')
const RESULTS = path.join(BENCH, 'results', 'latest.json')
const MAIN = path.join(ROOT, 'dist', 'src', 'main.js')
// Node flags come from `npm start`, so the benchmark runs the server exactly as operators do.
const START_FLAGS = (
  JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.start.match(
    /^node((?:\s+--\S+)*)\s/,
  )?.[1] ?? ''
)
  .trim()
  .split(/\s+/)
  .filter(Boolean)

const HELP = `Usage: node bench/run.mjs [options]   (or: npm run bench -- [options])

  --dialect sqlite|postgres|both   Databases to measure (env BENCH_DIALECT; default both)
  --duration S                     Seconds per load (env BENCH_DURATION; default 15)
  --connections N                  Concurrent connections (env BENCH_CONNECTIONS; default 50)
  --quick                          3-second loads, for smoke runs (env BENCH_QUICK=1)
  --articles N                     Articles to seed (env BENCH_ARTICLES; default 10000)
  --pg-url URL                     PostgreSQL database (env BENCH_PG_URL;
                                   default postgres://postgres@127.0.0.1:5432/test), schema "bench"
  -h, --help                       Show this help`

// ---------------------------------------------------------------- options

function options() {
  let v
  try {
    v = parseArgs({
      strict: true,
      options: {
        dialect: { type: 'string' },
        duration: { type: 'string' },
        connections: { type: 'string' },
        quick: { type: 'boolean' },
        articles: { type: 'string' },
        'pg-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values
  } catch (e) {
    console.error(`bench: ${e.message}\n\n${HELP}`)
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
  const duration = Number(v.duration ?? env.BENCH_DURATION ?? (quick ? 3 : 15))
  const connections = Number(v.connections ?? env.BENCH_CONNECTIONS ?? 50)
  const articles = Number(v.articles ?? env.BENCH_ARTICLES ?? 10_000)
  const problems = []
  if (!['sqlite', 'postgres', 'both'].includes(dialect))
    problems.push('--dialect must be sqlite, postgres or both')
  if (!(duration > 0 && duration <= 3600))
    problems.push('--duration must be a number of seconds (1 to 3600)')
  if (!(Number.isInteger(connections) && connections >= 1 && connections <= 10_000))
    problems.push('--connections must be a whole number')
  if (!(Number.isInteger(articles) && articles >= 1))
    problems.push('--articles must be a whole number')
  if (problems.length) {
    console.error(`bench: ${problems.join('; ')}\n\n${HELP}`)
    process.exit(2)
  }
  return {
    dialects: dialect === 'both' ? ['sqlite', 'postgres'] : [dialect],
    duration,
    connections,
    quick,
    articles,
    warmupS: 1,
    pgUrl: v['pg-url'] ?? env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    pgSchema: 'bench',
  }
}

const TARGETS = {
  cachedReqPerSec: 13_000,
  cachedP99Ms: 20,
  wrkReqPerSec: 24_000,
  cacheOffReqPerSec: 2_600,
  coldStartMs: 1_000,
  peakRssMb: 150,
  pageKb: 15, // KB = 1024 bytes
  pageRequests: 3,
}

// ---------------------------------------------------------------- cleanup

let currentLoad = null
let interrupted = false
process.on('exit', killAllChildrenSync)
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    if (interrupted) process.exit(130)
    interrupted = true
    console.error(`\nbench: ${sig}: stopping the load and every child process…`)
    currentLoad?.stop?.()
    await stopAllChildren().catch(() => {})
    process.exit(130)
  })
}

// ---------------------------------------------------------------- helpers

const say = (s = '') => process.stdout.write(`${s}\n`)
const round = (n, d = 1) =>
  n === null || n === undefined || Number.isNaN(n) ? null : Math.round(n * 10 ** d) / 10 ** d

function childEnv(db, extra) {
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

// ---------------------------------------------------------------- databases

async function sqliteDb() {
  const file = path.join(DATA, 'masthead.db')
  return {
    dialect: 'sqlite',
    url: `sqlite:${file}`,
    mediaDir: path.join(DATA, 'media-sqlite'),
    async count() {
      if (!fs.existsSync(file)) return 0
      const { default: SQLite } = await import('better-sqlite3')
      const db = new SQLite(file, { readonly: true, fileMustExist: true })
      try {
        return Number(db.prepare('select count(*) as n from article').get().n)
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
  const query = async (sql) => {
    const cl = client()
    await cl.connect()
    try {
      return await cl.query(sql)
    } finally {
      await cl.end()
    }
  }
  const u = new URL(opt.pgUrl)
  u.searchParams.set('schema', opt.pgSchema)
  return {
    dialect: 'postgres',
    url: u.toString(),
    mediaDir: path.join(DATA, 'media-postgres'),
    async count() {
      try {
        return Number(
          (await query(`select count(*) as n from "${opt.pgSchema}".article`)).rows[0].n,
        )
      } catch {
        return 0
      }
    },
    async wipe() {
      await query(`drop schema if exists "${opt.pgSchema}" cascade`)
    },
    /**
     * Planner statistics, as autovacuum would gather them on a live server (it may be off, or
     * not have run yet, right after seeding). Only the bench schema's tables.
     */
    async analyze() {
      const { rows } = await query(
        `select tablename from pg_tables where schemaname = '${opt.pgSchema}'`,
      )
      for (const r of rows) await query(`analyze "${opt.pgSchema}"."${r.tablename}"`)
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
  say(
    `  ${have ? `the bench database has only ${have} articles: ` : ''}seeding ${articles} articles (this takes a few minutes)…`,
  )
  await db.wipe()
  fs.rmSync(db.mediaDir, { recursive: true, force: true })
  fs.mkdirSync(DATA, { recursive: true })
  const started = Date.now()
  let lastShown = 0
  const tail = []
  const h = startChild(process.execPath, [MAIN, 'seed', '--demo', '--articles', String(articles)], {
    cwd: ROOT,
    env: childEnv(db, {}),
    onLine: (line) => {
      tail.push(line)
      if (tail.length > 20) tail.shift()
      const progress = /seeding:/.test(line)
      if (!progress || Date.now() - lastShown > 15_000 || / \(100%\)/.test(line)) {
        lastShown = Date.now()
        say(`  ${line.trim()}`)
      }
    },
  })
  const { code, signal, error } = await h.exited
  if (error || code !== 0)
    throw new Error(
      `seeding ${db.dialect} failed (${error?.message ?? `exit ${code ?? signal}`}):\n${tail.join('\n')}`,
    )
  const n = await db.count()
  if (n < articles)
    throw new Error(`seeding ${db.dialect} wrote ${n} articles, expected ${articles}`)
  return { reused: false, articles: n, seconds: round((Date.now() - started) / 1000) }
}

// ---------------------------------------------------------------- server

/**
 * Spawns `serve` and polls GET / every 10 ms: the time from spawn to the first 200 is the cold
 * start. Memory is sampled from spawn on.
 */
async function startServer(db, { pageCache }) {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const logs = { lines: [], problems: [] }
  const spawnNs = process.hrtime.bigint()
  const handle = startChild(process.execPath, [...START_FLAGS, MAIN, 'serve', '--no-seed'], {
    cwd: ROOT,
    env: childEnv(db, { PORT: String(port), PAGE_CACHE: String(pageCache) }),
    onLine: (line) => {
      if (!line.trim()) return
      if (logs.lines.length < 200) logs.lines.push(line)
      if (/Masthead is serving/.test(line)) return
      // pino JSON at warn (40) or above, or anything that is not JSON (stderr, crashes).
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
        logs.problemCount = (logs.problemCount ?? 0) + 1
        if (logs.problems.length < 10) logs.problems.push(msg.slice(0, 300))
      }
    },
  })
  const mem = sampleMemory(handle.child.pid, 200)
  let dead = false
  handle.exited.then(() => (dead = true))
  let coldStartMs
  try {
    coldStartMs = await pollUntil200(`${base}/`, {
      sinceNs: spawnNs,
      everyMs: 10,
      isDead: () => dead,
    })
  } catch (e) {
    mem.stop()
    await stopChild(handle)
    throw new Error(`${e.message}\nserver output:\n${logs.lines.slice(-20).join('\n')}`)
  }
  return {
    base,
    coldStartMs: round(coldStartMs),
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

// ---------------------------------------------------------------- loads

function autocannonRun(url, connections, duration) {
  return new Promise((resolve, reject) => {
    currentLoad = autocannon({ url, connections, duration }, (err, res) => {
      currentLoad = null
      if (err) reject(err)
      else resolve(res)
    })
  })
}

async function load(server, label, urlPath, opt) {
  const url = `${server.base}${urlPath}`
  const probe = await get(url)
  if (probe.status !== 200)
    say(`  warning: ${label} ${urlPath} answered ${probe.status} before the load`)
  process.stdout.write(`  ${label.padEnd(20)} ${urlPath.slice(0, 60).padEnd(60)} `)
  await autocannonRun(url, opt.connections, opt.warmupS) // warm-up, not counted
  server.memoryPhase()
  const r = await autocannonRun(url, opt.connections, opt.duration)
  const serverPeakRssMb = server.memoryPhase()
  if (server.isDead()) throw new Error(`the server died during the ${label} load`)
  const out = {
    tool: 'autocannon',
    url: urlPath,
    reqPerSec: round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    requests: r.requests.total,
    bytesPerResponse: r.requests.total ? Math.round(r.throughput.total / r.requests.total) : null,
    statusCodes: r.statusCodeStats,
    bodyBytesProbe: probe.body.length,
    serverPeakRssMb,
  }
  say(
    `${String(out.reqPerSec).padStart(9)} req/s  p99 ${String(out.p99Ms).padStart(4)} ms  server RSS ≤ ${serverPeakRssMb} MB`,
  )
  return out
}

async function wrkLoad(server, urlPath, opt) {
  if (!haveCommand('wrk')) {
    say('  wrk is not installed (apt-get install wrk): skipping the wrk row')
    return { skipped: 'wrk is not installed' }
  }
  const url = `${server.base}${urlPath}`
  process.stdout.write(`  ${'article (wrk)'.padEnd(20)} ${urlPath.slice(0, 60).padEnd(60)} `)
  server.memoryPhase()
  const r = await runWrk(url, {
    threads: 1,
    connections: opt.connections,
    durationS: Math.max(1, Math.round(opt.duration)),
  })
  r.serverPeakRssMb = server.memoryPhase()
  if (server.isDead()) throw new Error('the server died during the wrk load')
  say(
    `${String(round(r.reqPerSec)).padStart(9)} req/s  p99 ${String(round(r.p99Ms, 1)).padStart(4)} ms  server RSS ≤ ${r.serverPeakRssMb} MB`,
  )
  const { raw, ...rest } = r
  return {
    tool: 'wrk',
    url: urlPath,
    ...rest,
    reqPerSec: round(r.reqPerSec),
    p50Ms: round(r.p50Ms, 3),
    p99Ms: round(r.p99Ms, 3),
    raw,
  }
}

/** An article path from /feed.json, a topic path from the article page (or the home page). */
async function discover(base) {
  const feed = await get(`${base}/feed.json`)
  if (feed.status !== 200) throw new Error(`/feed.json answered ${feed.status}`)
  const items = JSON.parse(feed.body.toString('utf8')).items ?? []
  if (!items.length) throw new Error('/feed.json has no items')
  const article = new URL(items[0].url).pathname
  let topic = null
  for (const p of [article, '/']) {
    const page = await get(`${base}${p}`)
    const m = /href="(\/topic\/[^"?#]+)"/.exec(page.body.toString('utf8'))
    if (m) {
      topic = m[1]
      break
    }
  }
  if (!topic) throw new Error('no /topic/ link on the article page nor the home page')
  return { home: '/', article, topic, rss: '/feed.xml' }
}

// ---------------------------------------------------------------- one dialect

async function benchDialect(db, opt) {
  const out = { dialect: db.dialect, loads: {}, servers: {} }
  out.seed = await ensureSeeded(db, opt.articles)
  if (db.analyze) {
    const n = await db.analyze()
    say(`  ran ANALYZE on the ${n} bench tables (what autovacuum does on a live server)`)
    out.seed.analyzed = true
  }

  say(`  starting the server (PAGE_CACHE=true)…`)
  let server = await startServer(db, { pageCache: true })
  try {
    out.coldStartMs = server.coldStartMs
    say(`  cold start to first 200: ${server.coldStartMs} ms`)
    out.urls = await discover(server.base)
    out.pageWeight = await pageWeight(`${server.base}${out.urls.article}`)
    for (const [key, label] of [
      ['home', 'home'],
      ['article', 'article (cached)'],
      ['topic', 'topic'],
      ['rss', 'rss'],
    ]) {
      out.loads[key] = await load(server, label, out.urls[key], opt)
    }
    out.loads.articleWrk = await wrkLoad(server, out.urls.article, opt)
  } finally {
    const s = await server.stop()
    out.servers.cacheOn = {
      coldStartMs: server.coldStartMs,
      ...s,
      logProblems: server.logs.problemCount ?? 0,
      logSample: server.logs.problems,
    }
  }

  say(`  starting the server (PAGE_CACHE=false)…`)
  server = await startServer(db, { pageCache: false })
  try {
    say(`  cold start to first 200: ${server.coldStartMs} ms`)
    out.loads.articleNoCache = await load(server, 'article (cache off)', out.urls.article, opt)
  } finally {
    const s = await server.stop()
    out.servers.cacheOff = {
      coldStartMs: server.coldStartMs,
      ...s,
      logProblems: server.logs.problemCount ?? 0,
      logSample: server.logs.problems,
    }
  }
  out.peakRssMb =
    Math.max(
      out.servers.cacheOn.memory.peakRssMb ?? 0,
      out.servers.cacheOff.memory.peakRssMb ?? 0,
    ) || null
  return out
}

// ---------------------------------------------------------------- report

function targetsFor(d) {
  const t = []
  const add = (name, value, goal, pass) =>
    t.push({
      dialect: d.dialect,
      name,
      value,
      target: goal,
      pass: value === null || value === undefined ? null : pass,
    })
  const a = d.loads.article
  if (a)
    add(
      'cached article (autocannon)',
      `${a.reqPerSec} req/s, p99 ${a.p99Ms} ms`,
      `≥ ${TARGETS.cachedReqPerSec} req/s, p99 ≤ ${TARGETS.cachedP99Ms} ms`,
      a.reqPerSec >= TARGETS.cachedReqPerSec && a.p99Ms <= TARGETS.cachedP99Ms,
    )
  const w = d.loads.articleWrk
  if (w && !w.skipped)
    add(
      'cached article (wrk)',
      `${w.reqPerSec} req/s`,
      `≥ ${TARGETS.wrkReqPerSec} req/s`,
      w.reqPerSec >= TARGETS.wrkReqPerSec,
    )
  const n = d.loads.articleNoCache
  if (n)
    add(
      'article, cache off',
      `${n.reqPerSec} req/s`,
      `≥ ${TARGETS.cacheOffReqPerSec} req/s`,
      n.reqPerSec >= TARGETS.cacheOffReqPerSec,
    )
  if (d.coldStartMs !== undefined)
    add(
      'cold start (existing DB)',
      `${d.coldStartMs} ms`,
      `≤ ${TARGETS.coldStartMs} ms`,
      d.coldStartMs <= TARGETS.coldStartMs,
    )
  if (d.peakRssMb)
    add(
      'peak RSS',
      `${d.peakRssMb} MB`,
      `≤ ${TARGETS.peakRssMb} MB`,
      d.peakRssMb <= TARGETS.peakRssMb,
    )
  const p = d.pageWeight
  if (p) {
    const kb = round(p.totalBytes / 1024, 2)
    add(
      'article page weight',
      `${kb} KB gz in ${p.requestsBeforeImages} req`,
      `≤ ${TARGETS.pageKb} KB in ≤ ${TARGETS.pageRequests} req`,
      p.totalBytes <= TARGETS.pageKb * 1024 && p.requestsBeforeImages <= TARGETS.pageRequests,
    )
  }
  return t
}

function table(rows, headers, align) {
  const w = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)))
  const line = (cells) =>
    cells
      .map((c, i) =>
        align[i] === 'r' ? String(c ?? '').padStart(w[i]) : String(c ?? '').padEnd(w[i]),
      )
      .join('  ')
      .trimEnd()
  return [line(headers), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n')
}

function report(results, opt) {
  const fmt = (n) =>
    n === null || n === undefined
      ? '–'
      : typeof n === 'number'
        ? n.toLocaleString('en-US', { maximumFractionDigits: 1 })
        : n
  const rows = []
  for (const d of results.dialects) {
    if (d.skipped) {
      rows.push([d.dialect, `skipped: ${d.skipped}`.slice(0, 70)])
      continue
    }
    for (const [key, label] of [
      ['home', 'home'],
      ['article', 'article (cached)'],
      ['topic', 'topic'],
      ['rss', 'rss (feed.xml)'],
      ['articleWrk', 'article (cached, wrk)'],
      ['articleNoCache', 'article (cache off)'],
    ]) {
      const l = d.loads?.[key]
      if (!l) continue
      if (l.skipped) rows.push([d.dialect, label, `skipped: ${l.skipped}`])
      else
        rows.push([
          d.dialect,
          label,
          fmt(l.reqPerSec),
          fmt(l.p50Ms),
          fmt(l.p99Ms),
          fmt(l.non2xx),
          fmt(l.errors),
        ])
    }
    if (d.error) rows.push([d.dialect, `ERROR: ${d.error.split('\n')[0]}`.slice(0, 100)])
  }
  say()
  say(
    `Loads: ${opt.connections} connections, ${opt.duration} s each (after a ${opt.warmupS} s warm-up); autocannon runs in this process, the server in a child.`,
  )
  say(
    table(
      rows,
      ['dialect', 'target', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors'],
      ['l', 'l', 'r', 'r', 'r', 'r', 'r'],
    ),
  )
  say()
  const other = []
  for (const d of results.dialects) {
    if (d.skipped || d.coldStartMs === undefined) continue
    const on = d.servers?.cacheOn?.memory?.peakRssMb
    const off = d.servers?.cacheOff?.memory?.peakRssMb
    const p = d.pageWeight
    other.push([
      d.dialect,
      `${fmt(d.coldStartMs)} ms (cache off start: ${fmt(d.servers?.cacheOff?.coldStartMs)} ms)`,
      `${fmt(on)} MB (cache off: ${fmt(off)} MB)`,
      p
        ? `${round(p.totalBytes / 1024, 2)} KB (html ${p.htmlBytes} + css ${p.cssBytes} + js ${p.jsBytes} B), ${p.requestsBeforeImages} req`
        : '–',
    ])
  }
  if (other.length) {
    say(
      table(
        other,
        ['dialect', 'cold start to first 200', 'peak RSS (cache on)', 'article page, gzipped'],
        ['l', 'l', 'l', 'l'],
      ),
    )
    say()
  }
  const t = results.targets
  if (t.length) {
    say('Targets')
    say(
      table(
        t.map((x) => [
          x.dialect,
          x.name,
          x.value,
          x.target,
          x.pass === null ? '?' : x.pass ? 'PASS' : 'MISS',
        ]),
        ['dialect', 'figure', 'measured', 'target', ''],
        ['l', 'l', 'l', 'l', 'l'],
      ),
    )
    say()
  }
  for (const d of results.dialects) {
    for (const [k, s] of Object.entries(d.servers ?? {})) {
      if (s.logProblems)
        say(
          `note: ${d.dialect} server (${k}) logged ${s.logProblems} warning/error line(s), e.g. ${s.logSample[0]}`,
        )
    }
    for (const n of d.pageWeight?.notes ?? []) say(`note: ${d.dialect} page weight: ${n}`)
    for (const [k, l] of Object.entries(d.loads ?? {})) {
      if (l.non2xx || l.errors)
        say(
          `note: ${d.dialect} ${k}: ${l.non2xx} non-2xx, ${l.errors} errors${l.statusCodes ? ` (status codes: ${JSON.stringify(l.statusCodes)})` : ''}`,
        )
    }
  }
  say(`Figures written to ${path.relative(process.cwd(), RESULTS) || RESULTS}`)
}

// ---------------------------------------------------------------- main

async function main() {
  const opt = options()
  if (!fs.existsSync(MAIN)) {
    console.error(
      'bench: dist/src/main.js is missing; run "npm run build" first (npm run bench does).',
    )
    process.exit(2)
  }
  const machine = machineInfo(ROOT)
  say(
    `Masthead benchmark: ${opt.dialects.join(' + ')}, ${opt.articles} articles, ${opt.connections} connections, ${opt.duration} s per load${opt.quick ? ' (quick)' : ''}`,
  )
  say(
    `Node ${machine.node}, ${machine.cpuModel} × ${machine.cores}, commit ${machine.gitCommit?.slice(0, 10) ?? '?'}${machine.gitDirty ? ' (with uncommitted changes)' : ''}`,
  )
  const results = {
    machine,
    options: {
      dialects: opt.dialects,
      duration: opt.duration,
      connections: opt.connections,
      quick: opt.quick,
      articles: opt.articles,
      warmupS: opt.warmupS,
    },
    targets: [],
    targetDefinitions: TARGETS,
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
    let d
    try {
      d = await benchDialect(db, opt)
    } catch (e) {
      broken = true
      say(`  ERROR: ${e.stack ?? e}`)
      d = { dialect, error: String(e.message ?? e) }
    }
    results.dialects.push(d)
    results.targets.push(...(d.error ? [] : targetsFor(d)))
  }
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true })
  const tmp = `${RESULTS}.${process.pid}.tmp`
  fs.writeFileSync(tmp, `${JSON.stringify(results, null, 2)}\n`)
  fs.renameSync(tmp, RESULTS)
  report(results, opt)
  await stopAllChildren()
  process.exitCode = broken ? 1 : 0
}

main().catch(async (e) => {
  console.error(`bench: ${e.stack ?? e}`)
  await stopAllChildren().catch(() => {})
  process.exit(1)
})
