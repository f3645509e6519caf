import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { adminBrowser, type AdminBrowser } from '../../test/support/admin-browser.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { articleInput, seedBasics, type Basics } from '../../test/support/factories.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

const PASSWORD = 'correct horse battery staple'
const HOUR = 3600_000

/** The headlines of one part of the front page, in order. */
function headlinesIn(html: string, part: 'home-lead' | 'home-next' | 'latest'): string[] {
  const start = html.indexOf(`<section class="${part}"`)
  if (start < 0) return []
  const end = html.indexOf('</section>', start)
  return [
    ...html.slice(start, end).matchAll(/<h[23] class="card-title"><a [^>]*>([^<]+)<\/a>/g),
  ].map((m) => m[1]!)
}

for (const dialect of testDialects) {
  describe(
    `${dialect}: editors place stories on the fronts`,
    { skip: await skipFor(dialect) },
    () => {
      let app: TestApp
      let b: Basics
      let br: AdminBrowser
      const ids: Record<string, number> = {}
      const home = async () =>
        (await app.http.inject({ url: '/', headers: { host: 'example.org' } })).body
      const place = async (slots: string[], extra: Record<string, string> = {}) =>
        br.request('POST', '/admin/fronts/edit', {
          _csrf: await br.csrf('/admin/fronts'),
          language: 'en',
          ...extra,
          slot: slots,
        })

      before(async () => {
        app = await buildTestApp(dialect, { env: { SITE_LANGUAGES: 'en,ru' } })
        b = await seedBasics(app)
        // Twelve stories an hour apart, "Story 1" the newest; one in the other section.
        for (let i = 1; i <= 12; i++) {
          const a = await app.content.createArticle(
            articleInput(b, {
              headline: `Story ${i}`,
              slug: `story-${i}`,
              publishedAt: new Date(b.now.getTime() - i * HOUR),
              ...(i === 12 ? { sectionId: b.otherSectionId } : {}),
            }),
          )
          ids[`s${i}`] = a.id
        }
        const ru = await app.content.createArticle(
          articleInput(b, { headline: 'Русская история', slug: 'ru-story', language: 'ru' }),
        )
        ids['ru'] = ru.id
        for (const [email, role] of [
          ['editor@example.org', 'editor'],
          ['author@example.org', 'author'],
        ] as const)
          await app.staff.addStaff({ email, name: role, role, password: PASSWORD })
        br = adminBrowser(app.http)
        await br.signIn('editor@example.org', PASSWORD)
      })
      after(() => app.close())

      it('fills the top of the home page with the newest stories until an editor places some', async () => {
        const page = await home()
        assert.deepEqual(headlinesIn(page, 'home-lead'), ['Story 1'])
        assert.deepEqual(headlinesIn(page, 'home-next'), [
          'Story 2',
          'Story 3',
          'Story 4',
          'Story 5',
        ])
        assert.deepEqual(headlinesIn(page, 'latest').slice(0, 2), ['Story 6', 'Story 7'])
      })

      it('shows the lead and next stories an editor placed, then the newest, each once', async () => {
        const before = await home() // cached now: placing must purge it
        assert.deepEqual(headlinesIn(before, 'home-lead'), ['Story 1'])
        const saved = await place([String(ids['s9']), String(ids['s2']), '', ''])
        assert.equal(saved.statusCode, 303, saved.body.slice(0, 300))
        const page = await home()
        assert.deepEqual(headlinesIn(page, 'home-lead'), ['Story 9'])
        assert.deepEqual(headlinesIn(page, 'home-next'), [
          'Story 2',
          'Story 1',
          'Story 3',
          'Story 4',
        ])
        assert.ok(!headlinesIn(page, 'latest').includes('Story 9'), 'no story twice')
        const form = await br.request('GET', '/admin/fronts/edit?language=en')
        assert.match(
          form.body,
          new RegExp(`<option value="${ids['s9']}" selected>Story 9</option>`),
        )
        const list = await br.request('GET', '/admin/fronts')
        assert.match(list.body, /<ol class="placed"><li>Story 9<\/li><li>Story 2<\/li><\/ol>/)
      })

      it('passes over a placed story that is no longer published', async () => {
        const a = await app.repo.findArticleById(ids['s9']!)
        await app.content.updateArticle(a!.id, {
          ...articleInput(b),
          headline: 'Story 9',
          slug: 'story-9',
          status: 'draft',
        })
        assert.deepEqual(headlinesIn(await home(), 'home-lead'), ['Story 2'])
      })

      it('refuses a story of another edition or section, changing nothing', async () => {
        const other = await place([String(ids['ru'])])
        assert.equal(other.statusCode, 422)
        assert.match(other.body, /The lead: “Русская история” is in another language/)
        const section = await place([String(ids['s12'])], { section: String(b.sectionId) })
        assert.equal(section.statusCode, 422)
        assert.match(section.body, /is filed in/)
        const junk = await place([String(ids['s9']), '<script>alert(1)</script>'])
        assert.equal(junk.statusCode, 422)
        assert.match(junk.body, /Story 2: choose a story from the list/)
        const noSuchSection = await place([String(ids['s8'])], { section: 'x; drop table' })
        assert.equal(noSuchSection.statusCode, 404, 'never read as the home page')
        const missing = await place(['999999'])
        assert.equal(missing.statusCode, 422)
        assert.match(missing.body, /there is no story 999999/)
        assert.deepEqual(await app.content.placedOnFront({ language: 'en' }), [
          ids['s9'],
          ids['s2'],
        ])
        const noSection = await br.request('GET', '/admin/fronts/edit?section=999999&language=en')
        assert.equal(noSection.statusCode, 404)
        const noEdition = await br.request('GET', '/admin/fronts/edit?language=de')
        assert.equal(noEdition.statusCode, 404)
      })

      it('puts a section front’s placed story first on its first page only', async () => {
        const saved = await place([String(ids['s8'])], { section: String(b.sectionId) })
        assert.equal(saved.statusCode, 303)
        const s = (await app.content.listSections()).find((x) => x.id === b.sectionId)!
        const page = (
          await app.http.inject({ url: `/${s.slug}`, headers: { host: 'example.org' } })
        ).body
        const titles = [...page.matchAll(/<h2 class="card-title"><a [^>]*>([^<]+)<\/a>/g)].map(
          (m) => m[1],
        )
        assert.equal(titles[0], 'Story 8')
        assert.equal(titles.filter((t) => t === 'Story 8').length, 1)
      })

      it('gives the front back to the newest stories when every place is emptied', async () => {
        const saved = await place(['', '', '', '', ''])
        assert.equal(saved.statusCode, 303)
        assert.deepEqual(await app.content.placedOnFront({ language: 'en' }), [])
        assert.deepEqual(headlinesIn(await home(), 'home-lead'), ['Story 1'])
      })

      it('is for editors: an author may not place stories', async () => {
        const author = adminBrowser(app.http)
        await author.signIn('author@example.org', PASSWORD)
        assert.equal((await author.request('GET', '/admin/fronts')).statusCode, 403)
      })
    },
  )
}
