import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { type AdminBrowser, signedInStaff } from '../../test/support/admin-browser.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { articleInput, seedBasics, type Basics } from '../../test/support/factories.js'
import { multipartBody } from '../../test/support/multipart.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

const PASSWORD = 'correct horse battery staple'

for (const dialect of testDialects) {
  describe(
    `${dialect}: an author's page with photo and links`,
    { skip: await skipFor(dialect) },
    () => {
      let app: TestApp
      let b: Basics
      let br: AdminBrowser
      const edit = () => `/admin/taxonomy/author/${b.authorId}`
      const upload = async (fields: Record<string, string>, file: Buffer | null) => {
        const m = multipartBody(
          { _csrf: await br.csrf(edit()), ...fields },
          file ? { field: 'file', name: 'me.png', type: 'image/png', data: file } : null,
        )
        return app.http.inject({
          method: 'POST',
          url: `${edit()}/photo`,
          headers: { host: 'example.org', cookie: br.header(), 'content-type': m.type },
          payload: m.body,
        })
      }
      const authorPage = () =>
        app.http.inject({ url: '/author/ana-petrova', headers: { host: 'example.org' } })

      before(async () => {
        app = await buildTestApp(dialect)
        b = await seedBasics(app)
        await app.content.createArticle(
          articleInput(b, { headline: 'A story by Ana', status: 'published' }),
        )
        br = await signedInStaff(app, {
          email: 'editor@example.org',
          name: 'Eda',
          role: 'editor',
          password: PASSWORD,
        })
      })
      after(() => app.close())

      it('keeps links typed one per line, shows them and names them as sameAs', async () => {
        const saved = await br.request('POST', edit(), {
          _csrf: await br.csrf(edit()),
          name: 'Ana Petrova',
          slug: 'ana-petrova',
          role: 'Correspondent',
          bio: 'Covers the courts.',
          links: 'https://www.ana.example/\nhttps://social.example/@ana',
        })
        assert.equal(saved.statusCode, 200, saved.body.slice(0, 300))
        assert.match(saved.body, /https:\/\/www\.ana\.example\/\nhttps:\/\/social\.example\/@ana/)
        const page = await authorPage()
        assert.equal(page.statusCode, 200)
        assert.match(
          page.body,
          /<a href="https:\/\/www\.ana\.example\/" rel="me noopener noreferrer">ana\.example<\/a>/,
        )
        assert.match(page.body, />social\.example\/@ana<\/a>/)
        const ld = [...page.body.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)]
          .map((m) => JSON.parse(m[1]!) as Record<string, unknown>)
          .find((o) => o['@type'] === 'ProfilePage') as { mainEntity: Record<string, unknown> }
        assert.ok(ld, 'the page carries a ProfilePage')
        assert.equal(ld.mainEntity['@type'], 'Person')
        assert.equal(ld.mainEntity['name'], 'Ana Petrova')
        assert.equal(ld.mainEntity['jobTitle'], 'Correspondent')
        assert.equal(ld.mainEntity['description'], 'Covers the courts.')
        assert.deepEqual(ld.mainEntity['sameAs'], [
          'https://www.ana.example/',
          'https://social.example/@ana',
        ])
      })

      it('refuses a line that is not a web address, naming it, and keeps what was there', async () => {
        const bad = await br.request('POST', edit(), {
          _csrf: await br.csrf(edit()),
          name: 'Ana Petrova',
          slug: 'ana-petrova',
          role: 'Correspondent',
          bio: 'Covers the courts.',
          links: 'https://ok.example/\njavascript:alert(1)',
        })
        assert.equal(bad.statusCode, 422)
        assert.match(bad.body, /line 2 must be an https:\/\/ address/)
        assert.match(
          bad.body,
          /javascript:alert\(1\)<\/textarea>/,
          'what was typed stays in the form',
        )
        const page = await authorPage()
        assert.match(page.body, /ana\.example<\/a>/, 'the links saved before are unchanged')
        assert.doesNotMatch(page.body, /ok\.example/)
      })

      it('uploads a photo from the author form, shows it, replaces and removes it', async () => {
        const { default: sharp } = await import('sharp')
        const png = await sharp({
          create: { width: 400, height: 400, channels: 3, background: '#884422' },
        })
          .png()
          .toBuffer()
        const imagesBefore = (await app.repo.searchImages('', 1000)).length
        const noAlt = await upload({ alt: ' ' }, png)
        assert.equal(noAlt.statusCode, 422)
        assert.match(noAlt.body, /Alt text: describe what the photo shows/)
        const notPhoto = await upload({ alt: 'Ana' }, Buffer.from('<svg onload="alert(1)"/>'))
        assert.ok(
          notPhoto.statusCode >= 400 && notPhoto.statusCode < 500,
          String(notPhoto.statusCode),
        )
        assert.equal((await app.repo.searchImages('', 1000)).length, imagesBefore, 'nothing stored')
        assert.equal(await app.repo.authorPhoto(b.authorId), null)

        const ok = await upload({ alt: 'Ana Petrova at her desk', credit: 'Staff' }, png)
        assert.equal(ok.statusCode, 303, ok.body.slice(0, 300))
        const photo = await app.repo.authorPhoto(b.authorId)
        assert.equal(photo?.alt, 'Ana Petrova at her desk')
        const page = await authorPage()
        assert.match(page.body, /class="list-header with-photo"/)
        assert.match(page.body, /<img src="\/media\/[^"]+\.webp"[^>]*alt="Ana Petrova at her desk"/)
        assert.match(page.body, /"image":"http:\/\/example\.org\/media\//)
        const form = await br.request('GET', edit())
        assert.match(form.body, /Replace the photo/)
        assert.match(form.body, /Remove the photo/)

        const removed = await br.request('POST', `${edit()}/photo/remove`, {
          _csrf: await br.csrf(edit()),
        })
        assert.equal(removed.statusCode, 303)
        assert.equal(await app.repo.authorPhoto(b.authorId), null)
        assert.doesNotMatch((await authorPage()).body, /with-photo/)
        assert.ok(
          (await app.repo.searchImages('', 1000)).some((i) => i.id === photo!.id),
          'the photo stays in the library',
        )
        const audited = await app.storage.db
          .selectFrom('audit_entry')
          .select('detail')
          .where('action', '=', 'author.photo')
          .orderBy('id')
          .execute()
        assert.deepEqual(
          audited.map((a) => a.detail),
          [`image:${photo!.id}`, 'removed'],
        )
      })

      it('answers 404 for a photo of an author that is not there, changing nothing', async () => {
        const res = await br.request('POST', '/admin/taxonomy/author/999999/photo/remove', {
          _csrf: await br.csrf(edit()),
        })
        assert.equal(res.statusCode, 404)
      })
    },
  )
}
