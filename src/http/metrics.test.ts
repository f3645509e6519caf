import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

const TOKEN = 'a-metrics-token-of-enough-length'

for (const dialect of testDialects) {
  describe(`${dialect}: GET /metrics`, { skip: await skipFor(dialect) }, () => {
    let app: TestApp
    before(async () => {
      app = await buildTestApp(dialect, { env: { METRICS_TOKEN: TOKEN } })
    })
    after(() => app?.close())

    const get = (url: string, headers: Record<string, string> = {}) =>
      app.http.inject({ method: 'GET', url, headers: { host: 'example.org', ...headers } })
    const scrape = async () => {
      const res = await get('/metrics', { authorization: `Bearer ${TOKEN}` })
      assert.equal(res.statusCode, 200)
      assert.match(String(res.headers['content-type']), /^text\/plain/)
      assert.equal(res.headers['cache-control'], 'no-store')
      return res.body
    }
    const value = (text: string, series: string) => {
      const line = text.split('\n').find((l) => l.startsWith(`${series} `))
      return line === undefined ? undefined : Number(line.slice(series.length + 1))
    }

    it('does not exist without the right bearer token', async () => {
      for (const headers of <Record<string, string>[]>[
        {},
        { authorization: `Bearer ${TOKEN}x` },
        { authorization: TOKEN },
        { authorization: 'Bearer ' },
      ]) {
        const res = await get('/metrics', headers)
        assert.equal(res.statusCode, 404)
        assert.doesNotMatch(res.body, /masthead_/)
      }
      const closed = await buildTestApp(dialect)
      try {
        const res = await closed.http.inject({
          method: 'GET',
          url: '/metrics',
          headers: { host: 'example.org', authorization: 'Bearer anything' },
        })
        assert.equal(res.statusCode, 404)
      } finally {
        await closed.close()
      }
    })

    it('counts answers by route pattern and status, and the page cache', async () => {
      await get('/')
      await get('/')
      await get('/no/such/page/at/all')
      await get('/admin/sign-in')
      const text = await scrape()
      assert.ok(
        (value(text, 'masthead_http_requests_total{route="/",method="GET",status="200"}') ?? 0) >=
          2,
      )
      assert.ok(
        (value(
          text,
          'masthead_http_requests_total{route="/admin/sign-in",method="GET",status="200"}',
        ) ?? 0) >= 1,
      )
      assert.match(
        text,
        /masthead_http_requests_total\{route="[^"]*",method="GET",status="404"\} [1-9]/,
      )
      assert.ok((value(text, 'masthead_page_cache_hits') ?? 0) >= 1, 'the second / was a hit')
      assert.ok((value(text, 'masthead_page_cache_misses') ?? 0) >= 1)
      assert.ok((value(text, 'masthead_page_cache_entries') ?? 0) >= 1)
    })

    it('reports queue depth, send progress and the event loop', async () => {
      await app.jobs.send('staff.mail', { mail: 'null' })
      const text = await scrape()
      assert.equal(value(text, 'masthead_queue_depth{queue="staff.mail"}'), 1)
      assert.equal(value(text, 'masthead_queue_depth{queue="edition.send"}'), 0)
      assert.match(text, /# TYPE masthead_edition_send_recipients gauge/)
      assert.match(text, /^masthead_nodejs_eventloop_lag_seconds [0-9.e-]+$/m)
      assert.match(text, /^masthead_process_resident_memory_bytes [0-9.e+]+$/m)
    })
  })
}
