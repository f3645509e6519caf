import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { type AdminBrowser, signedInStaff } from '../../test/support/admin-browser.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { seedBasics, type Basics } from '../../test/support/factories.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

const PASSWORD = 'correct horse battery staple'

for (const dialect of testDialects) {
  describe(
    `${dialect}: staff read and type times in TIME_ZONE`,
    { skip: await skipFor(dialect) },
    () => {
      let app: TestApp
      let b: Basics
      let br: AdminBrowser

      before(async () => {
        app = await buildTestApp(dialect, { env: { TIME_ZONE: 'Europe/Riga' } })
        b = await seedBasics(app)
        br = await signedInStaff(app, {
          email: 'editor@example.org',
          name: 'Eda',
          role: 'editor',
          password: PASSWORD,
        })
      })
      after(() => app.close())

      it('schedules at 12:00 Riga time in summer (09:00 UTC) and shows 12:00 back', async () => {
        const form = await br.request('GET', '/admin/articles/new')
        assert.match(form.body, /Publication time, Europe\/Riga/)
        const saved = await br.request('POST', '/admin/articles', {
          _csrf: await br.csrf('/admin/articles/new'),
          headline: 'Scheduled for noon in Riga',
          sectionId: String(b.sectionId),
          body: '<p>Noon.</p>',
          status: 'scheduled',
          publishedAt: '2027-07-15T12:00',
          version: '',
        })
        assert.equal(saved.statusCode, 303, saved.body.slice(0, 300))
        const id = Number(/\/admin\/articles\/(\d+)/.exec(saved.headers.location as string)![1])
        const a = await app.repo.findArticleById(id)
        assert.equal(a?.publishedAt?.toISOString(), '2027-07-15T09:00:00.000Z')
        const edit = await br.request('GET', `/admin/articles/${id}`)
        assert.match(edit.body, /name="publishedAt" type="datetime-local" value="2027-07-15T12:00"/)
        // A time that does not exist is refused with the zone named, and nothing is saved.
        const before = await app.repo.countArticles()
        const bad = await br.request('POST', '/admin/articles', {
          _csrf: await br.csrf('/admin/articles/new'),
          headline: 'Never',
          sectionId: String(b.sectionId),
          body: '<p>x</p>',
          status: 'scheduled',
          publishedAt: '2027-02-30T12:00',
          version: '',
        })
        assert.equal(bad.statusCode, 422)
        assert.match(
          bad.body,
          /Publication time: use the date picker \(YYYY-MM-DD HH:MM, Europe\/Riga\)/,
        )
        assert.equal(await app.repo.countArticles(), before)
      })
    },
  )
}
