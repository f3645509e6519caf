// The reader bench for one dialect: seeds the bench database, serves the compiled app with the
// page cache on and then off, and loads the reader pages with autocannon and wrk.
import path from 'node:path'
import {
  analyzeIfNeeded,
  postgresDb,
  reuseIfSeeded,
  seedWithCli,
  sqliteDb,
} from '../lib/databases.mjs'
import { pageWeight } from '../lib/html.mjs'
import { haveCommand, runWrk } from '../lib/measure.mjs'
import { get } from '../lib/network.mjs'
import { startServer } from '../lib/server.mjs'
import { DATA, autocannonRun, round, say } from '../lib/setup.mjs'

/** The reader bench's database for `dialect`, or { skip } (PostgreSQL unreachable). */
export function openDb(dialect, opt) {
  return dialect === 'sqlite'
    ? sqliteDb(path.join(DATA, 'masthead.db'), path.join(DATA, 'media-sqlite'))
    : postgresDb(opt, path.join(DATA, 'media-postgres'))
}

async function ensureSeeded(db, articles) {
  const { have, reused } = await reuseIfSeeded(db, articles)
  if (reused) return reused
  say(
    `  ${have ? `the bench database has only ${have} articles: ` : ''}seeding ${articles} articles (this takes a few minutes)…`,
  )
  const seeded = await seedWithCli(db, articles)
  return { reused: false, articles: seeded.articles, seconds: seeded.seconds }
}

async function load(server, label, urlPath, opt) {
  const url = `${server.base}${urlPath}`
  const probe = await get(url)
  if (probe.status !== 200)
    say(`  warning: ${label} ${urlPath} answered ${probe.status} before the load`)
  process.stdout.write(`  ${label.padEnd(20)} ${urlPath.slice(0, 60).padEnd(60)} `)
  // Warm-up, not counted.
  await autocannonRun({ url, connections: opt.connections, duration: opt.warmupS })
  server.memoryPhase()
  const r = await autocannonRun({ url, connections: opt.connections, duration: opt.duration })
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

/**
 * Serves the app with the page cache on or off for `fn(server)`, then records the server's
 * cold start, memory, exit and log problems in `servers[key]`.
 */
async function withServer(db, pageCache, servers, key, fn) {
  say(`  starting the server (PAGE_CACHE=${pageCache})…`)
  const server = await startServer(db, { env: { PAGE_CACHE: String(pageCache) } })
  try {
    say(`  cold start to first 200: ${server.readyMs} ms`)
    await fn(server)
  } finally {
    servers[key] = { coldStartMs: server.readyMs, ...(await server.finish()) }
  }
}

export async function benchDialect(db, opt) {
  const out = { dialect: db.dialect, loads: {}, servers: {} }
  out.seed = await ensureSeeded(db, opt.articles)
  await analyzeIfNeeded(db, out.seed)
  await withServer(db, true, out.servers, 'cacheOn', async (server) => {
    out.coldStartMs = server.readyMs
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
  })
  await withServer(db, false, out.servers, 'cacheOff', async (server) => {
    out.loads.articleNoCache = await load(server, 'article (cache off)', out.urls.article, opt)
  })
  out.peakRssMb =
    Math.max(
      out.servers.cacheOn.memory.peakRssMb ?? 0,
      out.servers.cacheOff.memory.peakRssMb ?? 0,
    ) || null
  return out
}
