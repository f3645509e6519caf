// `npm run bench:subscribers`: 100,000 subscribers on SQLite (a file) and PostgreSQL. Times the
// admin's search (common, rare and absent terms, a deep page), the counts and growth overview,
// the streamed CSV export and the CSV import, with the process's peak RSS. Prints JSON.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  createNewsletterRepository,
  createSubscriberRepository,
  createSubscriberService,
} from '../src/newsletter/index.js'
import { connect, migrateToLatest, type Storage } from '../src/storage/index.js'
import { systemClock } from '../src/lib/clock.js'
import { openTestStorage } from '../test/support/dialects.js'

const N = Number(process.env.BENCH_SUBSCRIBERS ?? 100_000)
const signer = {
  sign: async (d: string) => d.length.toString(36).padEnd(16, 'x'),
  verifySigned: async () => true,
}

async function time<T>(fn: () => Promise<T>, runs = 5): Promise<{ ms: number; result: T }> {
  let result = await fn() // warm
  const t: number[] = []
  for (let i = 0; i < runs; i++) {
    const s = performance.now()
    result = await fn()
    t.push(performance.now() - s)
  }
  t.sort((a, b) => a - b)
  return { ms: Math.round(t[Math.floor(t.length / 2)]! * 10) / 10, result }
}

async function run(name: string, storage: Storage) {
  const news = createNewsletterRepository(storage.db)
  const svc = createSubscriberService({
    repo: createSubscriberRepository(storage.db),
    newsletters: news,
    clock: systemClock,
    signer,
    siteName: 'Bench',
  })
  const now = new Date()
  await news.insertNewsletter(
    { slug: 'weekly', name: 'Weekly', description: '', cadence: '', language: 'en' },
    now,
  )
  await news.insertNewsletter(
    { slug: 'daily', name: 'Daily', description: '', cadence: '', language: 'en' },
    now,
  )
  const out: Record<string, unknown> = { dialect: name, subscribers: N }
  // Import in files under the 10 MB limit: 25,000 rows each.
  const per = 25_000
  let importMs = 0
  for (let start = 0; start < N; start += per) {
    const lines = ['email,newsletter,status,consent_text,consent_at,confirmed_at,unsubscribed_at']
    for (let i = start; i < Math.min(N, start + per); i++) {
      const week = i % 30
      const t = new Date(now.getTime() - week * 7 * 86_400_000).toISOString()
      lines.push(
        `reader${String(i).padStart(6, '0')}@mail${i % 50}.example.org,${i % 3 ? 'weekly' : 'daily'},confirmed,I agree to the weekly email,${t},${t},`,
      )
    }
    const s = performance.now()
    await svc.importCsv(lines.join('\n'))
    importMs += performance.now() - s
  }
  out['import_rows_per_s'] = Math.round(N / (importMs / 1000))
  await storage.analyze?.()
  out['search_common_first_page_ms'] = (await time(() => svc.search('example', '', 51))).ms
  out['search_rare_ms'] = (await time(() => svc.search('reader099999', '', 51))).ms
  out['search_absent_ms'] = (await time(() => svc.search('nobody-has-this', '', 51))).ms
  out['search_domain_page_ms'] = (await time(() => svc.search('mail7.', '', 51))).ms
  out['search_deep_page_ms'] = (await time(() => svc.search('example', 'reader050000@', 51))).ms
  out['overview_counts_growth_ms'] = (await time(() => svc.overview())).ms
  const before = process.memoryUsage().rss
  let peak = before
  const s = performance.now()
  let bytes = 0
  for await (const chunk of svc.exportCsv()) {
    bytes += chunk.length
    peak = Math.max(peak, process.memoryUsage().rss)
  }
  out['export_ms'] = Math.round(performance.now() - s)
  out['export_mb'] = Math.round(bytes / 1e5) / 10
  out['export_rss_growth_mb'] = Math.round((peak - before) / 1e5) / 10
  return out
}

const results = []
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-subs-'))
const lite = await connect(`sqlite:${path.join(dir, 'bench.db')}`)
await migrateToLatest(lite.db)
results.push(await run('sqlite', lite))
await lite.close()
fs.rmSync(dir, { recursive: true, force: true })
try {
  const pg = await openTestStorage('postgres')
  try {
    results.push(await run('postgres', pg))
  } finally {
    await pg.close()
  }
} catch (err) {
  console.error(`PostgreSQL skipped: ${(err as Error).message}`)
}
const report = {
  at: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  results,
}
fs.mkdirSync('bench/results', { recursive: true })
fs.writeFileSync('bench/results/subscribers-latest.json', `${JSON.stringify(report, null, 2)}\n`)
console.log(JSON.stringify(report, null, 2))
