import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { buildTestApp } from '../../test/support/test-app.js'
import { fixedClock } from '../lib/clock.js'
import { createHeartbeatRepository } from '../jobs/heartbeat-repository.js'
import type { WorkerHealth } from '../jobs/heartbeat.js'
import { registerHealth } from './health.js'
import { createServer } from './server.js'

function server(ping: () => Promise<unknown>, worker?: () => Promise<WorkerHealth>) {
  const http = createServer({ trustProxy: false, errors: { renderError: async () => 'page' } })
  registerHealth(http, { ping, timeoutMs: 100, ...(worker ? { worker } : {}) })
  return http
}

describe('GET /healthz', () => {
  it('is 503 when the database refuses', async () => {
    const res = await server(() => Promise.reject(new Error('ECONNREFUSED'))).inject({
      url: '/healthz',
    })
    assert.equal(res.statusCode, 503)
    assert.deepEqual(res.json(), { status: 'unavailable', database: 'unreachable' })
    assert.equal(res.headers['cache-control'], 'no-store')
  })

  it('is 503 when the database is slower than the timeout', async () => {
    const started = Date.now()
    const res = await server(() => new Promise((r) => setTimeout(r, 2_000).unref())).inject({
      url: '/healthz',
    })
    assert.equal(res.statusCode, 503)
    assert.deepEqual(res.json(), { status: 'unavailable', database: 'timeout' })
    assert.ok(Date.now() - started < 1_500, 'answered at the timeout, not when the query ended')
  })

  it('says the worker is unknown when its table cannot be read, and refuses a strange query', async () => {
    const http = server(
      async () => {},
      () => Promise.reject(new Error('ECONNREFUSED')),
    )
    const res = await http.inject({ url: '/healthz' })
    assert.equal(res.statusCode, 200)
    assert.deepEqual(res.json().worker, { lastBeatAgeSeconds: null, state: 'unknown' })
    assert.equal((await http.inject({ url: '/healthz?worker=required' })).statusCode, 503)
    assert.equal((await http.inject({ url: '/healthz?worker=please' })).statusCode, 400)
  })
})

for (const dialect of testDialects) {
  describe(`${dialect}: GET /healthz on the app`, { skip: await skipFor(dialect) }, () => {
    it('is 200 while the database answers, 503 once it is gone', async () => {
      const app = await buildTestApp(dialect)
      try {
        const res = await app.http.inject({ url: '/healthz' })
        assert.equal(res.statusCode, 200)
        assert.deepEqual(res.json(), {
          status: 'ok',
          database: 'ok',
          worker: { lastBeatAgeSeconds: null, state: 'missing' },
        })
        assert.equal(res.headers['cache-control'], 'no-store')
        await app.storage.db.destroy()
        const down = await app.http.inject({ url: '/healthz' })
        assert.equal(down.statusCode, 503)
        assert.equal(down.json().database, 'unreachable')
      } finally {
        await app.close()
      }
    })
  })
}

for (const dialect of testDialects) {
  describe(`${dialect}: GET /healthz and the worker`, { skip: await skipFor(dialect) }, () => {
    it('answers with the database alone, unless asked to require a live worker', async () => {
      const clock = fixedClock('2026-12-06T10:00:00Z')
      const app = await buildTestApp(dialect, { clock, env: { WORKER_STALE_SECONDS: '30' } })
      const get = async (url: string) => {
        const r = await app.http.inject({ url })
        return { code: r.statusCode, body: r.json() as { status: string; worker: unknown } }
      }
      try {
        assert.deepEqual(await get('/healthz?worker=required'), {
          code: 503,
          body: {
            status: 'unavailable',
            database: 'ok',
            worker: { lastBeatAgeSeconds: null, state: 'missing' },
          },
        })

        // The worker role in this process beats as it starts.
        await app.startWorker()
        assert.deepEqual(await get('/healthz?worker=required'), {
          code: 200,
          body: {
            status: 'ok',
            database: 'ok',
            worker: { lastBeatAgeSeconds: 0, state: 'ok' },
          },
        })

        // Silent for longer than WORKER_STALE_SECONDS: the worker check fails, the plain one not.
        clock.set('2026-12-06T10:00:31Z')
        const stale = { lastBeatAgeSeconds: 31, state: 'stale' }
        assert.deepEqual(await get('/healthz'), {
          code: 200,
          body: { status: 'ok', database: 'ok', worker: stale },
        })
        assert.equal((await get('/healthz?worker=required')).code, 503)

        // A worker elsewhere beats: any live worker will do.
        await createHeartbeatRepository(app.storage.db).beat('elsewhere:1:abcdef', clock.now())
        assert.equal((await get('/healthz?worker=required')).code, 200)

        // A clean stop deletes this process's row; the other worker's stays.
        await app.http.close()
        const rows = await app.storage.db
          .selectFrom('worker_heartbeat')
          .select('worker_id')
          .execute()
        assert.deepEqual(
          rows.map((r) => r.worker_id),
          ['elsewhere:1:abcdef'],
        )
      } finally {
        await app.close()
      }
    })
  })
}
