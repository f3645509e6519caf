#!/usr/bin/env node
// Masthead soak: serves the compiled app on the reader bench's database, measures the peak on a
// mix of reader pages, then holds 80% of that peak for ten minutes while an editor publishes a
// story every 30 s (each publish purges pages, so the mix keeps rendering as well as serving
// from the cache). Per minute: throughput, latency, errors and the server's RSS. It passes when
// nothing failed, RSS at the end is within ±10% of minute 2 and p99 does not drift.
// Usage: npm run soak [-- --dialect sqlite|postgres --minutes 10 --share 0.8]
import path from 'node:path'
import fs from 'node:fs'
import { machineInfo, textTable } from './lib/measure.mjs'
import { get } from './lib/network.mjs'
import { startServer } from './lib/server.mjs'
import {
  ROOT,
  RESULTS_DIR,
  parseDialectOptions,
  round,
  runMain,
  say,
  writeResults,
} from './lib/setup.mjs'
import { ensureSeeded, openDb } from './reader/loads.mjs'
import { ensureStaff } from './admin/seed.mjs'
import { analyzeIfNeeded } from './lib/databases.mjs'
import { Publisher } from './soak/publisher.mjs'
import { loadFor, readerMix } from './soak/load.mjs'
import { verdict } from './soak/verdict.mjs'

const NAME = 'soak'
const RESULTS = path.join(RESULTS_DIR, 'soak-latest.json')

const HELP = `Usage: node bench/soak.mjs [options]   (or: npm run soak -- [options])

  --dialect sqlite|postgres   Database (env BENCH_DIALECT; default sqlite)
  --minutes N                 Minutes at the held rate (env SOAK_MINUTES; default 10)
  --share F                   Share of the measured peak to hold (env SOAK_SHARE; default 0.8)
  --publish-every S           Seconds between publishes (env SOAK_PUBLISH_S; default 30)
  --connections N             Concurrent connections (default 50)
  --articles N                Articles in the bench database (default 10000)
  --pg-url URL                PostgreSQL database (default postgres://postgres@127.0.0.1:5432/test)
  -h, --help                  Show this help`

function options() {
  const { v, env, dialects, pgUrl, problems, check } = parseDialectOptions(NAME, HELP, {
    minutes: { type: 'string' },
    share: { type: 'string' },
    'publish-every': { type: 'string' },
    connections: { type: 'string' },
    articles: { type: 'string' },
  })
  const minutes = Number(v.minutes ?? env.SOAK_MINUTES ?? 10)
  const share = Number(v.share ?? env.SOAK_SHARE ?? 0.8)
  const publishEveryS = Number(v['publish-every'] ?? env.SOAK_PUBLISH_S ?? 30)
  const connections = Number(v.connections ?? 50)
  const articles = Number(v.articles ?? env.BENCH_ARTICLES ?? 10_000)
  if (!(Number.isInteger(minutes) && minutes >= 3 && minutes <= 240))
    problems.push('--minutes must be a whole number from 3 to 240 (minute 2 is the baseline)')
  if (!(share > 0 && share <= 1)) problems.push('--share must be above 0 and at most 1')
  if (!(publishEveryS >= 5)) problems.push('--publish-every must be at least 5 seconds')
  if (!(Number.isInteger(connections) && connections >= 1)) problems.push('--connections N')
  if (!(Number.isInteger(articles) && articles >= 100)) problems.push('--articles N (≥ 100)')
  // One dialect per soak: the default "both" of the other benches means SQLite here.
  if (!v.dialect && !env.BENCH_DIALECT) dialects.splice(0, dialects.length, 'sqlite')
  if (dialects.length !== 1) problems.push('--dialect must be sqlite or postgres (one per soak)')
  check()
  return {
    dialect: dialects[0],
    minutes,
    share,
    publishEveryS,
    connections,
    articles,
    pgUrl,
    pgSchema: 'bench',
  }
}

runMain(NAME, async () => {
  const opt = options()
  const machine = machineInfo(ROOT)
  say(
    `Masthead soak: ${opt.dialect}, ${opt.minutes} min at ${Math.round(opt.share * 100)}% of the peak, a publish every ${opt.publishEveryS} s`,
  )
  const db = await openDb(opt.dialect, opt)
  if (db.skip) throw new Error(`PostgreSQL cannot be reached: ${db.skip}`)
  await analyzeIfNeeded(db, await ensureSeeded(db, opt.articles))
  await ensureStaff(db)

  const server = await startServer(db)
  say(`  cold start to first 200: ${server.readyMs} ms`)
  const results = { machine, options: { ...opt, pgUrl: undefined }, minutes: [], publishes: [] }
  try {
    const mix = await readerMix(server.base)
    say(`  mix: ${mix.length} reader pages (home, sections, topics, authors, articles, feeds)`)

    const peak = await loadFor(server.base, mix, { seconds: 20, connections: opt.connections })
    const rate = Math.round(peak.rps * opt.share)
    results.peak = { rps: round(peak.rps), p99: peak.p99 }
    say(`  peak: ${round(peak.rps)} req/s (p99 ${peak.p99} ms); holding ${rate} req/s`)

    const publisher = new Publisher(server.base)
    await publisher.start()
    const timer = setInterval(() => void publisher.publishOne(), opt.publishEveryS * 1000)
    const rssNow = () => {
      const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1]
      return kb ? round(Number(kb) / 1024) : null
    }
    try {
      for (let m = 1; m <= opt.minutes; m++) {
        server.memoryPhase()
        const r = await loadFor(server.base, mix, {
          seconds: 60,
          connections: opt.connections,
          rate,
        })
        const rssMb = server.memoryPhase()
        const row = { minute: m, ...r, rps: round(r.rps), peakRssMb: rssMb, lastRssMb: rssNow() }
        results.minutes.push(row)
        say(
          `  minute ${String(m).padStart(2)}: ${round(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}, non-2xx ${r.non2xx}, RSS ${row.lastRssMb} MB (peak ${rssMb}), published ${publisher.done}${r.non2xx ? ` (status codes: ${JSON.stringify(r.statusCodes)})` : ''}`,
        )
      }
    } finally {
      clearInterval(timer)
      await publisher.settle()
      publisher.close()
    }
    results.publishes = publisher.log
    const probe = await get(`${server.base}/`)
    results.finalStatus = probe.status
  } finally {
    const stopped = await server.stop()
    results.serverPeakRssMb = stopped.memory?.peakRssMb ?? null
    results.serverProblems = server.logs.problems
    results.serverProblemCount = server.logs.problemCount
  }
  results.verdict = verdict(results)
  writeResults(RESULTS, results)
  say()
  say(
    textTable(
      results.minutes.map((r) => [r.minute, r.rps, r.p50, r.p99, r.errors, r.non2xx, r.lastRssMb]),
      ['minute', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'RSS MB'],
      'rrrrrrr',
    ),
  )
  say()
  for (const c of results.verdict.checks)
    say(`${c.ok ? 'PASS' : 'MISS'}  ${c.name}: ${c.measured} (target ${c.target})`)
  say(`Figures written to ${path.relative(process.cwd(), RESULTS)}`)
  process.exitCode = results.verdict.ok ? 0 : 1
})
