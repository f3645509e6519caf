#!/usr/bin/env node
// Masthead newsletter benchmark: one edition to 100,000 confirmed subscribers over loopback SMTP,
// on SQLite and PostgreSQL, through the compiled app (the sender a worker runs, with its
// recipient snapshot, per-recipient outcomes and fail-over transport). A receiving SMTP server
// (smtp-server, in a process of its own) accepts and discards. In the same run, the ceiling: a
// bare nodemailer pool sending as many pre-rendered messages of the same size to the same server.
// Prints time per phase (snapshot, render, send), messages per second and peak RSS.
// Targets (issue 4): ≥ 1,500 messages/s, or ≥ 80% of the ceiling where the ceiling is lower;
// peak RSS ≤ 300 MB.
// Usage: npm run bench:newsletter [-- --dialect sqlite|postgres|both --subscribers N]
// Parts: newsletter/send.mjs (the measured run), newsletter/smtp.mjs (the discarding server and
// the ceiling); this file starts each in a process of its own (`--role`) and reports.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { machineInfo, textTable } from './lib/measure.mjs'
import { killAllChildrenSync, startChild, stopChild } from './lib/processes.mjs'
import { DATA, DEFAULT_PG_URL, RESULTS_DIR, ROOT, START_FLAGS, writeResults } from './lib/setup.mjs'
import { CONNECTIONS, send } from './newsletter/send.mjs'
import { ceiling, sink } from './newsletter/smtp.mjs'

const RESULTS = path.join(RESULTS_DIR, 'newsletter-latest.json')
const SELF = fileURLToPath(import.meta.url)
const TARGET_RATE = 1500
const TARGET_SHARE = 0.8
const TARGET_RSS_MB = 300

const { values: v } = parseArgs({
  options: {
    role: { type: 'string' },
    dialect: { type: 'string', default: process.env.BENCH_DIALECT ?? 'both' },
    subscribers: { type: 'string', default: '100000' },
    port: { type: 'string' },
    'pg-url': {
      type: 'string',
      default: process.env.BENCH_PG_URL ?? DEFAULT_PG_URL,
    },
    help: { type: 'boolean', short: 'h' },
  },
})

if (v.help) {
  console.log(`Usage: node bench/newsletter.mjs [--dialect sqlite|postgres|both] [--subscribers N] [--pg-url URL]
Sends one edition to N (default 100,000) confirmed subscribers on each database, and measures a
bare nodemailer pool against the same discarding SMTP server. Results: bench/results/newsletter-latest.json`)
  process.exit(0)
}

const role = v.role ?? 'main'
if (role === 'sink') await sink()
else if (role === 'send') await send(v)
else if (role === 'ceiling') await ceiling(v)
else await main()

