import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { adminBrowser, type AdminBrowser, signedInStaff } from '../../test/support/admin-browser.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { seedBasics, type Basics } from '../../test/support/factories.js'
import { multipartBody } from '../../test/support/multipart.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'
import { statusFromForm } from './article-form.js'

describe('the status a save asks for', () => {
  it('publishes or unpublishes by the button pressed, else takes the select', () => {
    assert.equal(statusFromForm('publish', 'draft'), 'published')
    assert.equal(statusFromForm('unpublish', 'published'), 'unpublished')
    assert.equal(statusFromForm('save', 'scheduled'), 'scheduled')
    assert.equal(statusFromForm('', 'review'), 'review')
    assert.equal(statusFromForm('anything', 'draft'), 'draft')
  })
})

// The form's markup and its buttons, on SQLite: saving itself is tested on both databases in
// admin.test.ts, and nothing here reads storage in its own way.
describe('sqlite: the story form on one page', () => {
  let app: TestApp
  let b: Basics
  let br: AdminBrowser
  before(async () => {
    app = await buildTestApp('sqlite')
    b = await seedBasics(app)
    br = await signedInStaff(app, {
      email: 'editor@example.org',
      name: 'Eda',
      role: 'editor',
      password: 'correct horse battery staple',
    })
  })
  after(() => app.close())

  const fields = (extra: Record<string, string | string[]>) => ({
    headline: 'A story in one page',
    sectionId: String(b.sectionId),
    body: '<p>Words.</p>',
    status: 'draft',
    version: '',
    ...extra,
  })

  it('puts headline, standfirst and body first, the rest beside them', async () => {
    const form = (await br.request('GET', '/admin/articles/new')).body
    const at = (s: string) => form.indexOf(s)
    assert.ok(at('id="headline"') < at('id="standfirst"'))
    assert.ok(at('id="standfirst"') < at('id="body"'))
    assert.ok(at('id="body"') < at('class="write-side"'), 'the words come before the settings')
    assert.ok(at('class="write-side"') < at('id="status"'))
    assert.match(form, /<button type="submit" name="intent" value="save"[^>]*>Save draft<\/button>/)
    assert.match(form, /value="publish" class="secondary">Publish now<\/button>/)
    // One empty byline row on a new story, not six.
    assert.equal([...form.matchAll(/name="byline"/g)].length, 1)
  })

  it('publishes a draft with "Publish now", then offers "Update" and "Unpublish"', async () => {
    const saved = await br.request('POST', '/admin/articles', {
      _csrf: await br.csrf('/admin/articles/new'),
      ...fields({ intent: 'publish', byline: ['Ana Petrova', 'A Guest', ''] }),
    })
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 400))
    const id = Number(/\/admin\/articles\/(\d+)/.exec(saved.headers.location as string)![1])
    assert.equal((await app.repo.findArticleById(id))?.status, 'published')
    const form = (await br.request('GET', `/admin/articles/${id}`)).body
    assert.match(form, /value="save" data-save-label="true" data-live="true">Update<\/button>/)
    assert.match(form, /value="unpublish" class="secondary">Unpublish<\/button>/)
    assert.doesNotMatch(form, /Publish now/)
    assert.equal([...form.matchAll(/name="byline"/g)].length, 3, 'two names and one empty row')
    const version = /name="version" value="([^"]*)"/.exec(form)![1]!
    const back = await br.request('POST', `/admin/articles/${id}`, {
      _csrf: await br.csrf(`/admin/articles/${id}`),
      ...fields({ intent: 'unpublish', status: 'published', version, slug: 'a-story-in-one-page' }),
    })
    assert.equal(back.statusCode, 303, back.body.slice(0, 400))
    assert.equal((await app.repo.findArticleById(id))?.status, 'unpublished')
  })

  it('never lets a contributor publish with the button either', async () => {
    await app.staff.addStaff({
      email: 'c@example.org',
      name: 'Cee',
      role: 'contributor',
      password: 'correct horse battery staple',
    })
    const c = adminBrowser(app.http)
    await c.signIn('c@example.org', 'correct horse battery staple')
    const form = (await c.request('GET', '/admin/articles/new')).body
    assert.doesNotMatch(form, /Publish now/)
    const before = await app.repo.countArticles()
    const res = await c.request('POST', '/admin/articles', {
      _csrf: await c.csrf('/admin/articles/new'),
      ...fields({ intent: 'publish', slug: 'sneaky' }),
    })
    assert.equal(res.statusCode, 403)
    assert.equal(await app.repo.countArticles(), before)
  })
})

