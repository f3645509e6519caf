import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { simpleParser } from 'mailparser'
import { createFailoverTransport, createSmtpTransport } from '../email/index.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { articleInput, seedBasics } from '../../test/support/factories.js'
import { closedPort, startSmtpSink, until, type SmtpSink } from '../../test/support/smtp-sink.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

const PUBLIC = 'http://example.org'

for (const dialect of testDialects) {
  describe(
    `${dialect}: editions, from sign-up to a sent issue over SMTP`,
    { skip: await skipFor(dialect) },
    () => {
      let app: TestApp
      let sink: SmtpSink
      let newsletterId = 0
      const articleIds: number[] = []
      let refused = new Set<string>()
      let down = false
      let deadPort = 0

      /** Confirmed subscribers straight through the repository (sign-up itself is tested below). */
      async function subscribe(
        emails: string[],
        status: 'confirmed' | 'pending' | 'unsubscribed' = 'confirmed',
      ) {
        const repo = (await import('./newsletter-repository.js')).createNewsletterRepository(
          app.storage.db,
        )
        for (const e of emails) {
          const sub = await repo.subscriberId(e, new Date())
          await repo.saveSubscription({
            subscriberId: sub,
            newsletterId,
            status: status === 'unsubscribed' ? 'pending' : status,
            consentText: 'test',
            now: new Date(),
          })
          if (status === 'unsubscribed') await repo.unsubscribe(sub, newsletterId, new Date())
        }
      }

      async function sentEdition(items = articleIds.slice(0, 2)) {
        const id = await app.editions.createDraft(newsletterId, { suggested: false, staffId: null })
        await app.editions.update(id, {
          subject: 'The week in Varesia',
          intro: 'Dear reader,\n\nThis week we followed the river.',
          items: items.map((articleId, i) => ({
            articleId,
            blurb: i === 0 ? 'Our pick of the week & why <it> matters.' : '',
          })),
        })
        await app.editions.approve(id, null)
        await until(
          async () => (await app.editions.findEdition(id))?.status === 'sent',
          `edition ${id} to be sent`,
        )
        return id
      }

      before(async () => {
        sink = await startSmtpSink({ refuse: (a) => refused.has(a), down: () => down })
        deadPort = await closedPort()
        // A dead primary, then the sink: every message goes by fail-over.
        const mail = createFailoverTransport([
          createSmtpTransport({ url: `smtp://127.0.0.1:${deadPort}`, connectTimeoutMs: 500 }),
          createSmtpTransport({ url: sink.url, maxConnections: 3 }),
        ])
        app = await buildTestApp(dialect, {
          mail,
          env: { PUBLIC_URL: PUBLIC, MAIL_FROM: 'news@example.org' },
          jobPollMs: 20,
          sendLeaseMs: 2000,
        })
        const b = await seedBasics(app)
        for (let i = 0; i < 4; i++)
          articleIds.push((await app.content.createArticle(articleInput(b))).id)
        newsletterId = await app.newsletters.createNewsletter({
          slug: 'weekly',
          name: 'The Weekly',
          language: 'en',
        })
        await app.startWorker()
      })
      after(async () => {
        await app.close()
        await sink.close()
      })

      it('a reader signs up, confirms, and receives the next issue once, with both parts and the unsubscribe headers', async () => {
        const r = await app.http.inject({
          method: 'POST',
          url: '/newsletters/subscribe',
          headers: { host: 'example.org', 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({
            email: 'reader@example.net',
            newsletter: String(newsletterId),
          }).toString(),
        })
        assert.ok(r.statusCode < 400, `sign-up answered ${r.statusCode}`)
        await until(
          () => sink.copiesTo('reader@example.net').length === 1,
          'the confirmation email',
        )
        const confirmation = sink.copiesTo('reader@example.net')[0]!.raw.replace(/=\r?\n/g, '')
        const link = /http:\/\/example\.org(\/newsletters\/confirm\/[^\s"<]+)/.exec(
          confirmation,
        )![1]!
        const c = await app.http.inject({
          method: 'GET',
          url: link,
          headers: { host: 'example.org' },
        })
        assert.ok(c.statusCode < 400)
        await subscribe(['waiting@example.net'], 'pending')
        await subscribe(['gone@example.net'], 'unsubscribed')
        const before = sink.received.length
        const id = await sentEdition()
        const got = sink.received.slice(before)
        assert.deepEqual(
          got.map((m) => m.to).flat(),
          ['reader@example.net'],
          'only the confirmed reader',
        )
        const raw = got[0]!.raw
        const mail = await simpleParser(raw)
        const header = (name: string) => {
          const line = mail.headerLines.find((h) => h.key === name)?.line ?? ''
          return line.replace(/\r?\n[ \t]+/g, ' ')
        }
        assert.equal(mail.subject, 'The week in Varesia')
        // Composed once for the edition and filled in for this reader: still one of each field.
        for (const key of ['message-id', 'date', 'to', 'from', 'list-unsubscribe', 'mime-version'])
          assert.equal(mail.headerLines.filter((h) => h.key === key).length, 1, key)
        const listUnsubscribe = header('list-unsubscribe')
        assert.match(
          listUnsubscribe,
          /^List-Unsubscribe: <http:\/\/example\.org\/newsletters\/unsubscribe\/\d+\/\d+\/[\w-]+>, <mailto:news@example\.org\?subject=/,
        )
        assert.equal(
          header('list-unsubscribe-post'),
          'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
        )
        assert.match(header('list-id'), /^List-ID: The Weekly <weekly\.example\.org>$/)
        const subscriberId = /unsubscribe\/(\d+)\//.exec(listUnsubscribe)![1]
        assert.equal(got[0]!.messageId, `<e${id}.s${subscriberId}.weekly@example.org>`)
        const html = String(mail.html)
        const text = mail.text ?? ''
        for (const part of [html, text]) {
          assert.ok(!/\{\{[0-9a-f]{12}:/.test(part), 'no placeholder left unfilled')
          assert.match(part, /reader@example\.net/)
          assert.match(part, /http:\/\/example\.org\/world\/\d{4}\/\d{2}\/story-number-/)
        }
        assert.match(
          html,
          /Our pick of the week &amp; why &lt;it&gt; matters\./,
          'the blurb, escaped',
        )
        assert.match(text, /Our pick of the week & why <it> matters\./, 'the blurb, as typed')
        assert.doesNotMatch(html, /<img/i, 'no images, so no pixel')
        const counts = (await app.editions.deliveryCounts([id])).get(id)!
        assert.deepEqual(counts, {
          queued: 0,
          sending: 0,
          sent: 1,
          failed: 0,
          skipped: 0,
          suppressed: 0,
        })
        // The one-click POST from the email, no cookie: 2xx, no redirect, and it takes effect.
        const unsub = /<http:\/\/example\.org(\/newsletters\/unsubscribe\/[^>]+)>/.exec(
          listUnsubscribe,
        )![1]!
        const u = await app.http.inject({
          method: 'POST',
          url: unsub,
          headers: { host: 'example.org', 'content-type': 'application/x-www-form-urlencoded' },
          payload: 'List-Unsubscribe=One-Click',
        })
        assert.ok(u.statusCode >= 200 && u.statusCode < 300, `one-click answered ${u.statusCode}`)
        assert.equal(u.headers.location, undefined)
      })

      it('sends to 300 subscribers exactly once each, refusals recorded as failed', async () => {
        const emails = Array.from({ length: 300 }, (_, i) => `s${i}@example.com`)
        await subscribe(emails)
        refused = new Set(['s7@example.com'])
        const before = sink.received.length
        const id = await sentEdition()
        const got = sink.received.slice(before)
        const per = new Map<string, number>()
        for (const m of got) for (const t of m.to) per.set(t, (per.get(t) ?? 0) + 1)
        for (const e of emails.filter((e) => e !== 's7@example.com')) assert.equal(per.get(e), 1, e)
        assert.equal(per.get('s7@example.com'), undefined)
        const counts = (await app.editions.deliveryCounts([id])).get(id)!
        assert.equal(counts.sent, 299)
        assert.equal(counts.failed, 1)
        assert.equal((await app.editions.findEdition(id))!.recipients, 300)
        refused = new Set()
      })

      it('pauses when no server takes mail, and finishes later without sending anyone twice', async () => {
        down = true
        const id = await app.editions.createDraft(newsletterId, { suggested: false, staffId: null })
        await app.editions.update(id, {
          subject: 'Down and up',
          intro: 'A test of patience.',
          items: [],
        })
        const before = sink.received.length
        await app.editions.approve(id, null)
        await until(
          async () =>
            (
              await app.storage.db
                .selectFrom('job')
                .select('last_error')
                .where('last_error', 'is not', null)
                .execute()
            ).length > 0 || dialect === 'postgres',
          'the first failure',
        )
        await until(
          async () => (await app.editions.findEdition(id))?.status === 'sending',
          'the snapshot',
        )
        await new Promise((r) => setTimeout(r, 300))
        assert.equal(sink.received.length, before, 'nothing went out while the server refused')
        down = false
        // The schedule tick resumes sends that stopped; run it now rather than in a minute.
        await until(async () => {
          await app.editions.tick()
          return (await app.editions.findEdition(id))?.status === 'sent'
        }, 'the resumed send')
        const got = sink.received.slice(before)
        const per = new Map<string, number>()
        for (const m of got) for (const t of m.to) per.set(t, (per.get(t) ?? 0) + 1)
        assert.equal(per.size, 300, 'everyone confirmed (the first reader left)')
        assert.ok(
          [...per.values()].every((n) => n === 1),
          'one message each',
        )
      })

      it('refuses a subject with a line break and an unknown article, changing nothing', async () => {
        const id = await app.editions.createDraft(newsletterId, { suggested: true, staffId: null })
        const was = await app.editions.findEdition(id)
        await assert.rejects(
          app.editions.update(id, {
            subject: 'Hi\r\nBcc: victim@example.com',
            intro: '',
            items: [],
          }),
          (e: { code?: string; details?: string[] }) =>
            e.code === 'VALIDATION_FAILED' && !!e.details?.some((d) => d.startsWith('subject')),
        )
        await assert.rejects(
          app.editions.update(id, {
            subject: 'Fine',
            intro: '',
            items: [{ articleId: 999_999, blurb: '' }],
          }),
          (e: { code?: string }) => e.code === 'VALIDATION_FAILED',
        )
        assert.deepEqual(await app.editions.findEdition(id), was)
        assert.ok(was!.items.length > 0, 'the suggestion picked this week’s articles')
      })
    },
  )
}
