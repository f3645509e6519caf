import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openTestStorage, skipFor, testDialects } from '../../test/support/dialects.js'
import type { Storage } from '../storage/index.js'
import { createHeartbeatRepository, type HeartbeatRepository } from './heartbeat-repository.js'

const at = (iso: string) => new Date(`2026-12-06T${iso}Z`)

for (const dialect of testDialects) {
  describe(`${dialect}: the worker heartbeat table`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    let repo: HeartbeatRepository
    before(async () => {
      storage = await openTestStorage(dialect)
      repo = createHeartbeatRepository(storage.db)
    })
    after(() => storage?.close())

    it('has no latest beat while no worker has beaten', async () => {
      assert.equal(await repo.latestBeat(), null)
    })

    it('keeps one row per worker, moved forward by each beat; the latest is any worker’s', async () => {
      await repo.beat('web-1:10:aa', at('10:00:00'))
      await repo.beat('web-2:11:bb', at('10:00:05'))
      await repo.beat('web-1:10:aa', at('10:00:10'))
      assert.deepEqual(await repo.latestBeat(), at('10:00:10'))
      const rows = await storage.db
        .selectFrom('worker_heartbeat')
        .selectAll()
        .orderBy('worker_id')
        .execute()
      assert.deepEqual(
        rows.map((r) => [r.worker_id, Number(r.started_at), Number(r.beat_at)]),
        [
          ['web-1:10:aa', at('10:00:00').getTime(), at('10:00:10').getTime()],
          ['web-2:11:bb', at('10:00:05').getTime(), at('10:00:05').getTime()],
        ],
      )
    })

    it('sweeps only rows older than the limit, and forgets a worker that stopped', async () => {
      assert.equal(await repo.sweep(at('10:00:06')), 1)
      assert.deepEqual(await repo.latestBeat(), at('10:00:10'))
      await repo.forget('web-1:10:aa')
      assert.equal(await repo.latestBeat(), null)
      await repo.forget('never-was')
    })
  })
}
