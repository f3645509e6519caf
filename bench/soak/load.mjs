// The soak's load: a mix of reader pages found by walking the site as a crawler would, and
// autocannon runs over that mix, at full speed (the peak) or at a held rate.
import { request } from '../lib/network.mjs'

const get = (url) => request(url)
import { autocannonRun } from '../lib/setup.mjs'

const hrefs = (html, re) => [...new Set([...html.matchAll(re)].map((m) => m[1]))]

/**
 * Reader pages of every kind: home and its second page, each section, topic and author linked
 * from the newest articles, the newest articles, old articles from the first sitemap page (a
 * crawler's walk: mostly not in the cache) and the feeds.
 */
export async function readerMix(base) {
  const home = await get(`${base}/`)
  if (home.status !== 200) throw new Error(`GET / answered ${home.status}`)
  const feed = JSON.parse((await get(`${base}/feed.json`)).body)
  const newest = feed.items.map((i) => new URL(i.url).pathname)
  const sections = hrefs(home.body, /href="(\/[a-z0-9-]+)"/g)
  const topics = new Set()
  const authors = new Set()
  for (const p of newest.slice(0, 10)) {
    const page = await get(`${base}${p}`)
    for (const t of hrefs(page.body, /href="(\/topic\/[a-z0-9-]+\/?)"/g)) topics.add(t)
    for (const a of hrefs(page.body, /href="(\/author\/[a-z0-9-]+\/?)"/g)) authors.add(a)
  }
  const index = (await get(`${base}/sitemap.xml`)).body
  const firstMap = /<loc>([^<]*sitemap[^<]*articles[^<]*)<\/loc>/.exec(index)?.[1]
  const old = firstMap
    ? hrefs(
        (await get(`${base}${new URL(firstMap).pathname}${new URL(firstMap).search}`)).body,
        /<loc>([^<]+)<\/loc>/g,
      )
        .map((u) => new URL(u).pathname)
        .filter((_, i) => i % 20 === 0)
        .slice(0, 200)
    : []
  const mix = [
    '/',
    ...sections,
    ...topics,
    ...authors,
    ...newest,
    ...old,
    '/feed.xml',
    '/feed.json',
    '/sitemap.xml',
  ]
  const unique = [...new Set(mix)]
  // Every page of the mix answers 200 before the load, so a non-2xx under load means the load.
  const broken = []
  for (const p of unique) {
    const r = await get(`${base}${p}`)
    if (r.status !== 200) broken.push(`${p} (${r.status})`)
  }
  if (broken.length)
    throw new Error(`pages of the mix that do not answer 200: ${broken.join(', ')}`)
  return unique
}

/**
 * One autocannon run over `paths` (each connection walks the list in turn) for `seconds`, at
 * `rate` requests per second overall when given. Throughput, latency and failures.
 */
export async function loadFor(base, paths, { seconds, connections, rate }) {
  const r = await autocannonRun({
    url: base,
    connections,
    duration: seconds,
    ...(rate ? { overallRate: rate } : {}),
    requests: paths.map((path) => ({ method: 'GET', path })),
  })
  return {
    rps: r.requests.total / seconds,
    requests: r.requests.total,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    statusCodes: r.statusCodeStats,
  }
}
