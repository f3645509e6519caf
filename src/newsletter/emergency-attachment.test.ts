import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { simpleParser } from 'mailparser'
import { createSmtpTransport } from '../email/index.js'
import { systemClock } from '../lib/clock.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { addConfirmedReaders } from '../../test/support/newsletter.js'
import { startSmtpSink, type SmtpSink } from '../../test/support/smtp-sink.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'
import { createEditionArticles } from './editors-picks.js'
import { createEditionRepository } from './edition-repository.js'
import { createEditionSender } from './edition-sender.js'
import { createNewsletterRepository } from './newsletter-repository.js'

/** A stand-in for the offline edition's builder (issue 12 item 3), built by another module. */
const builds: string[] = []
const offlineEdition = async () => {
  builds.push('built')
  return {
    filename: 'the-lantern-offline.html',
    html: '<!doctype html><title>Offline</title><p>Today’s stories, for reading offline.</p>',
  }
}

for (const dialect of testDialects) {
  describe(
    `${dialect}: the emergency edition carries the offline edition when one is built`,
    { skip: await skipFor(dialect) },
    () => {
      let app: TestApp
      let sink: SmtpSink
      before(async () => {
        sink = await startSmtpSink()
        app = await buildTestApp(dialect, {
          env: { PUBLIC_URL: 'http://example.org', MAIL_FROM: 'news@example.org' },
        })
      })
      after(async () => {
        await app?.close()
        await sink?.close()
      })

      it('attaches the file to every copy, keeping each reader’s unsubscribe headers', async () => {
        const weekly = await app.newsletters.createNewsletter({
          slug: 'weekly',
          name: 'Weekly',
          language: 'en',
        })
        const daily = await app.newsletters.createNewsletter({
          slug: 'daily',
          name: 'Daily',
          language: 'en',
        })
        await addConfirmedReaders(app.storage, weekly, ['one@example.net', 'two@example.net'])
        await addConfirmedReaders(app.storage, daily, ['two@example.net'])
        await app.reach.sos.set(true)
        // Queued as a job, which no worker here takes: the sender below is the worker.
        const { id } = await app.editions.emergency.send({
          message: 'Blocked again.',
          staffId: null,
        })
        const mail = createSmtpTransport({ url: sink.url })
        const sender = createEditionSender({
          editions: createEditionRepository(app.storage.db),
          newsletters: createNewsletterRepository(app.storage.db),
          articles: createEditionArticles({ repo: app.repo, clock: systemClock, pickTopic: 'x' }),
          mail,
          clock: systemClock,
          signer: app.staff,
          origin: 'http://example.org',
          siteName: 'The Lantern',
          mailFrom: 'news@example.org',
          log: { info: () => {}, warn: () => {} },
          attachment: offlineEdition,
        })
        const before = builds.length
        assert.equal(await sender.send(id), 'finished')
        await mail.close()
        assert.equal(builds.length - before, 1, 'built once for the whole send')
        assert.deepEqual(
          sink.received
            .map((m) => m.to)
            .flat()
            .sort(),
          ['one@example.net', 'two@example.net'],
        )
        for (const m of sink.received) {
          const parsed = await simpleParser(m.raw)
          assert.equal(parsed.attachments.length, 1)
          const file = parsed.attachments[0]!
          assert.equal(file.filename, 'the-lantern-offline.html')
          assert.equal(file.contentType, 'text/html')
          assert.match(file.content.toString('utf8'), /for reading offline/)
          assert.match(parsed.text ?? '', /Blocked again\./)
          const unsub = parsed.headerLines.find((h) => h.key === 'list-unsubscribe')!.line
          assert.match(
            unsub.replace(/\r?\n[ \t]+/g, ' '),
            /<http:\/\/example\.org\/newsletters\/unsubscribe\/\d+\/\d+\/[\w-]+>/,
          )
          assert.ok(parsed.headerLines.some((h) => h.key === 'list-unsubscribe-post'))
          assert.match(m.messageId, new RegExp(`^<e${id}\\.s\\d+\\.emergency@example\\.org>$`))
        }
      })
    },
  )
}
