import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { type AdminBrowser, signedInStaff } from '../../test/support/admin-browser.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { articleInput, seedBasics, type Basics } from '../../test/support/factories.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

const PASSWORD = 'correct horse battery staple'

for (const dialect of testDialects) {
  describe(
    `${dialect}: staff write in several languages and link translations`,
    { skip: await skipFor(dialect) },
    () => {
      let app: TestApp
      let b: Basics
      let br: AdminBrowser

      before(async () => {
        app = await buildTestApp(dialect, { env: { SITE_LANGUAGES: 'en,ru' } })
        b = await seedBasics(app)
        br = await signedInStaff(app, {
          email: 'editor@example.org',
          name: 'Eda',
          role: 'editor',
          password: PASSWORD,
        })
      })
      after(() => app.close())

      it('saves a story in the chosen language, refuses one the site does not have', async () => {
        const form = await br.request('GET', '/admin/articles/new')
        assert.match(form.body, /<select id="language" name="language">/)
        assert.match(form.body, /<option value="ru">Russian \(ru\)<\/option>/)
        const fields = {
          headline: 'Новость дня',
          sectionId: String(b.sectionId),
          body: '<p>Текст.</p>',
          status: 'draft',
          version: '',
        }
        const saved = await br.request('POST', '/admin/articles', {
          _csrf: await br.csrf('/admin/articles/new'),
          ...fields,
          language: 'ru',
        })
        assert.equal(saved.statusCode, 303, saved.body.slice(0, 300))
        const id = Number(/\/admin\/articles\/(\d+)/.exec(saved.headers.location as string)![1])
        assert.equal((await app.repo.findArticleById(id))?.language, 'ru')
        const before = await app.repo.countArticles()
        const bad = await br.request('POST', '/admin/articles', {
          _csrf: await br.csrf('/admin/articles/new'),
          ...fields,
          language: 'de',
        })
        assert.equal(bad.statusCode, 422)
        assert.match(
          bad.body,
          /Language: choose one of the site&#39;s languages \(en, ru\)|Language: choose one of the site's languages \(en, ru\)/,
        )
        assert.equal(await app.repo.countArticles(), before, 'nothing was written')
        const list = await br.request('GET', '/admin/articles?language=ru')
        assert.match(list.body, /Новость дня/)
        const en = await br.request('GET', '/admin/articles?language=en')
        assert.doesNotMatch(en.body, /Новость дня/)
      })

      it('names a section in the other edition, shown to that edition’s readers', async () => {
        const form = await br.request('GET', `/admin/taxonomy/section/${b.sectionId}`)
        assert.match(form.body, /Names in the other editions/)
        assert.match(form.body, /<legend>Russian \(ru\)<\/legend>/)
        const saved = await br.request('POST', `/admin/taxonomy/section/${b.sectionId}/names/ru`, {
          _csrf: await br.csrf(`/admin/taxonomy/section/${b.sectionId}`),
          name: 'Мир',
          description: 'Новости отовсюду.',
        })
        assert.equal(saved.statusCode, 303)
        const ru = await app.http.inject({ url: '/ru/', headers: { host: 'example.org' } })
        assert.match(ru.body, /<a href="[^"]*world"[^>]*>Мир<\/a>/)
        const en = await app.http.inject({ url: '/', headers: { host: 'example.org' } })
        assert.doesNotMatch(en.body, />Мир</)
        const unknown = await br.request(
          'POST',
          `/admin/taxonomy/section/${b.sectionId}/names/de`,
          {
            _csrf: await br.csrf(`/admin/taxonomy/section/${b.sectionId}`),
            name: 'Welt',
            description: '',
          },
        )
        assert.equal(unknown.statusCode, 404)
      })

      it('links a translation from the form, shows it, refuses a bad choice, unlinks', async () => {
        const en = await app.content.createArticle(articleInput(b, { headline: 'The flood' }))
        const ru = await app.content.createArticle(
          articleInput(b, { headline: 'Наводнение', language: 'ru' }),
        )
        const form = await br.request('GET', `/admin/articles/${en.id}`)
        assert.match(form.body, /<h2 id="translations-title">Translations<\/h2>/)
        assert.match(form.body, new RegExp(`<option value="${ru.id}">ru: Наводнение</option>`))
        const csrf = await br.csrf(`/admin/articles/${en.id}`)
        const junk = await br.request('POST', `/admin/articles/${en.id}/translations`, {
          _csrf: csrf,
          otherId: 'x',
        })
        assert.equal(junk.statusCode, 422)
        assert.match(junk.body, /Choose the story to link from the list/)
        const linked = await br.request('POST', `/admin/articles/${en.id}/translations`, {
          _csrf: csrf,
          otherId: String(ru.id),
        })
        assert.equal(linked.statusCode, 303)
        assert.deepEqual(
          (await app.content.translationsOf(en.id)).map((t) => t.id),
          [ru.id],
        )
        const again = await br.request('POST', `/admin/articles/${en.id}/translations`, {
          _csrf: csrf,
          otherId: String(ru.id),
        })
        assert.equal(again.statusCode, 409)
        assert.match(again.body, /already translations of each other/)
        // A story that is not there, and a second story in a language the group has: refused,
        // the group unchanged.
        const nowhere = await br.request('POST', `/admin/articles/${en.id}/translations`, {
          _csrf: csrf,
          otherId: '999999',
        })
        assert.equal(nowhere.statusCode, 404)
        const ru2 = await app.content.createArticle(
          articleInput(b, { headline: 'Второе наводнение', language: 'ru' }),
        )
        const taken = await br.request('POST', `/admin/articles/${en.id}/translations`, {
          _csrf: csrf,
          otherId: String(ru2.id),
        })
        assert.equal(taken.statusCode, 409)
        assert.match(taken.body, /one translation per language/)
        assert.deepEqual(
          (await app.content.translationsOf(en.id)).map((t) => t.id),
          [ru.id],
        )
        const author = await br.request('POST', `/admin/taxonomy/author/1/names/ru`, {
          _csrf: csrf,
          name: 'x',
          description: '',
        })
        assert.equal(author.statusCode, 404, 'authors have no names per language')
        const shown = await br.request('GET', `/admin/articles/${en.id}`)
        assert.match(
          shown.body,
          new RegExp(`<a href="/admin/articles/${ru.id}" lang="ru">Наводнение</a>`),
        )
        const unlinked = await br.request('POST', `/admin/articles/${en.id}/translations/unlink`, {
          _csrf: csrf,
        })
        assert.equal(unlinked.statusCode, 303)
        assert.deepEqual(await app.content.translationsOf(en.id), [])
      })

      it('offers the site’s languages that lack an appeal, instead of a typed address', async () => {
        const first = (await br.request('GET', '/admin/appeal')).body
        assert.doesNotMatch(first, /\?language=xx/)
        assert.match(first, /Language: <strong>English \(en\)<\/strong>/)
        const select = /<select id="ap-add-language" name="language">(.*?)<\/select>/.exec(first)
        assert.ok(select, 'an "Add a language" select')
        assert.equal(select[1], '<option value="ru">Russian (ru)</option>')
        assert.match(first, /<form method="get" action="\/admin\/appeal"/)
        const ru = (await br.request('GET', '/admin/appeal?language=ru')).body
        assert.match(ru, /Language: <strong>Russian \(ru\)<\/strong>/)
        assert.match(ru, /name="language" value="ru"/)
        // Once both have an appeal there is nothing left to add.
        for (const l of ['en', 'ru'])
          await app.contributions.saveAppeal(app.contributions.draftAppeal(l))
        assert.doesNotMatch((await br.request('GET', '/admin/appeal')).body, /id="ap-add-language"/)
      })
    },
  )
}
