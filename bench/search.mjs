#!/usr/bin/env node
// Masthead search benchmark: with 100,000 articles, each kind of search (a common word, two
// words, a rare word, a word found nowhere, filters, a deep page, query syntax) must answer in
// ≤ 50 ms at p95, on SQLite and on PostgreSQL. It seeds a bench database per dialect like
// bench:admin (the CLI's demo articles copied in SQL), indexes the copies (they were written
// in SQL, past the index), then times the search use case in this process: the index query,
// the summaries and the snippets, as /search runs them, without HTTP.
// Usage: npm run bench:search [-- --dialect sqlite|postgres|both --articles N --quick]
// Run through tsx (npm run bench:search does) so the app's TypeScript modules load.
import path from 'node:path'
import { seedArticles } from './lib/amplify.mjs'
import { analyzeIfNeeded, postgresDb, sqliteDb } from './lib/databases.mjs'
import { percentiles, textTable } from './lib/measure.mjs'
import {
  DATA,
  RESULTS_DIR,
  parseDialectOptions,
  round,
  runDialectBench,
  runMain,
  say,
  writtenTo,
} from './lib/setup.mjs'
import { sql } from 'kysely'
import { createContentRepository, createContentService } from '../src/content/index.js'
import { systemClock } from '../src/lib/clock.js'
import { connect } from '../src/storage/index.js'

const NAME = 'bench:search'
const RESULTS = path.join(RESULTS_DIR, 'search-latest.json')
const TARGET_P95_MS = 50

const HELP = `Usage: node --import tsx bench/search.mjs [options]   (or: npm run bench:search -- [options])

  --dialect sqlite|postgres|both   Databases to measure (env BENCH_DIALECT; default both)
  --articles N                     Articles in the bench database (env BENCH_ARTICLES; default 100000)
  --quick                          10 searches per kind instead of 60 (env BENCH_QUICK=1)
  --pg-url URL                     PostgreSQL database (env BENCH_PG_URL;
                                   default postgres://postgres@127.0.0.1:5432/test), schema "bench_search"
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
    runs: quick ? 10 : 60,
    warmup: 3,
    pgUrl,
    pgSchema: 'bench_search',
  }
}

function openDb(dialect, opt) {
  if (dialect === 'sqlite')
    return sqliteDb(path.join(DATA, 'search.db'), path.join(DATA, 'media-search-sqlite'))
  return postgresDb(opt, path.join(DATA, 'media-search-postgres'))
}

/** Words of the stored headlines, most frequent first (at least 5 letters: no stop words). */
async function headlineWords(repo) {
  const { items } = await repo.listPublished({ kind: 'all' }, { limit: 400, offset: 0 }, new Date())
  const counts = new Map()
  for (const a of items)
    for (const w of a.headline.toLowerCase().match(/\p{L}{5,}/gu) ?? [])
      counts.set(w, (counts.get(w) ?? 0) + 1)
  return [...counts.entries()].sort((x, y) => y[1] - x[1]).map(([w]) => w)
}

async function benchDialect(db, opt) {
  const out = { dialect: db.dialect }
  out.seed = await seedArticles(db, opt.articles, { hideDemoAdmin: true })
  const storage = await connect(db.url)
  try {
    const repo = createContentRepository(storage.db, storage.dialect)
    const content = createContentService({ repo, clock: systemClock, defaultLanguage: 'en' })
    const count = async (table) =>
      Number(
        (await sql`select count(*) as n from ${sql.table(table)}`.execute(storage.db)).rows[0].n,
      )
    const indexed = await count('article')
    const have = await count('article_search')
    if (have < indexed * 0.9) {
      say(
        `  the index holds ${have} of ${indexed} articles (copies are written past it): indexing all…`,
      )
      const started = Date.now()
      let shown = 0
      await repo.rebuildSearchIndex((done, total) => {
        if (Date.now() - shown > 15_000 || done === total) {
          shown = Date.now()
          say(`  indexed ${done} of ${total}`)
        }
      })
      out.indexSeconds = round((Date.now() - started) / 1000)
      out.indexedPerSecond = Math.round(indexed / out.indexSeconds)
      say(`  indexed ${indexed} articles in ${out.indexSeconds} s`)
    }
    await analyzeIfNeeded(db, out.seed)
    // A bulk load leaves GIN's pending list full and no visibility map: VACUUM, as autovacuum
    // would soon do on a live server, before measuring.
    if (storage.dialect === 'postgres') await sql`vacuum analyze article_search`.execute(storage.db)
    const words = await headlineWords(repo)
    const [common, second] = [words[0] ?? 'river', words[1] ?? 'city']
    const rare = words.at(-1) ?? 'harbour'
    const section = (await content.listSections())[0]?.slug
    const from = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10)
    const kinds = {
      common: { q: common },
      'two words': { q: `${common} ${second}` },
      'less common': { q: rare },
      absent: { q: 'zzqxvw' },
      section: { q: common, section },
      'last 90 days': { q: common, from },
      'page 50': { q: common, page: 50 },
      syntax: { q: `"${common} NEAR( * OR -x ^: ${second}"` },
    }
    out.queries = {}
    for (const [kind, req] of Object.entries(kinds)) {
      for (let i = 0; i < opt.warmup; i++) await content.search(req)
      const ms = []
      let total = 0
      for (let i = 0; i < opt.runs; i++) {
        const s = performance.now()
        const a = await content.search(req)
        ms.push(performance.now() - s)
        if (a.outcome.kind === 'results') total = a.outcome.total
      }
      out.queries[kind] = { ...req, found: total, ...percentiles(ms) }
    }
    out.articles = indexed
  } finally {
    await storage.close()
  }
  out.targets = Object.entries(out.queries).map(([kind, r]) => ({
    op: kind,
    p95Ms: r.p95,
    targetP95Ms: TARGET_P95_MS,
    pass: r.p95 <= TARGET_P95_MS,
  }))
  return out
}

function report(results, opt, file) {
  const rows = []
  for (const d of results.dialects) {
    if (d.skip || d.error) {
      rows.push([d.dialect, d.skip ? `skipped: ${d.skip}` : `error: ${d.error}`])
      continue
    }
    for (const [kind, r] of Object.entries(d.queries))
      rows.push([
        d.dialect,
        kind,
        r.found,
        r.p50.toFixed(1),
        r.p95.toFixed(1),
        r.p95 <= TARGET_P95_MS ? 'PASS' : 'MISS',
      ])
  }
  say('')
  say(
    textTable(
      rows,
      ['db', 'query', 'found', 'p50 ms', 'p95 ms', `p95 ≤ ${TARGET_P95_MS}`],
      ['l', 'l', 'r', 'r', 'r', 'l'],
    ),
  )
  say('')
  say(
    `${opt.runs} searches per kind after ${opt.warmup} unmeasured; a shared machine: figures vary with its load.`,
  )
  say(writtenTo(file))
}

runMain(NAME, async () => {
  const opt = options()
  await runDialectBench({
    name: NAME,
    buildHint: 'npm run bench:search does',
    title: `Masthead search benchmark: ${opt.dialects.join(' + ')}, ${opt.articles} articles, ${opt.runs} searches per kind${opt.quick ? ' (quick)' : ''}`,
    opt,
    fields: { targetP95Ms: TARGET_P95_MS },
    openDb,
    benchDialect,
    report,
    resultsFile: RESULTS,
  })
})
