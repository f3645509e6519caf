// SIGTERM to `masthead worker` in the middle of a send: the worker stops taking recipients,
// writes what it sent, exits 0 within moments (not at the 60 s forced exit), and the next
// worker sends the rest: one message per reader, none sent twice.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { skipFor, testDialects } from '../support/dialects.js'
import { until } from '../support/smtp-sink.js'
import { openWorkerFixture, type WorkerFixture } from '../support/worker-fixture.js'
import { errorLines, exited, startWorkerProcess } from '../support/worker-process.js'

const RECIPIENTS = 1000

for (const dialect of testDialects) {
  describe(
    `${dialect}: a worker stopped with SIGTERM mid-send, and the next one`,
    { skip: await skipFor(dialect) },
    () => {
      let f: WorkerFixture
      before(async () => {
        f = await openWorkerFixture(dialect, { delayMs: 3 })
      })
      after(() => f?.close())

      it(`stops within seconds after a third of ${RECIPIENTS}; a second worker sends the rest, each once`, async () => {
        const { app, url, sink, children } = f
        const emails = Array.from({ length: RECIPIENTS }, (_, i) => `r${i}@example.net`)
        const id = await f.approvedEdition({
          emails,
          subject: 'Stopped and resumed',
          intro: 'One message each, whatever happens to the sender.',
        })

        const firstWorker = startWorkerProcess(url, sink)
        const first = firstWorker.child
        children.push(first)
        await until(
          () => sink.received.length >= RECIPIENTS / 3,
          'a third of the messages',
          60_000,
        ).catch((e: Error) => {
          throw new Error(`${e.message}\n${firstWorker.output()}`)
        })
        const t0 = Date.now()
        first.kill('SIGTERM')
        await exited(first)
        const took = Date.now() - t0
        const atStop = sink.received.length
        assert.equal(first.exitCode, 0, firstWorker.output())
        assert.deepEqual(errorLines(firstWorker.output()), [])
        assert.match(firstWorker.output(), /edition send stopped/)
        // Well before the 60 s forced exit (a busy machine needs a few seconds to close).
        assert.ok(took < 20_000, `the worker took ${took} ms to stop`)
        assert.ok(atStop < RECIPIENTS, `stopped with ${atStop} of ${RECIPIENTS} received`)
        const mid = (await app.editions.deliveryCounts([id])).get(id)!
        assert.equal(mid.sending, 0, 'nothing left in doubt')
        assert.equal(mid.sent, atStop)

        const secondWorker = startWorkerProcess(url, sink)
        const second = secondWorker.child
        children.push(second)
        await until(
          async () => (await app.editions.findEdition(id))?.status === 'sent',
          'the next worker to finish',
          90_000,
        ).catch((e: Error) => {
          throw new Error(`${e.message}\n${secondWorker.output()}`)
        })
        second.kill('SIGTERM')
        await exited(second)
        assert.equal(second.exitCode, 0, secondWorker.output())

        const copies = new Map<string, number>()
        for (const m of sink.received) for (const t of m.to) copies.set(t, (copies.get(t) ?? 0) + 1)
        assert.deepEqual(
          emails.filter((e) => copies.get(e) !== 1),
          [],
          'every reader got exactly one message',
        )
        assert.equal(sink.received.length, RECIPIENTS)
        console.log(
          `# ${dialect}: stopped at ${atStop}/${RECIPIENTS} in ${took} ms; the next worker sent the other ${RECIPIENTS - atStop}`,
        )
      })
    },
  )
}
