// Strict-Transport-Security: sent on every answer to a request that came over HTTPS (reader
// pages, cached or not, the admin, errors), never over plain HTTP; HSTS_MAX_AGE=0 turns it off.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

for (const dialect of testDialects) {
  describe(`${dialect}: HSTS behind HTTPS`, { skip: await skipFor(dialect) }, () => {
    let app: TestApp
    before(async () => {
      app = await buildTestApp(dialect, { env: { HSTS_MAX_AGE: '31536000' } })
    })
    after(() => app?.close())

    const get = (url: string, proto?: string) =>
      app.http.inject({
        method: 'GET',
        url,
        // inject comes from 127.0.0.1, a trusted proxy by default (TRUST_PROXY=loopback).
        headers: { host: 'example.org', ...(proto ? { 'x-forwarded-proto': proto } : {}) },
      })

    it('is sent over HTTPS on reader pages (miss and hit), the admin and errors', async () => {
      for (const url of ['/', '/', '/admin/sign-in', '/no-such-page']) {
        const res = await get(url, 'https')
        assert.equal(res.headers['strict-transport-security'], 'max-age=31536000', url)
      }
    })

    it('is never sent over plain HTTP', async () => {
      for (const url of ['/', '/admin/sign-in']) {
        assert.equal((await get(url)).headers['strict-transport-security'], undefined)
        assert.equal((await get(url, 'http')).headers['strict-transport-security'], undefined)
      }
    })

    it('is off with HSTS_MAX_AGE=0', async () => {
      const off = await buildTestApp(dialect, { env: { HSTS_MAX_AGE: '0' } })
      try {
        const res = await off.http.inject({
          method: 'GET',
          url: '/',
          headers: { host: 'example.org', 'x-forwarded-proto': 'https' },
        })
        assert.equal(res.statusCode, 200)
        assert.equal(res.headers['strict-transport-security'], undefined)
      } finally {
        await off.close()
      }
    })
  })
}
