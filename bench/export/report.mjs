// The export bench's table and targets.
import { textTable } from '../lib/measure.mjs'
import { say, writtenTo } from '../lib/setup.mjs'

/** Seconds: a full export of 10,000 articles, and a run after one edit. */
export const TARGETS = { full: 60, afterEdit: 5 }

export function report(results, _opt, file) {
  const rows = []
  for (const d of results.dialects) {
    if (d.skipped || d.error) {
      rows.push([d.dialect, '', d.skipped ? `skipped: ${d.skipped}` : `error: ${d.error}`])
      continue
    }
    for (const [name, r] of Object.entries(d.runs))
      rows.push([
        d.dialect,
        d.seed.articles,
        name,
        r.seconds,
        r.rendered,
        r.added,
        r.changed,
        r.removed,
      ])
  }
  say()
  say(
    textTable(
      rows,
      ['dialect', 'articles', 'run', 'seconds', 'rendered', 'added', 'changed', 'removed'],
      ['l', 'r', 'l', 'r', 'r', 'r', 'r', 'r'],
    ),
  )
  say()
  for (const d of results.dialects)
    for (const t of d.targets ?? [])
      say(
        `${d.dialect} ${t.run}: ${t.seconds} s, target ≤ ${t.target} s: ${t.pass ? 'PASS' : 'MISS'}`,
      )
  say('The machine may be shared: figures taken under load are pessimistic.')
  say(writtenTo(file))
}
