// The admin bench's report: per dialect, a table of the timed operations against the target.
import { textTable } from '../lib/measure.mjs'
import { say, writtenTo } from '../lib/setup.mjs'

export const TARGET_P95_MS = 100

export const ms3 = (n) => (n === null || n === undefined ? '–' : n.toFixed(3))

export function report(results, opt, resultsFile) {
  say()
  say(
    `Sequential requests, one at a time, keep-alive, after ${opt.warmup} warm-up requests per operation; times in ms from request to the last byte.`,
  )
  for (const d of results.dialects) {
    say()
    if (d.skipped) {
      say(`${d.dialect}: skipped: ${d.skipped}`)
      continue
    }
    if (d.error) {
      say(`${d.dialect}: ERROR: ${d.error.split('\n')[0]}`)
      continue
    }
    say(
      `${d.dialect}: ${d.seed.articles.toLocaleString('en-US')} articles${d.seed.reused ? ' (reused)' : ` (seeded in ${d.seed.seconds} s)`}`,
    )
    const row = (label, p, verdict = '') => [
      label,
      p.n,
      ms3(p.p50),
      ms3(p.p95),
      ms3(p.p99),
      ms3(p.max),
      p.failed ? String(p.failed) : '',
      verdict,
    ]
    const rows = []
    const verdict = (k) => {
      const t = d.targets.find((x) => x.op === k)
      return `${t.pass ? 'PASS' : 'MISS'} (p95 ≤ ${TARGET_P95_MS})`
    }
    rows.push(row('article list', d.ops.list, verdict('list')))
    rows.push(row('filtered list (all)', d.ops.filtered, verdict('filtered')))
    for (const [k, f] of Object.entries(d.ops.filtered.byFilter))
      rows.push(row(`  ${k} (${f.rows} rows)`, f))
    rows.push(row('save (POST → 303)', d.ops.save, verdict('save')))
    rows.push(row('edit form (GET), info', d.info.editForm))
    rows.push(row('search, no match, info', d.info.noMatch))
    rows.push(row(`list page ${d.discovered.deepPage}, info`, d.info.deepPage))
    say(
      textTable(
        rows,
        ['operation', 'n', 'p50', 'p95', 'p99', 'max', 'failed', 'target'],
        ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
      ),
    )
    const l = d.info.listLoad
    say(
      `list under load: ${l.reqPerSec} req/s, p50 ${l.p50Ms} ms, p99 ${l.p99Ms} ms (autocannon, ${l.connections} connections, ${l.seconds} s, ${l.non2xx} non-2xx, ${l.errors} errors); server peak RSS ${d.server.memory.peakRssMb ?? '?'} MB`,
    )
    if (d.ops.save.conflicts) say(`note: ${d.ops.save.conflicts} save(s) met a 409 and retried`)
    for (const [op, o] of Object.entries(d.ops))
      for (const [k, n] of Object.entries(o.failures ?? {})) say(`note: ${op}: ${n} failed: ${k}`)
    if (d.server.logProblems)
      say(
        `note: the server logged ${d.server.logProblems} warning/error line(s), e.g. ${d.server.logSample[0]}`,
      )
  }
  say()
  say(writtenTo(resultsFile))
}