for (const dialect of testDialects) {
  describe(
    `${dialect}: a new lead photo uploaded with the story`,
    { skip: await skipFor(dialect) },
    () => {
      let app: TestApp
      let b: Basics
      let br: AdminBrowser
      let png: Buffer
      before(async () => {
        app = await buildTestApp(dialect)
        b = await seedBasics(app)
        br = await signedInStaff(app, {
          email: 'editor@example.org',
          name: 'Eda',
          role: 'editor',
          password: 'correct horse battery staple',
        })
        const { default: sharp } = await import('sharp')
        png = await sharp({
          create: { width: 1200, height: 800, channels: 3, background: '#335577' },
        })
          .png()
          .toBuffer()
      })
      after(() => app.close())

      const post = async (fields: Record<string, string | string[]>, file: Buffer | null) => {
        const m = multipartBody(
          { _csrf: await br.csrf('/admin/articles/new'), ...fields },
          file ? { field: 'leadPhotoFile', name: 'p.png', type: 'image/png', data: file } : null,
        )
        return app.http.inject({
          method: 'POST',
          url: '/admin/articles',
          headers: { host: 'example.org', cookie: br.header(), 'content-type': m.type },
          payload: m.body,
        })
      }
      const story = (extra: Record<string, string | string[]>) => ({
        headline: 'Flood waters reach the old town',
        sectionId: String(b.sectionId),
        body: '<p>The river rose overnight.</p>',
        status: 'draft',
        version: '',
        topicIds: b.topicIds.slice(0, 2).map(String),
        byline: ['Ana Petrova', ''],
        ...extra,
      })

      it('publishes a story with a photo uploaded from the form, in one request', async () => {
        const images = (await app.repo.searchImages('', 1000)).length
        const res = await post(
          story({
            intent: 'publish',
            leadPhotoAlt: 'Water in the market square',
            leadPhotoCaption: 'The market square at noon.',
            leadPhotoCredit: 'Staff',
          }),
          png,
        )
        assert.equal(res.statusCode, 303, res.body.slice(0, 400))
        const id = Number(/\/admin\/articles\/(\d+)/.exec(res.headers.location as string)![1])
        const a = await app.repo.findArticleById(id)
        assert.equal(a?.status, 'published')
        assert.equal(a?.leadImage?.alt, 'Water in the market square')
        assert.equal(a?.leadImage?.caption, 'The market square at noon.')
        assert.deepEqual(
          a?.topics.map((t) => t.id),
          b.topicIds.slice(0, 2),
          'repeated fields came through multipart',
        )
        assert.equal((await app.repo.searchImages('', 1000)).length, images + 1)
      })

      it('lists the library for the editor’s photo picker, searched, each with a small copy', async () => {
        const res = await br.request('GET', '/admin/media.json?q=market')
        assert.equal(res.statusCode, 200)
        const { images } = JSON.parse(res.body) as {
          images: { id: number; alt: string; thumb: string }[]
        }
        assert.deepEqual(
          images.map((i) => i.alt),
          ['Water in the market square'],
        )
        assert.match(images[0]!.thumb, /^\/media\/[^/]+\/\d+\.webp$/)
        const none = JSON.parse((await br.request('GET', '/admin/media.json?q=zzzz')).body) as {
          images: unknown[]
        }
        assert.deepEqual(none.images, [])
      })

      it('refuses a photo without alt text, or one that is not a photo, storing nothing', async () => {
        const images = (await app.repo.searchImages('', 1000)).length
        const articles = await app.repo.countArticles()
        const noAlt = await post(story({ slug: 'no-alt' }), png)
        assert.equal(noAlt.statusCode, 422)
        assert.match(noAlt.body, /New lead photo: describe what it shows/)
        assert.match(
          noAlt.body,
          /value="Flood waters reach the old town"/,
          'the form comes back filled',
        )
        const notPhoto = await post(
          story({ slug: 'not-photo', leadPhotoAlt: 'x' }),
          Buffer.from('<svg onload="alert(1)"/>'),
        )
        assert.ok(
          notPhoto.statusCode >= 400 && notPhoto.statusCode < 500,
          String(notPhoto.statusCode),
        )
        assert.match(notPhoto.body, /New lead photo:/)
        assert.equal((await app.repo.searchImages('', 1000)).length, images)
        assert.equal(await app.repo.countArticles(), articles)
      })

      it('takes the photo back out of the library when the story itself is refused', async () => {
        const images = (await app.repo.searchImages('', 1000)).length
        // The address is taken by the story published above.
        const res = await post(
          story({ slug: 'flood-waters-reach-the-old-town', leadPhotoAlt: 'Water again' }),
          png,
        )
        assert.equal(res.statusCode, 409, res.body.slice(0, 300))
        assert.equal((await app.repo.searchImages('', 1000)).length, images, 'no photo left behind')
      })
    },
  )
}
