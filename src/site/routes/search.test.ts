import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { articleInput, seedBasics, type Basics } from '../../../test/support/factories.js'
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js'

for (const dialect of testDialects) {
  describe(`${dialect}: /search and /search.json`, { skip: await skipFor(dialect) }, () => {
    let app: TestApp
    let b: Basics
    const get = (url: string) => app.http.inject({ method: 'GET', url })

    before(async () => {
      app = await buildTestApp(dialect)
      b = await seedBasics(app)
      await app.content.createArticle(
        articleInput(b, {
          slug: 'harbour',
          headline: 'Elections at the <b>harbour</b>',
          body: '<p>The &lt;img src=x onerror=alert(1)&gt; vote counted every ballot.</p>',
        }),
      )
      for (let i = 0; i < 25; i++) {
        await app.content.createArticle(
          articleInput(b, { slug: `gull-${i}`, headline: `Gulls number ${i}` }),
        )
      }
    })
    after(() => app?.close())

    it('puts a search box in the header of every reader page', async () => {
      for (const url of ['/', '/world', '/reach']) {
        const html = (await get(url)).body
        assert.match(html, /<form class="search-box" role="search" action="\/search" method="get">/)
        assert.match(html, /<label for="site-search" class="visually-hidden">Search the site/)
      }
    })

    it('shows the form with a hint for no query, and is never indexed or stored', async () => {
      const r = await get('/search')
      assert.equal(r.statusCode, 200)
      assert.match(r.body, /Type a word or two/)
      assert.match(r.body, /<meta name="robots" content="noindex"/)
      assert.equal(r.headers['cache-control'], 'no-cache')
      assert.match((await get('/search?q=a')).body, /too short to search for/)
    })

    it('marks the words found, escaping the story’s text', async () => {
      const r = await get('/search?q=ballots')
      assert.match(r.body, /1 story found/)
      assert.match(r.body, /onerror=alert\(1\)> vote counted every <mark>ballot<\/mark>/)
      assert.doesNotMatch(r.body, /<img src=x/)
      const h = await get('/search?q=harbour')
      assert.match(h.body, /Elections at the &lt;b><mark>harbour<\/mark>&lt;\/b>/)
    })

    it('pages with numbers and keeps the query and filters in the links', async () => {
      const one = await get('/search?q=gulls&section=world')
      assert.match(one.body, /25 stories found, page 1 of 2/)
      assert.match(one.body, /href="\/search\?q=gulls&amp;section=world&amp;page=2" rel="next"/)
      const two = await get('/search?q=gulls&section=world&page=2')
      assert.match(two.body, /page 2 of 2/)
      assert.match((await get('/search?q=gulls&section=culture')).body, /No stories found/)
    })

    it('answers the same as JSON', async () => {
      const r = await get('/search.json?q=ballot')
      assert.equal(r.statusCode, 200)
      const j = r.json()
      assert.equal(j.total, 1)
      assert.equal(j.results[0].headline, 'Elections at the <b>harbour</b>')
      assert.deepEqual(
        j.results[0].parts
          .filter((p: { match: boolean }) => p.match)
          .map((p: { text: string }) => p.text),
        ['ballot'],
      )
      assert.equal((await get('/search.json?q=gulls')).json().next, '/search.json?q=gulls&page=2')
    })

    it('never fails on query syntax, odd parameters or huge queries', async () => {
      for (const q of ['%22', '*', 'NEAR(', 'OR', '-', '%3A', '%5E', 'a%22b', 'x'.repeat(10_000)]) {
        const r = await get(`/search?q=${q}&page=-1&from=2026-02-31&to=junk&section=%00`)
        assert.equal(r.statusCode, 200, q)
      }
      assert.equal((await get('/search?q=1&q=2')).statusCode, 200)
    })
  })
}
