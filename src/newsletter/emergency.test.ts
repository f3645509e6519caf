import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { simpleParser } from 'mailparser'
import { createFailoverTransport, createSmtpTransport } from '../email/index.js'
import { isAppError } from '../lib/errors.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import {
  addConfirmedReaders,
  addSubscription,
  addSuppression,
} from '../../test/support/newsletter.js'
import { closedPort, startSmtpSink, until, type SmtpSink } from '../../test/support/smtp-sink.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

const PUBLIC = 'http://example.org'

for (const dialect of testDialects) {
  describe(
    `${dialect}: the emergency edition, to every newsletter's readers over SMTP`,
    { skip: await skipFor(dialect) },
    () => {
      let app: TestApp
      let sink: SmtpSink
      let weekly = 0
      let daily = 0
      const refusal = async (p: Promise<unknown>) => {
        const err = await p.then(
          () => null,
          (e: unknown) => e,
        )
        assert.ok(isAppError(err), `refused: ${String(err)}`)
        return err.code
      }
      const emergencies = async () =>
        app.storage.db.selectFrom('edition').select('id').where('kind', '=', 'emergency').execute()

      before(async () => {
        sink = await startSmtpSink()
        // A dead primary, then the sink: every copy goes by the fail-over, in turn.
        const mail = createFailoverTransport([
          createSmtpTransport({
            url: `smtp://127.0.0.1:${await closedPort()}`,
            connectTimeoutMs: 500,
          }),
          createSmtpTransport({ url: sink.url, maxConnections: 3 }),
        ])
        app = await buildTestApp(dialect, {
          mail,
          env: { PUBLIC_URL: PUBLIC, MAIL_FROM: 'news@example.org', SITE_NAME: 'The Lantern' },
          jobPollMs: 20,
          sendLeaseMs: 2000,
        })
        await app.reach.save([
          { kind: 'primary', label: '', value: 'https://lantern.example/' },
          { kind: 'mirror', label: 'Backup', value: 'https://mirror.example/' },
          { kind: 'other', label: 'Messenger', value: '@lantern_news' },
        ])
        await app.startWorker()
      })
      after(async () => {
        await app?.close()
        await sink?.close()
      })

      it('is refused, with nothing written, while SOS mode is off or nobody would get it', async () => {
        assert.equal(
          await refusal(app.editions.emergency.send({ message: 'Hello', staffId: null })),
          'EMERGENCY_SOS_OFF',
        )
        await app.reach.sos.set(true)
        assert.equal(
          await refusal(app.editions.emergency.send({ message: 'Hello', staffId: null })),
          'EMERGENCY_NO_READERS',
        )
        assert.equal(
          await refusal(app.editions.emergency.send({ message: '  \n ', staffId: null })),
          'EMERGENCY_MESSAGE_INVALID',
        )
        assert.deepEqual(await emergencies(), [])
      })

      it('reaches each confirmed, unsuppressed address once, on one newsletter or two', async () => {
        const now = new Date()
        weekly = await app.newsletters.createNewsletter({
          slug: 'weekly',
          name: 'The Weekly',
          language: 'en',
        })
        daily = await app.newsletters.createNewsletter({
          slug: 'daily',
          name: 'The Daily',
          language: 'en',
        })
        await addConfirmedReaders(app.storage, weekly, ['both@example.net', 'weekly@example.net'])
        await addConfirmedReaders(app.storage, daily, ['both@example.net', 'daily@example.net'])
        await addSubscription(app.storage, weekly, 'pending@example.net', 'pending', now)
        await addSubscription(app.storage, daily, 'left@example.net', 'unsubscribed', now)
        await addConfirmedReaders(app.storage, daily, ['bounced@example.net'])
        await addSuppression(app.storage, 'bounced@example.net', now)
        assert.equal(await app.editions.emergency.readers(), 3)

        const { id, readers } = await app.editions.emergency.send({
          message: 'Our site is blocked.\n\nRead us at the addresses below & tell a friend.',
          staffId: null,
        })
        assert.equal(readers, 3)
        await until(
          async () =>
            (
              await app.storage.db
                .selectFrom('edition')
                .select('status')
                .where('id', '=', id)
                .executeTakeFirst()
            )?.status === 'sent',
          'the emergency edition to be sent',
        )
        const per = new Map<string, number>()
        for (const m of sink.received) for (const t of m.to) per.set(t, (per.get(t) ?? 0) + 1)
        assert.deepEqual(Object.fromEntries([...per].sort()), {
          'both@example.net': 1,
          'daily@example.net': 1,
          'weekly@example.net': 1,
        })
        const counts = (await app.editions.deliveryCounts([id])).get(id)!
        assert.deepEqual(
          { sent: counts.sent, suppressed: counts.suppressed },
          { sent: 3, suppressed: 1 },
        )
        // No newsletter lists it among its editions or in its public archive.
        assert.deepEqual(await app.editions.listEditions(weekly), [])
        assert.deepEqual((await app.editions.listSent(weekly, 10, 0)).items, [])
      })

      it('is text first, with the message, the addresses, the offline edition and correct unsubscribe headers', async () => {
        const copy = sink.copiesTo('daily@example.net')[0]!
        const mail = await simpleParser(copy.raw)
        const header = (name: string) =>
          (mail.headerLines.find((h) => h.key === name)?.line ?? '').replace(/\r?\n[ \t]+/g, ' ')
        assert.equal(mail.subject, 'The Lantern: an urgent message')
        const html = String(mail.html)
        const text = mail.text ?? ''
        for (const part of [html, text]) {
          assert.ok(!/\{\{[0-9a-f]{12}:/.test(part), 'no placeholder left unfilled')
          assert.match(part, /daily@example\.net/)
          assert.match(part, /Our site is blocked\./)
          assert.match(part, /https:\/\/mirror\.example\//)
          assert.match(part, /@lantern_news/)
          assert.match(part, /http:\/\/example\.org\/reach\/edition\.html/)
        }
        assert.match(html, /Read us at the addresses below &amp; tell a friend\./)
        assert.doesNotMatch(html, /<img/i)
        // The offline edition itself rides along (app.ts wires the site's builder to the sender).
        assert.equal(mail.attachments.length, 1)
        const file = mail.attachments[0]!
        assert.match(file.filename ?? '', /^the-lantern-\d{4}-\d{2}-\d{2}\.html$/)
        assert.equal(file.contentType, 'text/html')
        assert.match(file.content.toString('utf8'), /https:\/\/mirror\.example\//)
        assert.doesNotMatch(file.content.toString('utf8'), /<script/i)
        assert.match(
          header('list-id'),
          /^List-ID: The Lantern \(emergency\) <emergency\.example\.org>$/,
        )
        assert.equal(
          header('list-unsubscribe-post'),
          'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
        )
        // Each reader's link names a newsletter they are on, signed for them: daily's is daily.
        const unsub = new RegExp(
          `<${PUBLIC}(/newsletters/unsubscribe/(\\d+)/(\\d+)/[\\w-]+)>`,
        ).exec(header('list-unsubscribe'))!
        assert.equal(Number(unsub[3]), daily)
        assert.match(
          copy.messageId,
          new RegExp(`^<e\\d+\\.s${unsub[2]}\\.emergency@example\\.org>$`),
        )
        const both = await simpleParser(sink.copiesTo('both@example.net')[0]!.raw)
        const bothLine = both.headerLines.find((h) => h.key === 'list-unsubscribe')!.line
        assert.match(
          bothLine.replace(/\r?\n[ \t]+/g, ' '),
          new RegExp(`/unsubscribe/\\d+/${weekly}/`),
        )
        // The one-click POST, as a mail provider sends it: the reader leaves that newsletter.
        const u = await app.http.inject({
          method: 'POST',
          url: unsub[1]!,
          headers: { host: 'example.org', 'content-type': 'application/x-www-form-urlencoded' },
          payload: 'List-Unsubscribe=One-Click',
        })
        assert.ok(u.statusCode >= 200 && u.statusCode < 300, `one-click answered ${u.statusCode}`)
        assert.equal(await app.editions.emergency.readers(), 2)
      })
    },
  )
}
