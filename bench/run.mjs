#!/usr/bin/env node
// Masthead benchmark: seeds 10,000 articles per dialect, serves the compiled app in production
// mode as a child process, loads reader pages with autocannon (in this process) and wrk, and
// reports throughput, latency, memory, cold start and page weight against the targets.
// Usage: npm run bench [-- --dialect sqlite|postgres|both --duration 15 --connections 50 --quick]
// Parts: reader/loads.mjs (one dialect: seeding, servers, loads), reader/report.mjs (tables and
// targets); what the benches share is under lib/.
import path from 'node:path'
import { RESULTS_DIR, parseDialectOptions, runDialectBench, runMain } from './lib/setup.mjs'
import { DEFAULT_ARTICLES, benchDialect, openDb } from './reader/loads.mjs'
import { TARGETS, compareSizes, report, targetsFor } from './reader/report.mjs'

const NAME = 'bench'
/** latest.json at the default 10,000 articles; latest-<n>.json at any other count. */
const resultsFile = (articles) =>
  path.join(RESULTS_DIR, articles === DEFAULT_ARTICLES ? 'latest.json' : `latest-${articles}.json`)

const HELP = `Usage: node bench/run.mjs [options]   (or: npm run bench -- [options])

  --dialect sqlite|postgres|both   Databases to measure (env BENCH_DIALECT; default both)
  --duration S                     Seconds per load (env BENCH_DURATION; default 15)
  --connections N                  Concurrent connections (env BENCH_CONNECTIONS; default 50)
  --quick                          3-second loads, for smoke runs (env BENCH_QUICK=1)
  --articles N                     Articles to seed (env BENCH_ARTICLES; default 10000)
  --pg-url URL                     PostgreSQL database (env BENCH_PG_URL;
                                   default postgres://postgres@127.0.0.1:5432/test), schema "bench"
  -h, --help                       Show this help`

function options() {
  const { v, env, quick, dialects, pgUrl, problems, check } = parseDialectOptions(NAME, HELP, {
    duration: { type: 'string' },
    connections: { type: 'string' },
    articles: { type: 'string' },
  })
  const duration = Number(v.duration ?? env.BENCH_DURATION ?? (quick ? 3 : 15))
  const connections = Number(v.connections ?? env.BENCH_CONNECTIONS ?? 50)
  const articles = Number(v.articles ?? env.BENCH_ARTICLES ?? DEFAULT_ARTICLES)
  if (!(duration > 0 && duration <= 3600))
    problems.push('--duration must be a number of seconds (1 to 3600)')
  if (!(Number.isInteger(connections) && connections >= 1 && connections <= 10_000))
    problems.push('--connections must be a whole number')
  if (!(Number.isInteger(articles) && articles >= 1))
    problems.push('--articles must be a whole number')
  check()
  return {
    dialects,
    duration,
    connections,
    quick,
    articles,
    warmupS: 1,
    pgUrl,
    pgSchema: 'bench',
  }
}

runMain(NAME, async () => {
  const opt = options()
  await runDialectBench({
    name: NAME,
    buildHint: 'npm run bench does',
    title: `Masthead benchmark: ${opt.dialects.join(' + ')}, ${opt.articles} articles, ${opt.connections} connections, ${opt.duration} s per load${opt.quick ? ' (quick)' : ''}`,
    opt,
    fields: {
      targets: [],
      targetDefinitions: TARGETS,
    },
    openDb,
    benchDialect,
    complete(results) {
      results.compared = compareSizes(results, resultsFile(1_000))
      results.targets = results.dialects.flatMap((d) => (d.error || d.skipped ? [] : targetsFor(d)))
    },
    report,
    resultsFile: resultsFile(opt.articles),
  })
})
