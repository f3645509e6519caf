// Every open-redirect string of shared/fixtures/hostile/ as the `back` of "Remind me later":
// the answer is a 303 to a path on this site or a 400, never another site and never a 500.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { hostileLines, hostileSkipReason } from '../../../test/support/hostile.js'
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js'

const skipHostile = hostileSkipReason()

function assertLocal(res: { statusCode: number; headers: Record<string, unknown> }, sent: string) {
  assert.ok(
    res.statusCode === 303 || res.statusCode === 400,
    `${JSON.stringify(sent)} answered ${res.statusCode}`,
  )
  if (res.statusCode !== 303) return
  const to = String(res.headers.location)
  assert.match(to, /^\/(?![/\\])[\x21-\x7e]*$/, `${JSON.stringify(sent)} sent the reader to ${to}`)
}

for (const dialect of testDialects) {
  describe(
    `${dialect}: redirects stay on this site`,
    { skip: skipHostile || (await skipFor(dialect)) },
    () => {
      let app: TestApp
      const payloads = skipHostile ? [] : hostileLines('open-redirect')
      before(async () => {
        app = await buildTestApp(dialect, { env: { PUBLIC_URL: 'http://example.org' } })
      })
      after(() => app?.close())

      const later = (payload: string) =>
        app.http.inject({
          method: 'POST',
          url: '/support/later',
          headers: { host: 'example.org', 'content-type': 'application/x-www-form-urlencoded' },
          payload,
        })

      it(`answers every open-redirect string as a form field (${payloads.length} strings)`, async () => {
        assert.ok(payloads.length > 300)
        for (const p of payloads) {
          assertLocal(await later(new URLSearchParams({ back: p }).toString()), p)
        }
      })

      it('answers them sent raw, unencoded, as well', async () => {
        for (const p of payloads) assertLocal(await later(`back=${p}`), p)
      })

      it('still returns the reader to the page they came from', async () => {
        const res = await later('back=%2Fworld%2F2026%2F12%2Fa-story%3Fpage%3D2')
        assert.equal(res.statusCode, 303)
        assert.equal(res.headers.location, '/world/2026/12/a-story?page=2')
      })
    },
  )
}
