// A send told to stop (the worker is shutting down) returns within moments, leaves nothing in
// doubt, and the next send finishes the rest with one message per reader.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createSmtpTransport } from '../email/index.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { draftEditionOfOneStory } from '../../test/support/newsletter.js'
import { startSmtpSink, until, type SmtpSink } from '../../test/support/smtp-sink.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

const RECIPIENTS = 400

for (const dialect of testDialects) {
  describe(`${dialect}: a send stopped midway`, { skip: await skipFor(dialect) }, () => {
    let app: TestApp
    let sink: SmtpSink
    before(async () => {
      // A few ms per message over two connections: the stop lands mid-send.
      sink = await startSmtpSink({ delayMs: 3 })
      app = await buildTestApp(dialect, {
        mail: createSmtpTransport({ url: sink.url, maxConnections: 2 }),
        env: { PUBLIC_URL: 'https://news.example.org', MAIL_FROM: 'news@example.org' },
      })
    })
    after(async () => {
      await app.close()
      await sink.close()
    })

    it(`returns promptly, then a second send reaches the other readers of ${RECIPIENTS}, each once`, async () => {
      const emails = Array.from({ length: RECIPIENTS }, (_, i) => `r${i}+news@example.net`)
      const { editionId: id } = await draftEditionOfOneStory(app, app.storage, {
        emails,
        subject: 'Stopped and resumed',
        intro: 'One message each.',
      })
      // Approved with no worker running: the job waits; this test plays the worker.
      await app.editions.approve(id, null)

      const stop = new AbortController()
      const first = app.sender.send(id, stop.signal)
      await until(() => sink.received.length >= RECIPIENTS / 4, 'a quarter of the messages', 60_000)
      const t0 = Date.now()
      stop.abort()
      assert.equal(await first, 'stopped')
      const took = Date.now() - t0
      // Only the messages already handed to SMTP finish (32 at most, a few ms each).
      assert.ok(took < 5_000, `stopped in ${took} ms`)
      const atStop = sink.received.length
      assert.ok(atStop < RECIPIENTS, `stopped with ${atStop} of ${RECIPIENTS} sent`)

      const mid = (await app.editions.deliveryCounts([id])).get(id)!
      assert.equal(mid.sending, 0, 'nothing left in doubt')
      assert.equal(mid.sent, atStop, 'every message that went out is recorded as sent')
      assert.equal(mid.queued, RECIPIENTS - atStop, 'the rest is back in the queue')
      const row = await app.storage.db
        .selectFrom('edition')
        .select(['status', 'lease_owner'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      assert.deepEqual(row, { status: 'sending', lease_owner: null }, 'the lease was let go')
      // The next worker's schedule tick finds it and queues it again.
      assert.ok((await app.editions.tick()).queued.includes(id))

      assert.equal(await app.sender.send(id), 'finished')
      const copies = new Map<string, number>()
      for (const m of sink.received) for (const t of m.to) copies.set(t, (copies.get(t) ?? 0) + 1)
      assert.deepEqual(
        emails.filter((e) => copies.get(e) !== 1),
        [],
        'every reader got exactly one message',
      )
      assert.equal(sink.received.length, RECIPIENTS, 'and nobody a second')
      const done = (await app.editions.deliveryCounts([id])).get(id)!
      assert.equal(done.sent, RECIPIENTS)
      assert.equal((await app.editions.findEdition(id))?.status, 'sent')
    })
  })
}
