import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { skipFor, testDialects } from '../support/dialects.js'
import { addConfirmedReaders } from '../support/newsletter.js'
import { until } from '../support/smtp-sink.js'
import { openWorkerFixture, type WorkerFixture } from '../support/worker-fixture.js'
import {
  exited,
  finishWithWorker,
  messageIdsByAddress,
  startWorkerProcess,
} from '../support/worker-process.js'

/** Distinct addresses; 200 of them are on both newsletters. */
const READERS = 1000

for (const dialect of testDialects) {
  describe(
    `${dialect}: an emergency edition killed midway and restarted reaches every address once`,
    { skip: await skipFor(dialect) },
    () => {
      let f: WorkerFixture
      before(async () => {
        f = await openWorkerFixture(dialect, { delayMs: 3 })
      })
      after(() => f?.close())

      it(`kills the worker after a third of ${READERS} messages, restarts it, and nobody gets two`, async () => {
        const { app, storage, url, sink, children } = f
        const emails = Array.from({ length: READERS }, (_, i) => `r${i}@example.net`)
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
        await addConfirmedReaders(storage, weekly, emails.slice(0, 700))
        await addConfirmedReaders(storage, daily, emails.slice(500))
        await app.reach.sos.set(true)
        const { id, readers } = await app.editions.emergency.send({
          message: 'We are blocked. Here is where to find us.',
          staffId: null,
        })
        assert.equal(readers, READERS)
        const status = async () =>
          (
            await storage.db
              .selectFrom('edition')
              .select('status')
              .where('id', '=', id)
              .executeTakeFirst()
          )?.status

        const firstWorker = startWorkerProcess(url, sink)
        const first = firstWorker.child
        children.push(first)
        await until(
          () => /"msg":"worker started"/.test(firstWorker.output()) || first.exitCode !== null,
          'the first worker to start',
          180_000,
        )
        await until(
          () => sink.received.length >= READERS / 3,
          'a third of the messages',
          120_000,
        ).catch((e: Error) => {
          throw new Error(`${e.message}\n${firstWorker.output()}`)
        })
        first.kill('SIGKILL')
        await exited(first)
        const atKill = sink.received.length
        assert.equal(await status(), 'sending', 'the send was cut off midway')
        assert.ok(atKill < READERS, `killed with ${atKill} of ${READERS} received`)

        const secondWorker = startWorkerProcess(url, sink)
        const second = secondWorker.child
        children.push(second)
        await finishWithWorker(secondWorker, async () => (await status()) === 'sent')

        const copies = messageIdsByAddress(sink)
        assert.deepEqual(
          emails.filter((e) => !copies.has(e)),
          [],
          'nobody is left out',
        )
        assert.deepEqual(
          [...copies.keys()].filter((e) => !emails.includes(e)),
          [],
        )
        // A copy in flight at the kill goes again with the same Message-ID: one message to the
        // reader's mail client. The 200 on both newsletters are no exception.
        assert.ok(
          emails.every((e) => new Set(copies.get(e)).size === 1),
          'each address got one message (one Message-ID)',
        )
        const resent = sink.received.length - READERS
        console.log(
          `# ${dialect}: emergency edition killed at ${atKill}/${READERS}; ${resent} in-doubt copies sent again with the same Message-ID`,
        )
        assert.ok(resent >= 0 && resent <= 96, `${resent} copies sent twice`)
        const counts = (await app.editions.deliveryCounts([id])).get(id)!
        assert.equal(counts.sent, READERS)
      })
    },
  )
}
