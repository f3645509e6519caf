import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { type AdminBrowser, adminBrowser } from '../../../test/support/admin-browser.js'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js'

const PASSWORD = 'correct horse battery staple'

for (const dialect of testDialects) {
  describe(`${dialect}: admin pipeline and route schemas`, { skip: await skipFor(dialect) }, () => {
    let app: TestApp
    let owner: AdminBrowser

    before(async () => {
      app = await buildTestApp(dialect)
      for (const role of ['owner', 'contributor'] as const)
        await app.staff.addStaff({
          email: `${role}@example.org`,
          name: role,
          role,
          password: PASSWORD,
        })
      owner = adminBrowser(app.http)
      await owner.signIn('owner@example.org', PASSWORD)
    })
    after(() => app?.close())

    it('answers a path that names nothing with the admin not-found page, saying what it looked for', async () => {
      const cases = [
        ['GET', '/admin/articles/abc', 'No such article'],
        ['GET', '/admin/articles/0123', 'No such article'],
        ['GET', '/admin/taxonomy/planet/1', 'No such item'],
        ['GET', '/admin/subscribers/x', 'No such subscriber'],
        ['GET', '/preview/1/2/x', 'This preview link is wrong or has expired'],
      ] as const
      for (const [method, url, says] of cases) {
        const res = await owner.request(method, url)
        assert.equal(res.statusCode, 404, url)
        assert.match(res.headers['content-type'] as string, /^text\/html/, url)
        assert.match(res.body, /<title>Not found/, url)
        assert.ok(res.body.includes(says), `${url}: ${res.body.slice(0, 200)}`)
      }
      const form = await owner.request('POST', '/admin/staff/abc/disable', {
        _csrf: await owner.csrf('/admin/staff'),
      })
      assert.equal(form.statusCode, 404)
      assert.match(form.body, /No such account/)
    })

    it('asks who is asking before reading the path: sign-in first, then the permission', async () => {
      const anonymous = adminBrowser(app.http)
      const res = await anonymous.request('GET', '/admin/articles/abc')
      assert.equal(res.statusCode, 303)
      assert.equal(res.headers.location, '/admin/sign-in?next=%2Fadmin%2Farticles%2Fabc')
      const contributor = adminBrowser(app.http)
      await contributor.signIn('contributor@example.org', PASSWORD)
      const refused = await contributor.request('GET', '/admin/taxonomy/planet/abc')
      assert.equal(refused.statusCode, 403)
      assert.match(refused.body, /Your role cannot do this/)
    })

    it('reads a junk query as the defaults instead of refusing it', async () => {
      const res = await owner.request('GET', '/admin/articles?page=abc&status=nope&section=0&q=')
      assert.equal(res.statusCode, 200)
      const audit = await owner.request('GET', '/admin/audit?before=-1')
      assert.equal(audit.statusCode, 200)
    })
  })
}
