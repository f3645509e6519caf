import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { articleInput, seedBasics } from '../../test/support/factories.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

for (const dialect of testDialects) {
  describe(`${dialect}: the site's shell`, { skip: await skipFor(dialect) }, () => {
    let app: TestApp
    let articleUrl = ''
    const get = (url: string, headers: Record<string, string> = {}) =>
      app.http.inject({ method: 'GET', url, headers: { host: 'example.org', ...headers } })

    before(async () => {
      app = await buildTestApp(dialect, { env: { PUBLIC_URL: 'http://example.org' } })
      const b = await seedBasics(app)
      await app.contributions.saveAppeal(app.contributions.draftAppeal('en'))
      const a = await app.content.createArticle(articleInput(b, { slug: 'shell-story' }))
      const d = a.publishedAt!
      articleUrl = `/world/${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/shell-story`
    })
    after(() => app?.close())

    it('answers a path that fails its schema with the site 404 page, cacheable a minute', async () => {
      for (const url of [
        articleUrl.replace('shell-story', 'Not_A_Slug'),
        '/world/26/11/shell-story',
        '/topic/UPPER',
        '/sitemaps/articles-0.xml',
        '/newsletters/weekly/issues/007',
      ]) {
        // A program asking for JSON gets the page too, as it did before route schemas.
        const res = await get(url, { accept: 'application/json' })
        assert.equal(res.statusCode, 404, url)
        assert.equal(res.headers['cache-control'], 'public, max-age=60', url)
        assert.match(res.body, /Page not found/, url)
        assert.match(res.body, /<nav aria-label="Sections">/, url)
      }
    })

    it('answers a signed link that does not parse as one whose signature fails', async () => {
      const res = await get('/newsletters/confirm/x/y/soon/!')
      assert.equal(res.statusCode, 404)
      assert.match(res.body, /This link does not work any more/)
      const manage = await get('/support/manage/x/1/abc')
      assert.equal(manage.statusCode, 404)
      assert.match(manage.body, /That link has expired or is not right/)
    })

    it('fills the support slots exactly when the page variant is the shared one', async () => {
      const ahead = String(Date.now() + 3600_000)
      const cases: [string, boolean][] = [
        ['', true],
        [`mh_quiet=${ahead}`, false],
        [`theme=dark; mh_quiet=${ahead}`, false],
        ['mh_quiet=soon', true],
        ['mh_quiet=1000000000000', true],
      ]
      for (const [cookie, banner] of cases) {
        const res = await get(articleUrl, cookie ? { cookie } : {})
        assert.equal(res.statusCode, 200, cookie)
        assert.equal(/support-banner/.test(res.body), banner, cookie)
        assert.match(String(res.headers.vary), /Cookie/, cookie)
      }
      // After all of that, a reader with no cookie still gets the banner from the cache.
      assert.match((await get(articleUrl)).body, /support-banner/)
    })
  })
}
