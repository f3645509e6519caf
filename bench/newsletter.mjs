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
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { machineInfo, startChild, stopChild, textTable, killAllChildrenSync } from './lib.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const DATA = path.join(ROOT, 'bench', '.data')
const RESULTS = path.join(ROOT, 'bench', 'results', 'newsletter-latest.json')
const SELF = fileURLToPath(import.meta.url)
const START_FLAGS = (
  JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.start?.match(
    /^node((?:\s+--\S+)*)\s/,
  )?.[1] ?? ''
)
  .trim()
  .split(/\s+/)
  .filter(Boolean)
const TARGET_RATE = 1500
const TARGET_SHARE = 0.8
const TARGET_RSS_MB = 300
const CONNECTIONS = 5

const { values: v } = parseArgs({
  options: {
    role: { type: 'string' },
    dialect: { type: 'string', default: process.env.BENCH_DIALECT ?? 'both' },
    subscribers: { type: 'string', default: '100000' },
    port: { type: 'string' },
    'pg-url': {
      type: 'string',
      default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
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
else if (role === 'send') await send()
else if (role === 'ceiling') await ceiling()
else await main()

/** A receiving server that accepts everything and keeps nothing; reports its count on demand. */
async function sink() {
  const { SMTPServer } = await import('smtp-server')
  let count = 0
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, _s, cb) {
      stream.on('data', () => {})
      stream.on('end', () => {
        count++
        cb()
      })
    },
  })
  server.on('error', () => {})
  server.listen(0, '127.0.0.1', () => {
    console.log(`PORT ${server.server.address().port}`)
  })
  process.stdin.setEncoding('utf8')
  process.stdin.on('data', (d) => {
    if (d.includes('count')) console.log(`COUNT ${count}`)
    if (d.includes('reset')) count = 0
  })
}

/** The measured run: seed subscribers, render, snapshot, send, all through the compiled app. */
async function send() {
  const dist = (p) => path.join(ROOT, 'dist', 'src', p)
  const { connect, migrateToLatest } = await import(dist('storage/index.js'))
  const { buildApp } = await import(dist('app.js'))
  const { loadConfig } = await import(dist('config.js'))
  const { createEditionRepository, renderEdition } = await import(dist('newsletter/index.js'))
  const n = Number(v.subscribers)
  const url =
    v.dialect === 'sqlite'
      ? `sqlite:${path.join(DATA, 'newsletter-bench.db')}`
      : (() => {
          const u = new URL(v['pg-url'])
          u.searchParams.set('schema', 'bench_newsletter')
          return u.toString()
        })()
  const storage = await connect(url)
  await migrateToLatest(storage.db, storage.schema)
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    SMTP_URL: `smtp://127.0.0.1:${v.port}`,
    SMTP_MAX_CONNECTIONS: String(CONNECTIONS),
    PUBLIC_URL: 'https://news.example.org',
    MAIL_FROM: 'news@example.org',
    MEDIA_DIR: path.join(DATA, 'newsletter-media'),
  })
  const app = await buildApp({ config, storage, logger: false })
  const now = Date.now()
  const t = {}
  let t0 = performance.now()
  // Subscribers, confirmed, in bulk.
  const section = await app.content.createSection({ slug: 'news', name: 'News' })
  const articles = []
  for (let i = 0; i < 8; i++) {
    const a = await app.content.createArticle({
      sectionId: section,
      headline: `A story of the week, number ${i + 1}, with a headline of ordinary length`,
      standfirst: 'What happened, in one sentence a reader can scan in the inbox.',
      body: '<p>Text.</p>',
      status: 'published',
      credits: [],
      topicIds: [],
      publishedAt: new Date(now - (i + 1) * 3600_000),
    })
    articles.push(a.id)
  }
  const nl = await app.newsletters.createNewsletter({
    slug: 'weekly',
    name: 'The Weekly',
    language: 'en',
  })
  const CHUNK = 2000
  for (let i = 0; i < n; i += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, n - i) }, (_, k) => ({
      email: `reader${i + k}@example.net`,
      created_at: now,
    }))
    const ids = await storage.db.insertInto('subscriber').values(rows).returning('id').execute()
    await storage.db
      .insertInto('subscription')
      .values(
        ids.map((r) => ({
          subscriber_id: r.id,
          newsletter_id: nl,
          status: 'confirmed',
          consent_text: 'I want to receive The Weekly by email.',
          consent_at: now,
          confirmed_at: now,
          unsubscribed_at: null,
          confirm_sent_at: now,
        })),
      )
      .execute()
  }
  await storage.analyze()
  t.seed = performance.now() - t0
  const id = await app.editions.createDraft(nl, { suggested: false, staffId: null })
  await app.editions.update(id, {
    subject: 'The week in Varesia',
    intro: 'Dear reader,\n\nHere is what our reporters found this week, and why it matters to you.',
    items: articles.map((a, i) => ({
      articleId: a,
      blurb: i % 2 ? '' : 'Why we chose this story, in a sentence or two from the editors.',
    })),
  })
  await storage.db
    .updateTable('edition')
    .set({ status: 'approved', send_at: now })
    .where('id', '=', id)
    .execute()

  // Render: what the sender does once per edition.
  t0 = performance.now()
  const rendered = await renderEdition({
    siteName: config.SITE_NAME,
    newsletterName: 'The Weekly',
    subject: 'The week in Varesia',
    intro: 'Dear reader,\n\nHere is what our reporters found this week.',
    items: articles.map((a, i) => ({
      kicker: null,
      headline: `Story ${i}`,
      blurb: 'A blurb.',
      url: `https://news.example.org/news/${a}`,
    })),
    webUrl: `https://news.example.org/newsletters/weekly/issues/${id}`,
    privacyUrl: 'https://news.example.org/privacy',
    language: 'en',
  })
  t.render = performance.now() - t0
  // Snapshot: the recipient list fixed in one transaction.
  const repo = createEditionRepository(storage.db)
  t0 = performance.now()
  const recipients = await repo.snapshot(
    id,
    nl,
    { html: rendered.htmlSource, text: rendered.textSource, marker: rendered.marker },
    [],
    new Date(),
  )
  t.snapshot = performance.now() - t0
  // Send: the sender a worker runs, from the snapshot to the last outcome written.
  t0 = performance.now()
  const outcome = await app.sender.send(id)
  t.send = performance.now() - t0
  const counts = (await app.editions.deliveryCounts([id])).get(id)
  const sample = rendered.htmlSource.length
  // One recipient's message as the ceiling sends it: the same bytes to encode.
  fs.writeFileSync(path.join(DATA, 'sample.html'), rendered.htmlSource)
  fs.writeFileSync(path.join(DATA, 'sample.txt'), rendered.textSource)
  await app.http.close()
  await storage.close()
  console.log(
    `RESULT ${JSON.stringify({ recipients, outcome, counts, t, htmlBytes: sample, textBytes: rendered.textSource.length, maxRssMb: process.resourceUsage().maxRSS / 1024 })}`,
  )
}

