// The reader bench for one dialect: seeds the bench database, serves the compiled app with the
// page cache on and then off, and loads the reader pages with autocannon and wrk.
import path from 'node:path'
import { seedArticles } from '../lib/amplify.mjs'
import { analyzeIfNeeded, postgresDb, sqliteDb } from '../lib/databases.mjs'
import { pageWeight } from '../lib/html.mjs'
import { haveCommand, runWrk } from '../lib/measure.mjs'
import { get } from '../lib/network.mjs'
import { startServer } from '../lib/server.mjs'
import { DATA, autocannonRun, round, say } from '../lib/setup.mjs'

export const DEFAULT_ARTICLES = 10_000

/**
 * The reader bench's database for `dialect`, or { skip } (PostgreSQL unreachable). The default
 * 10,000 articles live in masthead.db / schema "bench"; another count has a database of its own
 * (masthead-100000.db / schema "bench_100000"), so comparing sizes does not reseed each time.
 */
export function openDb(dialect, opt) {
  const suffix = opt.articles === DEFAULT_ARTICLES ? '' : `-${opt.articles}`
  return dialect === 'sqlite'
    ? sqliteDb(path.join(DATA, `masthead${suffix}.db`), path.join(DATA, `media-sqlite${suffix}`))
    : postgresDb(
        { ...opt, pgSchema: `${opt.pgSchema}${suffix.replace('-', '_')}` },
        path.join(DATA, `media-postgres${suffix}`),
      )
}

/** The articles: demo stories from the CLI, copied in SQL beyond 10,000 (lib/amplify.mjs). */
export const ensureSeeded = (db, articles) => seedArticles(db, articles)

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

/**
 * One address of each reader page type: the newest article (from /feed.json), its section,
 * a topic and an author linked from it, and the first article sitemap.
 */
async function discover(base) {
  const feed = await get(`${base}/feed.json`)
  if (feed.status !== 200) throw new Error(`/feed.json answered ${feed.status}`)
  const items = JSON.parse(feed.body.toString('utf8')).items ?? []
  if (!items.length) throw new Error('/feed.json has no items')
  const first = (html, re) => re.exec(html)?.[1] ?? null
  // The newest story with topics and a byline (a soak's stories have neither).
  let article = null
  let topic = null
  let author = null
  const home = (await get(`${base}/`)).body.toString('utf8')
  const fromHome = [...home.matchAll(/href="(\/[a-z0-9-]+\/\d{4}\/\d{2}\/[^"?#]+)"/g)].map(
    (m) => m[1],
  )
  const candidates = [...new Set([...items.map((i) => new URL(i.url).pathname), ...fromHome])]
  for (const p of candidates.slice(0, 60)) {
    const html = (await get(`${base}${p}`)).body.toString('utf8')
    topic = first(html, /href="(\/topic\/[^"?#]+)"/)
    author = first(html, /href="(\/author\/[^"?#]+)"/)
    if (topic && author) {
      article = p
      break
    }
  }
  article ??= new URL(items[0].url).pathname
  for (const p of [article, '/']) {
    const html = (await get(`${base}${p}`)).body.toString('utf8')
    topic ??= first(html, /href="(\/topic\/[^"?#]+)"/)
    author ??= first(html, /href="(\/author\/[^"?#]+)"/)
  }
  if (!topic) throw new Error('no /topic/ link on the article page nor the home page')
  if (!author) throw new Error('no /author/ link on the article page nor the home page')
  const section = `/${article.split('/')[1]}`
  const index = (await get(`${base}/sitemap.xml`)).body.toString('utf8')
  const map = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)]
    .map((m) => new URL(m[1].replace(/&amp;/g, '&')))
    .find((u) => /article/.test(u.pathname + u.search))
  if (!map) throw new Error('no article sitemap in /sitemap.xml')
  return {
    home: '/',
    article,
    section,
    topic,
    author,
    rss: '/feed.xml',
    sitemap: map.pathname + map.search,
  }
}

/** The page types loaded with the page cache off, in order, with their labels. */
export const UNCACHED_PAGES = [
  ['home', 'home'],
  ['section', 'section'],
  ['topic', 'topic'],
  ['author', 'author'],
  ['article', 'article'],
  ['rss', 'rss (feed.xml)'],
  ['sitemap', 'sitemap (articles)'],
]

/**
 * Serves the app with the page cache on or off for `fn(server)`, then records the server's
 * cold start, memory, exit and log problems in `servers[key]`.
 */
async function withServer(db, pageCache, servers, key, fn, webProcesses = 1) {
  say(`  starting the server (PAGE_CACHE=${pageCache}, WEB_PROCESSES=${webProcesses})…`)
  const server = await startServer(db, {
    env: { PAGE_CACHE: String(pageCache), WEB_PROCESSES: String(webProcesses) },
  })
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
    out.uncached = {}
    for (const [key, label] of UNCACHED_PAGES) {
      out.uncached[key] = await load(server, `${label} (cache off)`, out.urls[key], opt)
    }
    // Kept under its old name: earlier results files and the targets read it.
    out.loads.articleNoCache = out.uncached.article
  })
  // Both cores serving (ADR 034): the load generator shares them, as on one small box.
  await withServer(
    db,
    true,
    out.servers,
    'twoProcessesCacheOn',
    async (server) => {
      out.loads.articleWrk2 = await wrkLoad(server, out.urls.article, opt)
    },
    2,
  )
  await withServer(
    db,
    false,
    out.servers,
    'twoProcessesCacheOff',
    async (server) => {
      out.loads.articleNoCache2 = await load(
        server,
        'article (cache off, 2 processes)',
        out.urls.article,
        opt,
      )
    },
    2,
  )
  out.peakRssMb =
    Math.max(
      out.servers.cacheOn.memory.peakRssMb ?? 0,
      out.servers.cacheOff.memory.peakRssMb ?? 0,
    ) || null
  return out
}
