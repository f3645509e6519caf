import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openTestStorage, skipFor, testDialects } from '../../test/support/dialects.js'
import type { Storage } from '../storage/index.js'
import { createJobQueue, createTableQueue, type JobData, type JobQueue } from './index.js'

const quiet = { error: () => {}, info: () => {} }

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 15_000) {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

for (const dialect of testDialects) {
  describe(`${dialect}: job queues`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    before(async () => {
      storage = await openTestStorage(dialect)
    })
    after(async () => {
      await storage.close()
    })

    it(`runs a sent job on the dialect's own queue (${dialect === 'postgres' ? 'pg-boss' : 'job table'})`, async () => {
      const q = await createJobQueue(storage, { log: quiet, pollMs: 500 })
      assert.equal(q.kind, dialect === 'postgres' ? 'pg-boss' : 'table')
      const seen: JobData[] = []
      try {
        await q.send('staff.mail', { waiting: true })
        assert.equal(await q.depth('staff.mail'), 1, 'a job nobody works on waits')
        await q.work('edition.send', async (d) => {
          seen.push(d)
        })
        await q.send('edition.send', { edition: 7 })
        await until(() => seen.length === 1, 'the job')
        assert.deepEqual(seen, [{ edition: 7 }])
        // Done once its bookkeeping is written: the queue's depth drops back to nothing.
        await until(async () => (await q.depth('edition.send')) === 0, 'an empty queue')
        assert.equal(await q.depth('staff.mail'), 1)
      } finally {
        await q.stop()
      }
    })

    it('the job table retries a failing job, keeps its error, and runs each job once', async () => {
      const q: JobQueue = createTableQueue(storage.db, { log: quiet, pollMs: 20 })
      let calls = 0
      try {
        await q.work('newsletter.schedule', async () => {
          calls++
          if (calls === 1) throw new Error('first try fails')
        })
        await q.send('newsletter.schedule', { n: 1 })
        await until(async () => {
          const r = await storage.db
            .selectFrom('job')
            .select(['state', 'attempts', 'last_error'])
            .where('queue', '=', 'newsletter.schedule')
            .executeTakeFirstOrThrow()
          return r.state === 'created' && r.attempts === 1
        }, 'the retry to be queued')
        const r = await storage.db
          .selectFrom('job')
          .select(['last_error', 'run_at'])
          .where('queue', '=', 'newsletter.schedule')
          .executeTakeFirstOrThrow()
        assert.equal(r.last_error, 'first try fails')
        assert.ok(r.run_at > Date.now(), 'the retry waits')
        // Bring the retry forward instead of waiting 5 s.
        await storage.db.updateTable('job').set({ run_at: 0 }).execute()
        await q.send('newsletter.schedule', { n: 2 })
        await until(() => calls === 3, 'the retry and the second job')
        await new Promise((r) => setTimeout(r, 100))
        assert.equal(calls, 3)
      } finally {
        await q.stop()
      }
    })

    it('the job table gives a job whose worker stopped renewing to another worker', async () => {
      await storage.db.deleteFrom('job').execute()
      const now = Date.now()
      // A job a dead worker claimed: active, its lock run out.
      await storage.db
        .insertInto('job')
        .values({
          queue: 'edition.send',
          data: JSON.stringify({ edition: 9 }),
          state: 'active',
          run_at: now - 10_000,
          attempts: 1,
          locked_by: 'dead-worker',
          locked_until: now - 1,
          last_error: null,
          created_at: now - 10_000,
          finished_at: null,
        })
        .execute()
      const q = createTableQueue(storage.db, { log: quiet, pollMs: 20 })
      const seen: JobData[] = []
      try {
        await q.work('edition.send', async (d) => {
          seen.push(d)
        })
        await until(() => seen.length === 1, 'the abandoned job')
        assert.deepEqual(seen, [{ edition: 9 }])
        const r = await storage.db
          .selectFrom('job')
          .select(['state', 'attempts'])
          .executeTakeFirstOrThrow()
        await until(
          async () =>
            (await storage.db.selectFrom('job').select('state').executeTakeFirstOrThrow()).state ===
            'completed',
          'completion',
        )
        assert.equal(r.attempts, 2)
      } finally {
        await q.stop()
      }
    })

    it('two table workers never run the same job', async () => {
      await storage.db.deleteFrom('job').execute()
      const a = createTableQueue(storage.db, { log: quiet, pollMs: 10 })
      const b = createTableQueue(storage.db, { log: quiet, pollMs: 10 })
      const seen: number[] = []
      const handler = async (d: JobData) => {
        seen.push(Number(d['n']))
        await new Promise((r) => setTimeout(r, 2))
      }
      try {
        await a.work('edition.send', handler)
        await b.work('edition.send', handler)
        for (let n = 0; n < 40; n++) await a.send('edition.send', { n })
        await until(() => seen.length >= 40, 'forty jobs')
        await new Promise((r) => setTimeout(r, 100))
        assert.equal(seen.length, 40)
        assert.equal(new Set(seen).size, 40)
      } finally {
        await a.stop()
        await b.stop()
      }
    })
  })
}
