import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { adminBrowser, type AdminBrowser } from '../../test/support/admin-browser.js'
import { seedBasics, type Basics } from '../../test/support/factories.js'
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
    await app.staff.addStaff({
      email: 'editor@example.org',
      name: 'Eda',
      role: 'editor',
      password: 'correct horse battery staple',
    })
    br = adminBrowser(app.http)
    await br.signIn('editor@example.org', 'correct horse battery staple')
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
