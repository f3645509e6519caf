// What the soak asks of the figures: nothing failed, memory flat, latency flat.

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null
}

/**
 * Checks: 0 errors, timeouts and non-2xx answers, and every publish done; RSS at the end of the
 * last minute within ±10% of the end of minute 2 (minute 1 is warm-up: caches filling); p99 not
 * drifting: the median p99 of the last three minutes at most 1.5× (or 5 ms above, autocannon
 * counts whole milliseconds) the median of minutes 2 to 4.
 */
export function verdict(results) {
  const m = results.minutes
  const failures = m.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0)
  const publishFailures = results.publishes.filter((p) => p.status !== 303).length
  const base = m.find((r) => r.minute === 2)
  const last = m.at(-1)
  const rssChange = base && last ? (last.lastRssMb - base.lastRssMb) / base.lastRssMb : null
  const early = median(m.filter((r) => r.minute >= 2 && r.minute <= 4).map((r) => r.p99))
  const late = median(m.slice(-3).map((r) => r.p99))
  const p99Limit = early === null ? null : Math.max(early * 1.5, early + 5)
  const checks = [
    {
      name: 'failed requests',
      measured: `${failures} (errors, timeouts, non-2xx); ${publishFailures} of ${results.publishes.length} publishes failed`,
      target: '0',
      ok: failures === 0 && publishFailures === 0 && results.publishes.length > 0,
    },
    {
      name: 'RSS, last minute against minute 2',
      measured:
        rssChange === null
          ? 'not measured'
          : `${base.lastRssMb} → ${last.lastRssMb} MB (${rssChange >= 0 ? '+' : ''}${(rssChange * 100).toFixed(1)}%)`,
      target: 'within ±10%',
      ok: rssChange !== null && Math.abs(rssChange) <= 0.1,
    },
    {
      name: 'p99 drift, last 3 minutes against minutes 2–4 (medians)',
      measured: `${early} → ${late} ms`,
      target: `≤ ${p99Limit ?? '?'} ms`,
      ok: late !== null && p99Limit !== null && late <= p99Limit,
    },
  ]
  return { ok: checks.every((c) => c.ok), checks }
}
