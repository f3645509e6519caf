import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

const PASSWORD = 'correct horse battery staple'

for (const dialect of testDialects) {
  describe(`${dialect}: privacy page edited in the admin`, { skip: await skipFor(dialect) }, () => {
    let app: TestApp
    const jars = new Map<string, Map<string, string>>()
    async function req(
      who: string,
      method: 'GET' | 'POST',
      url: string,
      form?: Record<string, string>,
    ) {
      const jar = jars.get(who) ?? new Map<string, string>()
      jars.set(who, jar)
      const res = await app.http.inject({
        method,
        url,
        headers: {
          host: 'example.org',
          cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
          ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(form ? { payload: new URLSearchParams(form).toString() } : {}),
      })
      for (const c of [res.headers['set-cookie'] ?? []].flat()) {
        const [pair] = c.split('; ')
        const [k, v] = pair!.split('=') as [string, string]
        jar.set(k, v)
      }
      return res
    }
    const token = async (who: string, url: string) =>
      /name="_csrf" value="([^"]+)"/.exec((await req(who, 'GET', url)).body)![1]!
    const signIn = async (role: 'admin' | 'editor') => {
      await app.staff.addStaff({
        email: `${role}@example.org`,
        name: role,
        role,
        password: PASSWORD,
      })
      const res = await req(role, 'POST', '/admin/sign-in', {
        _csrf: await token(role, '/admin/sign-in'),
        email: `${role}@example.org`,
        password: PASSWORD,
        next: '/admin/articles',
      })
      assert.equal(res.statusCode, 303)
    }

    before(async () => {
      app = await buildTestApp(dialect)
      await signIn('admin')
      await signIn('editor')
    })
    after(() => app?.close())

    it('shows the built-in text until someone saves their own', async () => {
      const page = await req('reader', 'GET', '/privacy')
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /we set no tracking cookies/)
      const form = await req('admin', 'GET', '/admin/privacy')
      assert.equal(form.statusCode, 200)
      assert.match(form.body, /This is the built-in text/)
      assert.equal((await req('editor', 'GET', '/admin/privacy')).statusCode, 403)
    })

    it('saves sanitized HTML, purges the cached page, and can go back to the default', async () => {
      // Cached first, so the save must purge it.
      await req('reader', 'GET', '/privacy')
      const saved = await req('admin', 'POST', '/admin/privacy', {
        _csrf: await token('admin', '/admin/privacy'),
        text: '<h2>Our promise</h2><p onclick="steal()">We keep <b>nothing</b>.<script>alert(1)</script></p><img src=x onerror=alert(1)><iframe src="https://evil.example"></iframe>',
      })
      assert.equal(saved.statusCode, 200)
      assert.match(saved.body, /Saved\. Readers see the new text now/)
      const page = await req('reader', 'GET', '/privacy')
      assert.match(page.body, /<h2>Our promise<\/h2><p>We keep <b>nothing<\/b>\.<\/p>/)
      assert.doesNotMatch(page.body, /steal|<script>alert|onerror|evil\.example/)
      assert.doesNotMatch(page.body, /we set no tracking cookies/)
      const audit = await app.staff.listAudit(10)
      assert.ok(audit.some((e) => e.action === 'privacy.update'))
      const reset = await req('admin', 'POST', '/admin/privacy', {
        _csrf: await token('admin', '/admin/privacy'),
        text: '  <p> </p> ',
      })
      assert.match(reset.body, /The built-in text is back/)
      assert.match((await req('reader', 'GET', '/privacy')).body, /we set no tracking cookies/)
      const long = await req('admin', 'POST', '/admin/privacy', {
        _csrf: await token('admin', '/admin/privacy'),
        text: 'x'.repeat(100_001),
      })
      assert.equal(long.statusCode, 422)
      assert.match(long.body, /at most 100,000 characters/)
      const denied = await req('editor', 'POST', '/admin/privacy', {
        _csrf: await token('editor', '/admin/articles'),
        text: '<p>hijack</p>',
      })
      assert.equal(denied.statusCode, 403)
      assert.doesNotMatch((await req('reader', 'GET', '/privacy')).body, /hijack/)
      // The server's secret shares the table: it is untouched by any of this.
      const secret = await app.storage.db
        .selectFrom('setting')
        .select('key')
        .where('key', '=', 'secret')
        .execute()
      assert.equal(secret.length, 1)
    })
  })
}
