import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { articleInput, seedBasics } from '../../test/support/factories.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

// The same site in English at / and in Russian under /ru (ADR 026, 027): each edition's pages
// in its own words, its links inside its own prefix.
for (const dialect of testDialects) {
  describe(`${dialect}: reader text per edition`, { skip: await skipFor(dialect) }, () => {
    let app: TestApp
    const get = (url: string) =>
      app.http.inject({ method: 'GET', url, headers: { host: 'example.org' } })

    before(async () => {
      app = await buildTestApp(dialect, { env: { SITE_LANGUAGES: 'en,ru' } })
      const b = await seedBasics(app)
      await app.content.createArticle(articleInput(b, { slug: 'english-story', language: 'en' }))
      await app.content.createArticle(articleInput(b, { slug: 'russkaya', language: 'ru' }))
    })
    after(() => app?.close())

    it('the Russian front page is in Russian and links inside /ru', async () => {
      const res = await get('/ru/')
      assert.equal(res.statusCode, 200)
      const html = res.body
      assert.match(html, /Перейти к содержанию/)
      assert.match(html, /<a class="brand" href="\/ru\/">/)
      assert.match(html, /action="\/ru\/search"/)
      assert.match(html, /href="\/ru\/reach">Как до нас добраться<\/a>/)
      assert.match(html, /href="\/ru\/feed\.xml"/)
      assert.match(html, /(минута|минуты|минут) чтения/)
      assert.doesNotMatch(html, /Skip to content|min read/)
    })

    it('the English front page keeps its words and its links at the root', async () => {
      const html = (await get('/')).body
      assert.match(html, /Skip to content/)
      assert.match(html, /href="\/reach">How to reach us<\/a>/)
      assert.match(html, /action="\/search"/)
      assert.match(html, /min read/)
    })

    it('a missing page under /ru says so in Russian', async () => {
      const res = await get('/ru/no-such-section/2026/01/nothing')
      assert.equal(res.statusCode, 404)
      assert.match(res.body, /Страница не найдена/)
      assert.match(res.body, /Ошибка 404/)
    })

    it('the Russian search page is in Russian and searches from /ru/search', async () => {
      const html = (await get('/ru/search?q=%D0%B2')).body
      assert.match(html, /<h1>Поиск<\/h1>/)
      assert.match(html, /action="\/ru\/search"/)
    })
  })
}