/** The ceiling: a bare nodemailer pool, the same messages pre-rendered, the same server. */
async function ceiling() {
  const nodemailer = (await import('nodemailer')).default
  const n = Number(v.subscribers)
  const html = fs.readFileSync(path.join(DATA, 'sample.html'), 'utf8')
  const text = fs.readFileSync(path.join(DATA, 'sample.txt'), 'utf8')
  const t = nodemailer.createTransport({
    host: '127.0.0.1',
    port: Number(v.port),
    pool: true,
    maxConnections: CONNECTIONS,
    secure: false,
    ignoreTLS: true,
  })
  const t0 = performance.now()
  let next = 0
  const lane = async () => {
    while (next < n) {
      const i = next++
      await t.sendMail({
        from: 'The Lantern <news@example.org>',
        to: `reader${i}@example.net`,
        subject: 'The week in Varesia',
        html,
        text,
        messageId: `<e1.s${i}.weekly@example.org>`,
        headers: {
          'List-Unsubscribe': `<https://news.example.org/newsletters/unsubscribe/${i}/1/abc>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      })
    }
  }
  await Promise.all(Array.from({ length: 32 }, lane))
  const ms = performance.now() - t0
  t.close()
  console.log(`RESULT ${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 })}`)
}

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
  let ceilingResult = null
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
    console.log(`${dialect}: seeding ${n} subscribers and sending one edition…`)
    const r = await runRole([
      '--role',
      'send',
      '--dialect',
      dialect,
      '--subscribers',
      String(n),
      '--port',
      String(port),
      '--pg-url',
      v['pg-url'],
    ])
    // The ceiling depends on the message and the server, not the database: measured once.
    if (!ceilingResult) {
      console.log(`the ceiling (bare nodemailer pool, ${CONNECTIONS} connections)…`)
      const c = await runRole([
        '--role',
        'ceiling',
        '--subscribers',
        String(n),
        '--port',
        String(port),
      ])
      ceilingResult = c
    }
    const c = ceilingResult
    const rate = (r.counts.sent / r.t.send) * 1000
    const ceilingRate = (n / c.ms) * 1000
    const pass =
      (rate >= TARGET_RATE || rate >= TARGET_SHARE * ceilingRate) &&
      r.maxRssMb <= TARGET_RSS_MB &&
      r.counts.sent === n
    out.runs.push({ dialect, ...r, rate, ceilingRate, ceilingMs: c.ms, pass })
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
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true })
  fs.writeFileSync(
    RESULTS,
    `${JSON.stringify({ at: new Date().toISOString(), ...out }, null, 2)}\n`,
  )
  console.log(`Results: ${path.relative(ROOT, RESULTS)}`)
  if (out.runs.some((r) => !r.pass)) process.exitCode = 1
}
