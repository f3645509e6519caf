import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { adminBrowser, type AdminBrowser } from '../../test/support/admin-browser.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

const SHOWN = 'printed in the demo log'
const CHOSEN = 'a passphrase only I know'

for (const dialect of testDialects) {
  describe(
    `${dialect}: a one-time password is replaced at the first sign-in`,
    { skip: await skipFor(dialect) },
    () => {
      let app: TestApp
      let br: AdminBrowser

      before(async () => {
        app = await buildTestApp(dialect)
        await app.staff.addStaff({
          email: 'owner@demo.invalid',
          name: 'Demo Owner',
          role: 'owner',
          password: SHOWN,
          oneTimePassword: true,
        })
        await app.staff.addStaff({
          email: 'ed@example.org',
          name: 'Ed',
          role: 'editor',
          password: 'an ordinary passphrase',
        })
        br = adminBrowser(app.http)
        await br.signIn('owner@demo.invalid', SHOWN)
      })
      after(() => app.close())

      it('sends every admin page to the new-password page, and refuses other forms', async () => {
        for (const url of ['/admin/articles', '/admin/staff', '/admin/account']) {
          const res = await br.request('GET', url)
          assert.equal(res.statusCode, 303, url)
          assert.equal(res.headers.location, '/admin/password/new', url)
        }
        const asked = await br.request('GET', '/admin/password/new')
        assert.equal(asked.statusCode, 200)
        assert.match(asked.body, /You signed in with a one-time password/)
        const other = await br.request('POST', '/admin/taxonomy/sections', {
          _csrf: await br.csrf('/admin/password/new'),
          name: 'Not now',
        })
        assert.equal(other.statusCode, 403)
        assert.match(other.body, /Choose your own password first/)
        // Someone whose password is their own is not asked.
        const ed = adminBrowser(app.http)
        await ed.signIn('ed@example.org', 'an ordinary passphrase')
        assert.equal((await ed.request('GET', '/admin/articles')).statusCode, 200)
      })

      it('checks the new password like any other, then carries on signed in with it', async () => {
        const url = '/admin/password/new'
        const weak = await br.request('POST', url, {
          _csrf: await br.csrf(url),
          password: 'short',
          again: 'short',
        })
        assert.equal(weak.statusCode, 422)
        assert.match(weak.body, /Nothing was saved/)
        const differ = await br.request('POST', url, {
          _csrf: await br.csrf(url),
          password: CHOSEN,
          again: `${CHOSEN}!`,
        })
        assert.equal(differ.statusCode, 422)
        assert.match(differ.body, /The two passwords differ/)
        assert.equal((await app.staff.findByEmail('owner@demo.invalid'))!.mustChangePassword, true)

        const done = await br.request('POST', url, {
          _csrf: await br.csrf(url),
          password: CHOSEN,
          again: CHOSEN,
        })
        assert.equal(done.statusCode, 303)
        assert.equal(done.headers.location, '/admin/articles')
        assert.equal((await br.request('GET', '/admin/articles')).statusCode, 200, 'signed in')
        assert.equal((await app.staff.findByEmail('owner@demo.invalid'))!.mustChangePassword, false)
        assert.equal((await app.staff.signIn('owner@demo.invalid', SHOWN, '192.0.2.9')).ok, false)
        const fresh = adminBrowser(app.http)
        await fresh.signIn('owner@demo.invalid', CHOSEN)
        assert.equal((await fresh.request('GET', '/admin/staff')).statusCode, 200)
      })
    },
  )
}
