import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { articleInput, seedBasics } from '../../test/support/factories.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

for (const dialect of testDialects) {
  describe(`${dialect}: safety rules per country`, { skip: await skipFor(dialect) }, () => {
    let app: TestApp
    let articleUrl = ''
    const get = (url: string, headers: Record<string, string> = {}) =>
      app.http.inject({ method: 'GET', url, headers: { host: 'example.org', ...headers } })

    before(async () => {
      app = await buildTestApp(dialect, { env: { COUNTRY_HEADER: 'CF-IPCountry' } })
      const b = await seedBasics(app)
      const a = app.contributions.draftAppeal('en')
      await app.contributions.saveAppeal({
        ...a,
        safetyCountries: ['VA'],
        safetyNote: 'Giving from Varesia can be traced. Use a wallet not linked to you.',
        safetyMethods: ['crypto'],
      })
      const art = await app.content.createArticle(articleInput(b, { slug: 'risky' }))
      const d = art.publishedAt!
      articleUrl = `/world/${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/risky`
    })
    after(() => app?.close())

    it('shows readers the CDN places in a risky country the note and only the safer ways', async () => {
      const there = await get(articleUrl, { 'cf-ipcountry': 'VA' })
      assert.match(there.body, /class="safety-note" role="note">Giving from Varesia can be traced/)
      assert.match(there.body, /<input type="hidden" name="method" value="crypto">/)
      assert.doesNotMatch(there.body, /value="card"/)
      assert.equal(there.headers['vary'], 'Accept-Encoding, Cookie, cf-ipcountry')
      // Everyone else, cached separately, sees the usual appeal.
      for (const headers of [{}, { 'cf-ipcountry': 'FR' }] as Record<string, string>[]) {
        const page = await get(articleUrl, headers)
        assert.doesNotMatch(page.body, /safety-note/)
        assert.match(page.body, /value="card"/)
      }
      assert.match((await get(articleUrl, { 'cf-ipcountry': 'VA' })).body, /safety-note/)
    })

    it('lets readers say where they are themselves, and enforces it at checkout', async () => {
      const page = await get('/support?country=va')
      assert.match(page.body, /<option value="VA" selected>/)
      assert.match(page.body, /safety-note/)
      assert.match((await get('/support')).body, /value="card"/)
      const res = await app.http.inject({
        method: 'POST',
        url: '/support/checkout',
        headers: {
          host: 'example.org',
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        payload:
          'frequency=once&amount_once=1000&custom=&currency=EUR&method=card&language=en&country=VA',
      })
      assert.equal(res.statusCode, 422)
      assert.equal(res.json().error.code, 'PAYMENT_METHOD_UNAVAILABLE')
      assert.equal((await app.contributions.listPage(10)).length, 0)
    })
  })
}
