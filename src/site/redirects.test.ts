import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { adminBrowser, type AdminBrowser } from '../../test/support/admin-browser.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { seedBasics } from '../../test/support/factories.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

const PASSWORD = 'correct horse battery staple'

for (const dialect of testDialects) {
  describe(`${dialect}: redirects from old addresses`, { skip: await skipFor(dialect) }, () => {
    let app: TestApp
    let owner: AdminBrowser
    let editor: AdminBrowser
    let csrf: string
    const get = (url: string) =>
      app.http.inject({ method: 'GET', url, headers: { host: 'example.org' } })

    before(async () => {
      app = await buildTestApp(dialect, { env: { PAGE_CACHE: 'true' } })
      const b = await seedBasics(app)
      await app.content.createArticle({
        slug: 'live-story',
        sectionId: b.sectionId,
        headline: 'A live story',
        body: '<p>Here.</p>',
        status: 'published',
        publishedAt: new Date('2024-11-08T10:00:00Z'),
      })
      for (const role of ['owner', 'editor'] as const) {
        await app.staff.addStaff({
          email: `${role}@example.org`,
          name: role,
          role,
          password: PASSWORD,
        })
      }
      owner = adminBrowser(app.http)
      await owner.signIn('owner@example.org', PASSWORD)
      editor = adminBrowser(app.http)
      await editor.signIn('editor@example.org', PASSWORD)
      csrf = await owner.csrf('/admin/redirects')
    })
    after(() => app?.close())

    it('answers an old path with 301 to the new one, only where no page answers', async () => {
      await app.redirects.add('/2024/11/08/live-story/', '/world/2024/11/live-story')
      await app.redirects.add('/world/2024/11/live-story', '/elsewhere')
      const old = await get('/2024/11/08/live-story/')
      assert.equal(old.statusCode, 301)
      assert.equal(old.headers.location, '/world/2024/11/live-story')
      // Without the trailing slash too, and with a query dropped.
      assert.equal((await get('/2024/11/08/live-story?utm_source=x')).statusCode, 301)
      // A live page is never shadowed.
      assert.equal((await get('/world/2024/11/live-story')).statusCode, 200)
      assert.equal((await get('/nothing-here')).statusCode, 404)
    })

    it("answers WordPress's /?p=N before the (cached) front page", async () => {
      assert.equal((await get('/')).statusCode, 200)
      assert.equal((await get('/')).statusCode, 200)
      await app.redirects.add('/?p=123', '/world/2024/11/live-story')
      const r = await get('/?p=123')
      assert.equal(r.statusCode, 301)
      assert.equal(r.headers.location, '/world/2024/11/live-story')
      assert.equal((await get('/?p=999')).statusCode, 200, 'an unknown number is the front page')
    })

    it('lets owners add, search, export and delete redirects, audited; editors may not', async () => {
      const add = await owner.request('POST', '/admin/redirects', {
        _csrf: csrf,
        from: '/category/news/',
        to: '/world',
      })
      assert.equal(add.statusCode, 200)
      assert.match(add.body, /Added: \/category\/news\/ now leads to \/world/)
      assert.equal((await get('/category/news/')).headers.location, '/world')

      const list = await owner.request('GET', '/admin/redirects?q=CATEGORY')
      assert.match(list.body, /\/category\/news\//)
      assert.doesNotMatch(list.body, /<td><code>\/\?p=123/)

      const csv = await owner.request('GET', '/admin/redirects/export.csv')
      assert.equal(csv.statusCode, 200)
      assert.match(csv.headers['content-type'] as string, /text\/csv/)
      const lines = csv.body.trim().split(/\r?\n/)
      assert.equal(lines[0], 'from,to,source,created')
      assert.equal(lines.length, 1 + 4)
      assert.ok(lines.some((l) => l.startsWith('/category/news/,/world,manual,')))

      const row = (await app.redirects.list('category', 1)).rows[0]!
      const del = await owner.request('POST', `/admin/redirects/${row.id}/delete`, { _csrf: csrf })
      assert.equal(del.statusCode, 200)
      assert.equal((await get('/category/news/')).statusCode, 404)

      const audit = await app.storage.db
        .selectFrom('audit_entry')
        .select(['action', 'subject'])
        .where('action', 'like', 'redirect.%')
        .execute()
      assert.deepEqual(audit.map((a) => a.action).sort(), ['redirect.add', 'redirect.delete'])
      const denied = await editor.request('GET', '/admin/redirects')
      assert.equal(denied.statusCode, 403)
    })

    it('refuses hostile paths with a clear message, a stable code, and writes nothing', async () => {
      const before = (await app.redirects.list('', 1)).total
      const cases: [string, string, RegExp][] = [
        ['/x1', 'https://evil.example/', /REDIRECT_PATH_NOT_LOCAL/],
        ['/x2', '//evil.example', /REDIRECT_PATH_NOT_LOCAL/],
        ['/x3', '/a/../../etc/passwd', /REDIRECT_PATH_DOT_SEGMENT/],
        ['/x4', '/a\r\nSet-Cookie: x=1', /REDIRECT_PATH_CONTROL/],
        [`/${'a'.repeat(10_000)}`, '/world', /REDIRECT_PATH_TOO_LONG/],
        ['/?p=123', '/world', /already has a redirect/],
      ]
      for (const [from, to, problem] of cases) {
        const r = await owner.request('POST', '/admin/redirects', { _csrf: csrf, from, to })
        assert.ok([409, 422].includes(r.statusCode), `${r.statusCode} for ${to}`)
        assert.match(r.body, problem)
        assert.match(r.body, /Nothing was saved/)
      }
      assert.equal((await app.redirects.list('', 1)).total, before)
    })
  })
}
