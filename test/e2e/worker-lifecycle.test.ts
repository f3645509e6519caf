// `masthead worker` as operators run it: with nothing to do it stays up (on SQLite it used to
// exit by itself after its first ticks), still does work that arrives later, and on SIGTERM it
// drains and exits 0 without an error line.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { skipFor, testDialects } from '../support/dialects.js'
import { until } from '../support/smtp-sink.js'
import { openWorkerFixture, type WorkerFixture } from '../support/worker-fixture.js'
import { errorLines, exited, startWorkerProcess } from '../support/worker-process.js'

/** Ticks come every SEND_LEASE_SECONDS (2 s here): eight of them outlast the old early exit. */
const IDLE_TICKS = 8

for (const dialect of testDialects) {
  describe(
    `${dialect}: the worker process lives until told to stop`,
    { skip: await skipFor(dialect) },
    () => {
      let f: WorkerFixture
      before(async () => {
        f = await openWorkerFixture(dialect)
      })
      after(() => f?.close())

      it('idles through many ticks, then sends an edition approved later, then stops cleanly', async () => {
        const worker = startWorkerProcess(f.url, f.sink, { LOG_LEVEL: 'debug' })
        const child = worker.child
        f.children.push(child)
        const ticks = () => worker.output().split('worker tick done').length - 1
        await until(
          () => ticks() >= IDLE_TICKS || child.exitCode !== null,
          `${IDLE_TICKS} idle ticks`,
          120_000,
        )
        assert.equal(child.exitCode, null, `the worker exited by itself:\n${worker.output()}`)

        const id = await f.approvedEdition({
          emails: ['reader@example.net'],
          subject: 'Approved while the worker idled',
          intro: 'It was still there.',
        })
        await until(
          async () => (await f.app.editions.findEdition(id))?.status === 'sent',
          'the idle worker to send the edition',
          60_000,
        ).catch((e: Error) => {
          throw new Error(`${e.message}\n${worker.output()}`)
        })

        child.kill('SIGTERM')
        await exited(child)
        assert.equal(child.exitCode, 0, worker.output())
        assert.deepEqual(errorLines(worker.output()), [])
        assert.match(worker.output(), /"msg":"worker stopped"/)
      })
    },
  )
}
