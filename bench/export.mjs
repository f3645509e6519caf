#!/usr/bin/env node
// Masthead static export benchmark: `masthead export static` of 10,000 articles must finish in
// ≤ 60 s, and a second run after one article was edited in ≤ 5 s, on SQLite and PostgreSQL.
// It seeds a bench database per dialect (the CLI's articles, copied in SQL past what the CLI
// writes), runs the compiled command as a child process and times it from spawn to exit: a full
// export into an empty folder, a run with nothing changed, and a run after one edit.
// Usage: npm run bench:export [-- --dialect sqlite|postgres|both --articles N --quick]
// Parts: export/measure.mjs (the runs and the edit), export/report.mjs (the table).
import path from 'node:path'
import { seedArticles } from './lib/amplify.mjs'
import { analyzeIfNeeded, postgresDb, sqliteDb } from './lib/databases.mjs'
import { DATA, RESULTS_DIR, parseDialectOptions, runDialectBench, runMain } from './lib/setup.mjs'
import { measure } from './export/measure.mjs'
import { TARGETS, report } from './export/report.mjs'

const NAME = 'bench:export'
const RESULTS = path.join(RESULTS_DIR, 'export-latest.json')

const HELP = `Usage: node bench/export.mjs [options]   (or: npm run bench:export -- [options])

  --dialect sqlite|postgres|both   Databases to measure (env BENCH_DIALECT; default both)
  --articles N                     Articles in the bench database (env BENCH_ARTICLES; default 10000)
  --quick                          1,000 articles unless --articles says otherwise (env BENCH_QUICK=1)
  --pg-url URL                     PostgreSQL database (env BENCH_PG_URL;
                                   default postgres://postgres@127.0.0.1:5432/test), schema "bench_export"
  -h, --help                       Show this help`

function options() {
  const { v, env, quick, dialects, pgUrl, problems, check } = parseDialectOptions(NAME, HELP, {
    articles: { type: 'string' },
  })
  const articles = Number(v.articles ?? env.BENCH_ARTICLES ?? (quick ? 1000 : 10_000))
  if (!(Number.isInteger(articles) && articles >= 60 && articles <= 1_000_000))
    problems.push('--articles must be a whole number from 60 to 1000000')
  check()
  return { dialects, articles, quick, pgUrl, pgSchema: 'bench_export' }
}

function openDb(dialect, opt) {
  if (dialect === 'sqlite')
    return sqliteDb(path.join(DATA, 'export.db'), path.join(DATA, 'media-export-sqlite'))
  return postgresDb(opt, path.join(DATA, 'media-export-postgres'))
}

async function benchDialect(db, opt) {
  const out = { dialect: db.dialect }
  out.seed = await seedArticles(db, opt.articles, { hideDemoAdmin: true })
  await analyzeIfNeeded(db, out.seed)
  out.runs = await measure(db, path.join(DATA, `export-out-${db.dialect}`))
  out.targets = [
    { run: 'full', seconds: out.runs.full.seconds, target: TARGETS.full },
    { run: 'afterEdit', seconds: out.runs.afterEdit.seconds, target: TARGETS.afterEdit },
  ].map((t) => ({ ...t, pass: t.seconds <= t.target }))
  return out
}

runMain(NAME, async () => {
  const opt = options()
  await runDialectBench({
    name: NAME,
    buildHint: 'npm run bench:export does',
    title: `Masthead static export benchmark: ${opt.dialects.join(' + ')}, ${opt.articles} articles${opt.quick ? ' (quick)' : ''}`,
    opt,
    fields: { targetsSeconds: TARGETS },
    openDb,
    benchDialect,
    report,
    resultsFile: RESULTS,
  })
})
