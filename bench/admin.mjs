#!/usr/bin/env node
// Masthead admin benchmark: with 100,000 articles, the admin's article list, a filtered list and
// an article save must each answer in ≤ 100 ms at p95, on SQLite and on PostgreSQL.
// It seeds a bench database per dialect (apart from bench/run.mjs's), adds an editor, serves
// the compiled app in production mode as a child process, signs in like a browser (cookies,
// CSRF tokens from the forms) and times sequential requests: the target is per-request latency.
// Usage: npm run bench:admin [-- --dialect sqlite|postgres|both --articles N --quick]
// Parts: admin/seed.mjs (databases, the copied articles, the editor), admin/measure.mjs (the
// timed requests), admin/report.mjs (the table); what the benches share is under lib/.
import path from 'node:path'
import { analyzeIfNeeded } from './lib/databases.mjs'
import { startServer } from './lib/server.mjs'
import { RESULTS_DIR, parseDialectOptions, runDialectBench, runMain, say } from './lib/setup.mjs'
import { measure } from './admin/measure.mjs'
import { TARGET_P95_MS, report } from './admin/report.mjs'
import { STAFF, ensureSeeded, ensureStaff, openDb } from './admin/seed.mjs'

const NAME = 'bench:admin'
const RESULTS = path.join(RESULTS_DIR, 'admin-latest.json')

const HELP = `Usage: node bench/admin.mjs [options]   (or: npm run bench:admin -- [options])

  --dialect sqlite|postgres|both   Databases to measure (env BENCH_DIALECT; default both)
  --articles N                     Articles in the bench database (env BENCH_ARTICLES; default 100000)
  --quick                          Fewer requests and a 3 s concurrent load (env BENCH_QUICK=1)
  --pg-url URL                     PostgreSQL database (env BENCH_PG_URL;
                                   default postgres://postgres@127.0.0.1:5432/test), schema "bench_admin"
  -h, --help                       Show this help`

function options() {
  const { v, env, quick, dialects, pgUrl, problems, check } = parseDialectOptions(NAME, HELP, {
    articles: { type: 'string' },
  })
  const articles = Number(v.articles ?? env.BENCH_ARTICLES ?? 100_000)
  if (!(Number.isInteger(articles) && articles >= 100 && articles <= 1_000_000))
    problems.push('--articles must be a whole number from 100 to 1000000')
  check()
  return {
    dialects,
    articles,
    quick,
    // Sequential requests per operation (after the warm-up) and the concurrent load.
    listRequests: quick ? 60 : 300,
    filteredRequests: quick ? 60 : 300,
    saves: quick ? 40 : 200,
    warmup: quick ? 5 : 20,
    loadConnections: 10,
    loadSeconds: quick ? 3 : 10,
    pgUrl,
    pgSchema: 'bench_admin',
  }
}

async function benchDialect(db, opt) {
  const out = { dialect: db.dialect }
  out.seed = await ensureSeeded(db, opt.articles)
  await analyzeIfNeeded(db, out.seed)
  out.staff = await ensureStaff(db)
  say(`  staff account ${STAFF.email} (${STAFF.role}): ${out.staff}`)
  say('  starting the server…')
  const server = await startServer(db, { readyPath: '/admin/sign-in', everyMs: 20 })
  try {
    say(`  ready (GET /admin/sign-in answered 200) after ${server.readyMs} ms`)
    Object.assign(out, await measure(server, opt))
  } finally {
    out.server = { readyMs: server.readyMs, ...(await server.finish()) }
  }
  out.targets = ['list', 'filtered', 'save'].map((k) => ({
    op: k,
    p95Ms: out.ops[k].p95,
    targetP95Ms: TARGET_P95_MS,
    pass: out.ops[k].n > 0 && out.ops[k].p95 <= TARGET_P95_MS && !out.ops[k].failed,
  }))
  return out
}

runMain(NAME, async () => {
  const opt = options()
  await runDialectBench({
    name: NAME,
    buildHint: 'npm run bench:admin does',
    title: `Masthead admin benchmark: ${opt.dialects.join(' + ')}, ${opt.articles} articles, ${opt.listRequests} list / ${opt.filteredRequests} filtered / ${opt.saves} saves${opt.quick ? ' (quick)' : ''}`,
    opt,
    fields: {
      targetP95Ms: TARGET_P95_MS,
    },
    openDb,
    benchDialect,
    report,
    resultsFile: RESULTS,
  })
})
