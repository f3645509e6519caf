import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { articleInput, seedBasics } from '../../test/support/factories.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'
import { isAppError } from '../lib/errors.js'

const host = { host: 'example.org' }

for (const dialect of testDialects) {
  describe(
    `${dialect}: a site in two languages (SITE_LANGUAGES=en,ru)`,
    { skip: await skipFor(dialect) },
    () => {
      let app: TestApp
      const ids = { en: 0, ru: 0, ruAlone: 0, de: 0 }
      let enPath = ''
      let ruPath = ''
      const get = (url: string) => app.http.inject({ url, headers: host })

      before(async () => {
        app = await buildTestApp(dialect, {
          env: { SITE_LANGUAGES: 'en,ru', PAGE_CACHE: 'false', PUBLIC_URL: 'http://example.org' },
        })
        const b = await seedBasics(app)
        const published = new Date('2026-11-20T10:00:00Z')
        const en = await app.content.createArticle(
          articleInput(b, {
            slug: 'flood-count',
            headline: 'The flood count',
            publishedAt: published,
          }),
        )
        const ru = await app.content.createArticle(
          articleInput(b, {
            slug: 'podschet-navodneniya',
            headline: 'Подсчёт после наводнения',
            language: 'ru',
            publishedAt: published,
          }),
        )
        const ruAlone = await app.content.createArticle(
          articleInput(b, {
            slug: 'tolko-po-russki',
            headline: 'Только по-русски',
            language: 'ru',
            publishedAt: published,
          }),
        )
        const de = await app.content.createArticle(
          articleInput(b, { slug: 'zweite', headline: 'Die zweite Sprache', language: 'ru' }),
        )
        Object.assign(ids, { en: en.id, ru: ru.id, ruAlone: ruAlone.id, de: de.id })
        await app.content.linkTranslation(en.id, ru.id)
        await app.content.nameInLanguage('section', b.sectionId, 'ru', {
          name: 'Мир',
          description: 'Новости отовсюду.',
        })
        enPath = '/world/2026/11/flood-count'
        ruPath = '/ru/world/2026/11/podschet-navodneniya'
      })
      after(() => app?.close())

      it('serves each edition its own stories: English at /, Russian under /ru/', async () => {
        const home = await get('/')
        assert.equal(home.statusCode, 200)
        assert.match(home.body, /The flood count/)
        assert.doesNotMatch(home.body, /Подсчёт после наводнения/)
        const ru = await get('/ru/')
        assert.equal(ru.statusCode, 200)
        assert.match(ru.body, /<html lang="ru" dir="ltr">/)
        assert.match(ru.body, /Подсчёт после наводнения/)
        assert.match(ru.body, /Только по-русски/)
        assert.doesNotMatch(ru.body, /The flood count/)
        // The section's Russian name in the navigation and on its page.
        assert.match(ru.body, />Мир</)
        // The front page and a section in each edition are each other's alternates.
        assert.match(ru.body, /<link rel="alternate" hreflang="en" href="http:\/\/example.org\/">/)
        assert.match(
          ru.body,
          /<link rel="alternate" hreflang="ru" href="http:\/\/example.org\/ru\/">/,
        )
        assert.match(
          home.body,
          /<link rel="alternate" hreflang="x-default" href="http:\/\/example.org\/">/,
        )
        const section = await get('/ru/world')
        assert.equal(section.statusCode, 200)
        assert.match(
          section.body,
          /<link rel="alternate" hreflang="en" href="http:\/\/example.org\/world">/,
        )
        assert.match(section.body, /<h1[^>]*>Мир<\/h1>/)
        assert.doesNotMatch(section.body, /The flood count/)
      })

      it('gives a story its language’s address, and sends other addresses there', async () => {
        assert.equal((await get(ruPath)).statusCode, 200)
        const wrong = await get('/world/2026/11/podschet-navodneniya')
        assert.equal(wrong.statusCode, 301)
        assert.equal(wrong.headers.location, ruPath)
        const back = await get('/ru/world/2026/11/flood-count')
        assert.equal(back.statusCode, 301)
        assert.equal(back.headers.location, enPath)
      })

      it('links translations both ways, with hreflang alternates and x-default', async () => {
        const ru = await get(ruPath)
        assert.match(
          ru.body,
          new RegExp(`<a href="${enPath}" hreflang="en" lang="en"[^>]*>Read in English</a>`),
        )
        assert.match(
          ru.body,
          new RegExp(`<link rel="alternate" hreflang="en" href="http://example.org${enPath}">`),
        )
        assert.match(
          ru.body,
          new RegExp(`<link rel="alternate" hreflang="ru" href="http://example.org${ruPath}">`),
        )
        assert.match(
          ru.body,
          new RegExp(
            `<link rel="alternate" hreflang="x-default" href="http://example.org${enPath}">`,
          ),
        )
        const en = await get(enPath)
        assert.match(
          en.body,
          new RegExp(`<a href="${ruPath}" hreflang="ru" lang="ru"[^>]*>Читать по-русски</a>`),
        )
        const alone = await get('/ru/world/2026/11/tolko-po-russki')
        assert.doesNotMatch(alone.body, /hreflang/)
      })

      it('lists every edition in one sitemap, translations as xhtml:link alternates', async () => {
        const xml = (await get('/sitemaps/articles-1.xml')).body
        assert.match(xml, /xmlns:xhtml="http:\/\/www.w3.org\/1999\/xhtml"/)
        const entry = xml.match(
          /<url><loc>http:\/\/example.org\/ru\/world\/2026\/11\/podschet-navodneniya<\/loc>.*?<\/url>/,
        )
        assert.ok(entry, 'the Russian story is in the sitemap at its /ru/ address')
        assert.match(entry[0], new RegExp(`hreflang="en" href="http://example.org${enPath}"`))
        assert.match(entry[0], /hreflang="x-default"/)
        const pages = (await get('/sitemaps/pages.xml')).body
        assert.match(pages, /<loc>http:\/\/example.org\/ru\/<\/loc>/)
        assert.match(pages, /<loc>http:\/\/example.org\/ru\/world<\/loc>/)
      })

      it('gives each edition its feed, its search and its 404', async () => {
        const feed = await get('/ru/feed.xml')
        assert.equal(feed.statusCode, 200)
        assert.match(feed.body, /Подсчёт после наводнения/)
        assert.doesNotMatch(feed.body, /The flood count/)
        assert.match(feed.body, new RegExp(`http://example.org${ruPath}`))
        const found = await get(`/ru/search.json?q=${encodeURIComponent('наводнения')}`)
        assert.equal(found.statusCode, 200)
        const json = JSON.parse(found.body) as { results: { url: string }[] }
        assert.deepEqual(
          json.results.map((r) => r.url),
          [`http://example.org${ruPath}`],
        )
        // An error the catalogue words in English is said in Russian in the Russian edition.
        const malformed = await get('/ru/world/%E0%A4%A')
        assert.equal(malformed.statusCode, 400)
        assert.match(malformed.body, /<html lang="ru"/)
        assert.match(malformed.body, /Этот запрос не удалось выполнить/)
        assert.match((await get('/world/%E0%A4%A')).body, /<html lang="en"/)
        const missing = await get('/ru/no-such-page-here/x/y')
        assert.equal(missing.statusCode, 404)
        assert.match(missing.body, /<html lang="ru"/)
      })

      it('offers each edition the newsletters in its language', async () => {
        await app.newsletters.createNewsletter({
          slug: 'weekly',
          name: 'The Weekly',
          language: 'en',
        })
        const nedelya = await app.newsletters.createNewsletter({
          slug: 'nedelya',
          name: 'Неделя',
          language: 'ru',
        })
        const ru = await get('/ru/newsletters')
        assert.equal(ru.statusCode, 200)
        assert.match(ru.body, /Неделя/)
        assert.doesNotMatch(ru.body, /The Weekly/)
        const mistyped = await app.http.inject({
          method: 'POST',
          url: '/ru/newsletters/subscribe',
          headers: { ...host, 'content-type': 'application/x-www-form-urlencoded' },
          payload: `email=not-an-address&newsletter=${nedelya}`,
        })
        assert.equal(mistyped.statusCode, 422)
        assert.match(mistyped.body, /Это не похоже на адрес электронной почты/)
        // The box under a Russian story: its consent words in Russian, the record kept of them.
        assert.match((await get(ruPath)).body, /Я хочу получать рассылку «Неделя»/)
        const en = await get('/newsletters')
        assert.match(en.body, /The Weekly/)
        assert.doesNotMatch(en.body, /Неделя/)
      })

      it('refuses a second translation in one language, and unlinks', async () => {
        const refused = await app.content
          .linkTranslation(ids.en, ids.ruAlone)
          .catch((e: unknown) => e)
        assert.ok(
          isAppError(refused) && refused.code === 'TRANSLATION_LANGUAGE_TAKEN',
          String(refused),
        )
        const same = await app.content.linkTranslation(ids.ru, ids.en).catch((e: unknown) => e)
        assert.ok(isAppError(same) && same.code === 'TRANSLATION_SAME_GROUP', String(same))
        assert.deepEqual(
          (await app.content.translationsOf(ids.en)).map((t) => t.id),
          [ids.ru],
        )
        await app.content.unlinkTranslation(ids.ru)
        assert.deepEqual(await app.content.translationsOf(ids.en), [])
        assert.doesNotMatch((await get(enPath)).body, /Читать по-русски/)
        await app.content.linkTranslation(ids.ruAlone, ids.en)
        assert.deepEqual(
          (await app.content.translationsOf(ids.ruAlone)).map((t) => t.id),
          [ids.en],
        )
      })
    },
  )
}

describe('SITE_LANGUAGES on a site with one language', () => {
  it('keeps stories at their addresses, with no prefix and no alternates', async () => {
    const app = await buildTestApp('sqlite')
    try {
      const b = await seedBasics(app)
      await app.content.createArticle(
        articleInput(b, {
          slug: 'one',
          language: 'ru',
          publishedAt: new Date('2026-11-20T10:00:00Z'),
        }),
      )
      const r = await app.http.inject({ url: '/world/2026/11/one', headers: host })
      assert.equal(r.statusCode, 200)
      assert.doesNotMatch(r.body, /hreflang/)
      assert.equal((await app.http.inject({ url: '/ru/', headers: host })).statusCode, 404)
    } finally {
      await app.close()
    }
  })
})
