// The reader bench's report: the loads, cold start, memory and page weight in tables, and each
// figure against its target.
import fs from 'node:fs'
import { textTable } from '../lib/measure.mjs'
import { UNCACHED_PAGES } from './loads.mjs'
import { round, say, writtenTo } from '../lib/setup.mjs'

/** URLs a sitemap file holds at most: SITEMAP_PER_FILE in src/site/pages/sitemaps.ts. */
const SITEMAP_PER_FILE = 10_000

export const TARGETS = {
  cachedReqPerSec: 13_000,
  cachedP99Ms: 20,
  wrkReqPerSec: 24_000,
  // Issue 11: the article with PAGE_CACHE=false, per database, with its p99.
  cacheOffReqPerSec: { sqlite: 2_600, postgres: 1_500 },
  cacheOffP99Ms: 50,
  coldStartMs: 1_000,
  peakRssMb: 150,
  pageKb: 15, // KB = 1024 bytes
  pageRequests: 3,
}

/** Each figure of one dialect against its target: PASS, MISS, or null when not measured. */
export function targetsFor(d) {
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
  const w2 = d.loads.articleWrk2
  if (w2 && !w2.skipped)
    add(
      'cached article (wrk), 2 web processes',
      `${w2.reqPerSec} req/s`,
      `≥ ${TARGETS.wrkReqPerSec} req/s`,
      w2.reqPerSec >= TARGETS.wrkReqPerSec,
    )
  for (const [n, label] of [
    [d.loads.articleNoCache, 'article, cache off'],
    [d.loads.articleNoCache2, 'article, cache off, 2 web processes'],
  ])
    if (n) {
      const goal = TARGETS.cacheOffReqPerSec[d.dialect]
      add(
        label,
        `${n.reqPerSec} req/s, p99 ${n.p99Ms} ms`,
        `≥ ${goal} req/s, p99 ≤ ${TARGETS.cacheOffP99Ms} ms`,
        n.reqPerSec >= goal && n.p99Ms <= TARGETS.cacheOffP99Ms,
      )
    }
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

/**
 * Each uncached page type against the same page at 1,000 articles (from `smallFile`, written by
 * `--articles 1000`): the archive may make a page at most twice as slow. Null when this run is
 * the small one or the small run's file is missing.
 */
export function compareSizes(results, smallFile) {
  if (results.options.articles <= 1_000 || !fs.existsSync(smallFile)) return null
  const small = JSON.parse(fs.readFileSync(smallFile, 'utf8'))
  const smallArticles = small.options?.articles ?? 1_000
  // The first article sitemap holds every article up to SITEMAP_PER_FILE (src/site/pages/
  // sitemaps.ts): 1,000 URLs in the small archive, 10,000 in the large one. Its pages are
  // compared per URL, so the figure says what the archive's size costs, not the file's.
  const urlsIn = (articles) => Math.min(articles, SITEMAP_PER_FILE)
  const rows = []
  for (const d of results.dialects) {
    const s = small.dialects?.find((x) => x.dialect === d.dialect)
    for (const [key, label] of UNCACHED_PAGES) {
      let big = d.uncached?.[key]?.reqPerSec
      let base = s?.uncached?.[key]?.reqPerSec
      if (!big || !base) continue
      let page = label
      if (key === 'sitemap') {
        big = round(big * urlsIn(results.options.articles), 0)
        base = round(base * urlsIn(smallArticles), 0)
        page = `${label}, URLs/s`
      }
      rows.push({ dialect: d.dialect, page, small: base, big, ratio: round(base / big, 2) })
    }
  }
  return { smallArticles, commit: small.machine?.gitCommit, rows }
}

function reportComparison(c, articles) {
  if (!c?.rows.length) return
  say(`Page cache off: ${articles} articles against ${c.smallArticles} (target: at most 2× slower)`)
  say(
    textTable(
      c.rows.map((r) => [
        r.dialect,
        r.page,
        r.small.toLocaleString('en-US'),
        r.big.toLocaleString('en-US'),
        `${r.ratio}×`,
        r.ratio <= 2 ? 'PASS' : 'MISS',
      ]),
      ['dialect', 'page', `req/s at ${c.smallArticles}`, `req/s at ${articles}`, 'slower', ''],
      ['l', 'l', 'r', 'r', 'r', 'l'],
    ),
  )
  say()
}

export function report(results, opt, resultsFile) {
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
      ['articleWrk2', 'article (cached, wrk, 2 processes)'],
      ['articleNoCache2', 'article (cache off, 2 processes)'],
      ...UNCACHED_PAGES.map(([k, label]) => [`uncached.${k}`, `${label} (cache off)`]),
    ]) {
      const l = key.startsWith('uncached.')
        ? d.uncached?.[key.slice('uncached.'.length)]
        : d.loads?.[key]
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
    textTable(
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
      textTable(
        other,
        ['dialect', 'cold start to first 200', 'peak RSS (cache on)', 'article page, gzipped'],
        ['l', 'l', 'l', 'l'],
      ),
    )
    say()
  }
  reportComparison(results.compared, opt.articles)
  const t = results.targets
  if (t.length) {
    say('Targets')
    say(
      textTable(
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
  say(writtenTo(resultsFile))
}
