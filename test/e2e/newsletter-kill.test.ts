import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { skipFor, testDialects } from '../support/dialects.js'
import { until } from '../support/smtp-sink.js'
import { openWorkerFixture, type WorkerFixture } from '../support/worker-fixture.js'
import {
  exited,
  finishWithWorker,
  messageIdsByAddress,
  startWorkerProcess,
} from '../support/worker-process.js'

const RECIPIENTS = 1000

for (const dialect of testDialects) {
  describe(
    `${dialect}: a send killed midway and restarted reaches everyone exactly once`,
    { skip: await skipFor(dialect) },
    () => {
      let f: WorkerFixture
      before(async () => {
        // Slow enough (a few ms a message, two connections) that the kill lands mid-send.
        f = await openWorkerFixture(dialect, { delayMs: 3 })
      })
      after(() => f?.close())

      it(`kills the worker after a third of ${RECIPIENTS} messages, restarts it, and every recipient has one message`, async () => {
        const { app, storage, url, sink, children } = f
        const emails = Array.from({ length: RECIPIENTS }, (_, i) => `r${i}@example.net`)
        const id = await f.approvedEdition({
          emails,
          subject: 'Killed and resumed',
          intro: 'One message each, whatever happens to the sender.',
        })

        const firstWorker = startWorkerProcess(url, sink)
        const first = firstWorker.child
        children.push(first)
        const state = async () =>
          JSON.stringify({
            received: sink.received.length,
            jobs: await storage.db
              .selectFrom('job')
              .selectAll()
              .execute()
              .catch(() => 'pg-boss'),
            edition: await storage.db
              .selectFrom('edition')
              .select(['status', 'lease_owner', 'lease_until', 'recipients'])
              .execute(),
            now: Date.now(),
          })
        // Starting a tsx process can take most of a minute on a loaded machine (the fleet test's
        // four processes may run beside this one): the send's time counts from the start.
        await until(
          () => /"msg":"worker started"/.test(firstWorker.output()) || first.exitCode !== null,
          'the first worker to start',
          180_000,
        )
        await until(
          () => sink.received.length >= RECIPIENTS / 3,
          'a third of the messages',
          120_000,
        ).catch(async (e: Error) => {
          throw new Error(`${e.message}: ${await state()}\n${firstWorker.output()}`)
        })
        first.kill('SIGKILL')
        await exited(first)
        const atKill = sink.received.length
        const mid = await app.editions.findEdition(id)
        assert.equal(mid?.status, 'sending', 'the send was cut off midway')
        assert.ok(atKill < RECIPIENTS, `killed with ${atKill} of ${RECIPIENTS} received`)

        const secondWorker = startWorkerProcess(url, sink)
        const second = secondWorker.child
        children.push(second)
        await finishWithWorker(
          secondWorker,
          async () => (await app.editions.findEdition(id))?.status === 'sent',
        )

        const copies = messageIdsByAddress(sink)
        const missing = emails.filter((e) => !copies.has(e))
        assert.deepEqual(missing, [], 'nobody is left out')
        // A message the server took in the instant before the kill, with its outcome not yet
        // written, is sent again by the next worker with the same Message-ID: one message to
        // the reader's mail client, which shows one copy per Message-ID.
        const distinctIds = emails.map((e) => new Set(copies.get(e)).size)
        assert.ok(
          distinctIds.every((n) => n === 1),
          'each recipient got one message (one Message-ID)',
        )
        const resent = sink.received.length - RECIPIENTS
        console.log(
          `# ${dialect}: killed at ${atKill}/${RECIPIENTS} received; ${resent} in-doubt message(s) sent again with the same Message-ID`,
        )
        // Only messages in flight at the kill can be in doubt: the sender's concurrency (32) plus
        // the group of outcomes gathering and the one being written (32 each at most).
        assert.ok(resent >= 0 && resent <= 96, `${resent} copies sent twice`)
        const counts = (await app.editions.deliveryCounts([id])).get(id)!
        assert.equal(counts.sent, RECIPIENTS)
      })
    },
  )
}
