import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openTestStorage, skipFor, testDialects } from '../../test/support/dialects.js'
import { fixedClock } from '../lib/clock.js'
import type { Storage } from '../storage/index.js'
import {
  HEARTBEAT_EVERY_MS,
  HEARTBEAT_KEEP_MS,
  heartbeatWork,
  workerHealth,
  workerHealthCheck,
  workerIdHere,
} from './heartbeat.js'
import { createHeartbeatRepository } from './heartbeat-repository.js'

describe('the worker health rule', () => {
  const now = new Date('2026-12-06T10:00:00Z')
  const ago = (s: number) => new Date(now.getTime() - s * 1000)

  it('is missing without any beat, ok within the limit, stale past it', () => {
    assert.deepEqual(workerHealth(null, now, 60_000), {
      lastBeatAgeSeconds: null,
      state: 'missing',
    })
    assert.deepEqual(workerHealth(ago(12), now, 60_000), { lastBeatAgeSeconds: 12, state: 'ok' })
    assert.deepEqual(workerHealth(ago(60), now, 60_000), { lastBeatAgeSeconds: 60, state: 'ok' })
    assert.deepEqual(workerHealth(ago(61), now, 60_000), { lastBeatAgeSeconds: 61, state: 'stale' })
  })

  it('counts a beat from a clock a little ahead as now', () => {
    assert.deepEqual(workerHealth(ago(-3), now, 60_000), { lastBeatAgeSeconds: 0, state: 'ok' })
  })

  it('names a worker by host and process, and two in one process apart', () => {
    const a = workerIdHere()
    assert.match(a, new RegExp(`:${process.pid}:[0-9a-f]{6}$`))
    assert.notEqual(a, workerIdHere())
  })
})

for (const dialect of testDialects) {
  describe(`${dialect}: a worker's heartbeat`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    before(async () => {
      storage = await openTestStorage(dialect)
    })
    after(() => storage?.close())

    it('beats on each tick, sweeps workers dead for a day, and deletes its row when told', async () => {
      const repo = createHeartbeatRepository(storage.db)
      const clock = fixedClock('2026-12-06T10:00:00Z')
      const health = workerHealthCheck(repo, clock, 60_000)
      // A worker that died two days ago, and one that went silent a minute and a half ago.
      await repo.beat('dead', new Date(clock.now().getTime() - 2 * HEARTBEAT_KEEP_MS))
      await repo.beat('silent', new Date(clock.now().getTime() - 90_000))
      assert.deepEqual(await health(), { lastBeatAgeSeconds: 90, state: 'stale' })

      const duty = heartbeatWork({ repo, clock, workerId: 'here' })
      assert.equal(duty.tick?.everyMs, HEARTBEAT_EVERY_MS)
      await duty.tick!.run()
      assert.deepEqual(await health(), { lastBeatAgeSeconds: 0, state: 'ok' })
      const ids = async () =>
        (await storage.db.selectFrom('worker_heartbeat').select('worker_id').execute())
          .map((r) => r.worker_id)
          .sort()
      assert.deepEqual(await ids(), ['here', 'silent'])

      clock.set('2026-12-06T10:00:10Z')
      await duty.tick!.run()
      assert.deepEqual(await repo.latestBeat(), clock.now())

      await duty.forget()
      assert.deepEqual(await ids(), ['silent'])
      assert.equal((await health()).state, 'stale')
    })
  })
}
