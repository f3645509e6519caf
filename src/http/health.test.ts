import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { buildTestApp } from '../../test/support/test-app.js'
import { registerHealth } from './health.js'
import { createServer } from './server.js'

function server(ping: () => Promise<unknown>) {
  const http = createServer({ trustProxy: false, errors: { renderError: async () => 'page' } })
  registerHealth(http, { ping, timeoutMs: 100 })
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
})

for (const dialect of testDialects) {
  describe(`${dialect}: GET /healthz on the app`, { skip: await skipFor(dialect) }, () => {
    it('is 200 while the database answers, 503 once it is gone', async () => {
      const app = await buildTestApp(dialect)
      try {
        const res = await app.http.inject({ url: '/healthz' })
        assert.equal(res.statusCode, 200)
        assert.deepEqual(res.json(), { status: 'ok', database: 'ok' })
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
