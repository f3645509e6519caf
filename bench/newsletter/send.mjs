// The newsletter bench's measured run, in a process of its own (`--role send`): seeds the
// subscribers, renders, snapshots and sends one edition, all through the compiled app, and prints
// one RESULT line with the times per phase and the peak RSS.
import fs from 'node:fs'
import path from 'node:path'
import { DATA, ROOT } from '../lib/setup.mjs'

/** SMTP connections, for the app's pool and the ceiling's alike. */
export const CONNECTIONS = 5

/** The measured run: seed subscribers, render, snapshot, send, all through the compiled app. */
export async function send(v) {
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