async function runRole(args, onSink) {
  let result = null
  const h = startChild(process.execPath, [...START_FLAGS, SELF, ...args], {
    cwd: ROOT,
    onLine: (line, stream) => {
      if (line.startsWith('RESULT ')) result = JSON.parse(line.slice(7))
      else if (stream === 'stderr' && line.trim()) console.error(`  ${line}`)
      onSink?.(line)
    },
  })
  const r = await h.exited
  if (!result) throw new Error(`${args.join(' ')} ended without a result (${JSON.stringify(r)})`)
  return result
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'app.js'))) {
    console.error('Build first: npm run build (npm run bench:newsletter does it for you).')
    process.exit(2)
  }
  fs.mkdirSync(DATA, { recursive: true })
  process.on('exit', killAllChildrenSync)
  const n = Number(v.subscribers)
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) {
    console.error('--subscribers must be a whole number from 1 to 1000000')
    process.exit(2)
  }
  const dialects = v.dialect === 'both' ? ['sqlite', 'postgres'] : [v.dialect]
  // The receiving server, in its own process.
  let port = 0
  let counted = null
  const sinkHandle = startChild(process.execPath, [SELF, '--role', 'sink'], {
    cwd: ROOT,
    stdin: 'pipe',
    onLine: (line) => {
      if (line.startsWith('PORT ')) port = Number(line.slice(5))
      if (line.startsWith('COUNT ')) counted?.(Number(line.slice(6)))
    },
  })
  while (!port) await new Promise((r) => setTimeout(r, 20))
  const count = () =>
    new Promise((resolve) => {
      counted = resolve
      sinkHandle.child.stdin.write('count\n')
    })
  const rows = []
  const out = { machine: machineInfo(ROOT), subscribers: n, connections: CONNECTIONS, runs: [] }
  for (const dialect of dialects) {
    if (dialect === 'sqlite') fs.rmSync(path.join(DATA, 'newsletter-bench.db'), { force: true })
    else {
      const pg = (await import('pg')).default
      const c = new pg.Client({ connectionString: v['pg-url'] })
      await c.connect()
      await c.query('drop schema if exists bench_newsletter cascade')
      await c.query('drop schema if exists bench_newsletter_jobs cascade')
      await c.end()
    }
    // The ceiling depends on the message and the server, not the database, but the machine is
    // shared and its load drifts: measured just before and just after each send, averaged.
    const measureCeiling = async (when) => {
      console.log(`the ceiling ${when} (bare nodemailer pool, ${CONNECTIONS} connections)…`)
      return runRole(['--role', 'ceiling', '--subscribers', String(n), '--port', String(port)])
    }
    const sendArgs = (count) => [
      '--role',
      'send',
      '--dialect',
      dialect,
      '--subscribers',
      String(count),
      '--port',
      String(port),
      '--pg-url',
      v['pg-url'],
    ]
    // The ceiling sends the message the last send wrote out (the same edition every run); on the
    // very first run there is none yet, and only the ceiling after the send counts.
    const before = fs.existsSync(path.join(DATA, 'sample.html'))
      ? await measureCeiling('before')
      : null
    console.log(`${dialect}: seeding ${n} subscribers and sending one edition…`)
    const r = await runRole(sendArgs(n))
    const after = await measureCeiling('after')
    const ceilings = [before, after].filter(Boolean).map((c) => (n / c.ms) * 1000)
    const c = { ms: after.ms, rates: ceilings }
    const rate = (r.counts.sent / r.t.send) * 1000
    const ceilingRate = ceilings.reduce((a, b) => a + b, 0) / ceilings.length
    const pass =
      (rate >= TARGET_RATE || rate >= TARGET_SHARE * ceilingRate) &&
      r.maxRssMb <= TARGET_RSS_MB &&
      r.counts.sent === n
    out.runs.push({ dialect, ...r, rate, ceilingRate, ceilingRates: c.rates, pass })
    rows.push([
      dialect,
      `${(r.t.snapshot / 1000).toFixed(2)} s`,
      `${r.t.render.toFixed(0)} ms`,
      `${(r.t.send / 1000).toFixed(1)} s`,
      `${Math.round(rate)}/s`,
      `${Math.round(ceilingRate)}/s`,
      `${Math.round((rate / ceilingRate) * 100)}%`,
      `${Math.round(r.maxRssMb)} MB`,
      `${r.counts.sent}/${n}`,
      pass ? 'PASS' : 'FAIL',
    ])
  }
  const received = await count()
  sinkHandle.child.stdin.end()
  await stopChild(sinkHandle)
  console.log()
  console.log(
    textTable(
      rows,
      [
        'database',
        'snapshot',
        'render',
        'send',
        'rate',
        'ceiling',
        'share',
        'peak RSS',
        'sent',
        'result',
      ],
      'lrrrrrrrrl',
    ),
  )
  console.log(`\nThe sink received ${received} messages in all (every send and the ceiling).`)
  console.log(
    `Targets: ≥ ${TARGET_RATE} messages/s or ≥ ${TARGET_SHARE * 100}% of the ceiling; peak RSS ≤ ${TARGET_RSS_MB} MB.`,
  )
  writeResults(RESULTS, { at: new Date().toISOString(), ...out })
  console.log(`Results: ${path.relative(ROOT, RESULTS)}`)
  if (out.runs.some((r) => !r.pass)) process.exitCode = 1
}
