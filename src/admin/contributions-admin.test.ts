import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Role } from '../staff/policy.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { articleInput, seedBasics } from '../../test/support/factories.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'
import { adminBrowser, type AdminBrowser } from '../../test/support/admin-browser.js'

const PASSWORD = 'correct horse battery staple'

for (const dialect of testDialects) {
  describe(
    `${dialect}: appeal editor and revenue dashboard`,
    { skip: await skipFor(dialect) },
    () => {
      let app: TestApp
      let articleUrl = ''
      const browsers = new Map<Role, AdminBrowser>()
      const request = (
        role: Role | null,
        method: 'GET' | 'POST',
        url: string,
        form?: Record<string, string | string[]>,
      ) => (role ? browsers.get(role)! : adminBrowser(app.http)).request(method, url, form)
      const csrf = (role: Role, url: string) => browsers.get(role)!.csrf(url)

      /** The form as the admin page fills it, with some fields changed. */
      async function appealForm(role: Role, change: Record<string, string | string[]>) {
        const page = (await request(role, 'GET', '/admin/appeal')).body
        const form: Record<string, string | string[]> = {}
        for (const m of page.matchAll(/<input([^>]*)>/g)) {
          const name = /name="([^"]+)"/.exec(m[1]!)?.[1]
          const value = /value="([^"]*)"/.exec(m[1]!)?.[1] ?? ''
          if (!name) continue
          if (/type="radio"/.test(m[1]!)) {
            if (/ checked/.test(m[1]!)) form[name] = value
          } else if (/type="checkbox"/.test(m[1]!)) {
            if (/ checked/.test(m[1]!)) form[name] = [...[form[name] ?? []].flat(), value]
          } else form[name] = value.replace(/&amp;/g, '&')
        }
        for (const m of page.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g))
          form[m[1]!] = m[2]!.replace(/&amp;/g, '&')
        for (const m of page.matchAll(
          /<select[^>]*name="([^"]+)"[^>]*>(?:(?!<\/select>)[\s\S])*?<option value="([^"]+)" selected/g,
        ))
          form[m[1]!] = m[2]!
        return { ...form, ...change }
      }

      before(async () => {
        app = await buildTestApp(dialect, { env: { PUBLIC_URL: 'http://example.org' } })
        const b = await seedBasics(app)
        await app.contributions.saveAppeal(app.contributions.draftAppeal('en'))
        const a = await app.content.createArticle(articleInput(b, { slug: 'appealing' }))
        const d = a.publishedAt!
        articleUrl = `/world/${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/appealing`
        for (const role of ['admin', 'editor', 'author'] as const) {
          await app.staff.addStaff({
            email: `${role}@example.org`,
            name: role,
            role,
            password: PASSWORD,
          })
          const br = adminBrowser(app.http)
          await br.signIn(`${role}@example.org`, PASSWORD)
          browsers.set(role, br)
        }
      })
      after(() => app?.close())

      it('lets editors change the appeal, and readers see it at once', async () => {
        assert.match((await request(null, 'GET', articleUrl)).body, /A message from The Lantern/)
        const form = await appealForm('editor', {
          _csrf: await csrf('editor', '/admin/appeal'),
          headline: 'Keep the lights on',
          cur_EUR_monthly: '4, 8, 16',
          cur_USD_once: '',
          cur_USD_monthly: '',
          cur_USD_annual: '',
          cur_USD_minimum: '',
        })
        // The amount chosen first is picked among the amounts, not typed as a number.
        const editor = (await request('editor', 'GET', '/admin/appeal')).body
        assert.doesNotMatch(editor, /type="number" [^>]*name="defaultAmountIndex"/)
        assert.match(editor, /<legend>Amount chosen first<\/legend>/)
        assert.match(editor, /name="defaultAmountIndex" value="1"\/> €3 · \$3 · £3<\/label>/)
        assert.match(
          editor,
          /name="defaultAmountIndex" value="2" checked\/> €5 · \$5 · £5<\/label>/,
        )
        form['defaultAmountIndex'] = '3'
        const res = await request('editor', 'POST', '/admin/appeal', form)
        assert.equal(res.statusCode, 200, res.body.slice(0, 2000))
        assert.match(res.body, /Saved\./)
        assert.match(res.body, /name="defaultAmountIndex" value="3" checked\/> €16 · £10<\/label>/)
        assert.equal((await app.contributions.listAppeals())[0]!.defaultAmountIndex, 2)
        const page = (await request(null, 'GET', articleUrl)).body
        assert.match(page, /Keep the lights on/)
        assert.match(page, />€8 a month</)
        assert.doesNotMatch(page, /currency=USD/)
      })

      it('refuses an appeal with amounts below its minimum, listing why, and keeps the old one', async () => {
        const form = await appealForm('editor', {
          _csrf: await csrf('editor', '/admin/appeal'),
          headline: 'Should not be saved',
          cur_EUR_minimum: '50',
        })
        const res = await request('editor', 'POST', '/admin/appeal', form)
        assert.equal(res.statusCode, 422)
        assert.match(res.body, /Nothing was saved/)
        assert.match(res.body, /below the minimum/)
        const bad = await request('editor', 'POST', '/admin/appeal', {
          ...form,
          cur_EUR_minimum: '2',
          cur_EUR_once: 'five, ten',
        })
        assert.equal(bad.statusCode, 422)
        assert.match(bad.body, /EUR: write amounts as numbers/)
        assert.doesNotMatch((await request(null, 'GET', articleUrl)).body, /Should not be saved/)
      })

      it('keeps the appeal from authors and revenue from editors', async () => {
        assert.equal((await request('author', 'GET', '/admin/appeal')).statusCode, 403)
        assert.equal((await request('editor', 'GET', '/admin/contributions')).statusCode, 403)
        assert.equal((await request('editor', 'GET', '/admin/contributions.csv')).statusCode, 403)
      })

      it('shows admins money in, recurring revenue and a chart, and exports CSV', async () => {
        for (const [frequency, amount] of [
          ['monthly', '800'],
          ['once', '1000'],
        ] as const) {
          const start = await request(null, 'POST', '/support/checkout', {
            frequency,
            [`amount_${frequency}`]: amount,
            custom: '',
            currency: 'EUR',
            method: 'card',
            language: 'en',
          })
          assert.equal(start.statusCode, 303)
          await request(null, 'POST', String(start.headers.location), { outcome: 'pay' })
        }
        const page = await request('admin', 'GET', '/admin/contributions')
        assert.equal(page.statusCode, 200)
        assert.match(page.body, /<strong>€8<\/strong> a month from 1 recurring gift</)
        assert.match(page.body, /<strong>2 new supporters<\/strong>/)
        assert.match(page.body, /<strong>0 recurring gifts<\/strong> cancelled/)
        assert.match(page.body, /<svg viewBox="0 0 720 180" role="img"/)
        assert.match(page.body, /€18/)
        const csv = await request('admin', 'GET', '/admin/contributions.csv')
        assert.equal(csv.statusCode, 200)
        assert.match(String(csv.headers['content-type']), /^text\/csv/)
        const lines = csv.body.trim().split('\r\n')
        assert.equal(
          lines[0],
          'id,created,paid,cancelled,status,frequency,amount,currency,method,provider,language,email',
        )
        assert.equal(lines.length, 3)
        assert.match(lines[1]!, /,paid,once,1000,EUR,card,test,en,$/)
      })
    },
  )
}
