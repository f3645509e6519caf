import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { articleInput, seedBasics } from '../../../test/support/factories.js'
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js'
import { createMemoryTransport } from '../../email/index.js'

for (const dialect of testDialects) {
  describe(
    `${dialect}: banner, appeal, chooser and the test checkout`,
    { skip: await skipFor(dialect) },
    () => {
      let app: TestApp
      let articleUrl = ''
      let cultureUrl = ''
      const mail = createMemoryTransport()
      const form = (
        url: string,
        body: Record<string, string>,
        headers: Record<string, string> = {},
      ) =>
        app.http.inject({
          method: 'POST',
          url,
          headers: {
            host: 'example.org',
            'content-type': 'application/x-www-form-urlencoded',
            ...headers,
          },
          payload: new URLSearchParams(body).toString(),
        })
      const get = (url: string, headers: Record<string, string> = {}) =>
        app.http.inject({ method: 'GET', url, headers: { host: 'example.org', ...headers } })
      const choose = (over: Record<string, string> = {}) => ({
        frequency: 'monthly',
        amount_monthly: '500',
        custom: '',
        currency: 'EUR',
        method: 'card',
        language: 'en',
        ...over,
      })
      const cookieOf = (res: { headers: Record<string, unknown> }) =>
        String(res.headers['set-cookie']).split(';')[0]!

      before(async () => {
        app = await buildTestApp(dialect, { mail, env: { PUBLIC_URL: 'http://example.org' } })
        const b = await seedBasics(app)
        await app.contributions.saveAppeal(app.contributions.draftAppeal('en'))
        const path = (slug: string, section = 'world') => {
          const d = new Date(b.now.getTime() - 3600_000)
          return `/${section}/${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${slug}`
        }
        await app.content.createArticle(articleInput(b, { slug: 'with-appeal' }))
        await app.content.createArticle(
          articleInput(b, { slug: 'in-culture', sectionId: b.otherSectionId, topicIds: [] }),
        )
        articleUrl = path('with-appeal')
        cultureUrl = path('in-culture', 'culture')
      })
      after(() => app?.close())

      it('shows the banner on the front page and the appeal with its chooser under an article', async () => {
        assert.match((await get('/')).body, /<aside class="support-banner"/)
        const page = (await get(articleUrl)).body
        assert.match(page, /<aside class="support-banner"/)
        assert.match(page, /<h2 id="appeal-title">A message from The Lantern<\/h2>/)
        assert.match(page, /<form class="chooser" method="post" action="\/support\/checkout">/)
        for (const label of ['€5 a month', '€10 once', '€60 a year', 'Once', 'Monthly', 'Annual'])
          assert.ok(page.includes(`>${label}</label>`), label)
        assert.match(page, /Other amount in EUR/)
        assert.match(page, /at least €2/)
        assert.match(page, />Continue</)
        assert.match(page, /We accept: Card, Bank transfer, Cryptocurrency/)
        assert.match(page, /Not ready to support today\? <button type="submit">Remind me later/)
        assert.match(page, /href="\/support\?currency=USD"/)
        assert.equal((await get(articleUrl)).headers['vary'], 'Accept-Encoding, Cookie')
      })

      it('shows the chooser in the currency the reader picks, and the default otherwise', async () => {
        assert.match((await get('/support?currency=USD')).body, />\$5 a month</)
        assert.match((await get('/support?currency=XXX')).body, />€5 a month</)
        assert.equal((await get('/support?currency=USD')).headers['cache-control'], 'no-store')
      })

      it('refuses bad amounts with a clear message and a stable code, and creates nothing', async () => {
        const cases: [Record<string, string>, string, RegExp][] = [
          [{ custom: '1' }, 'AMOUNT_BELOW_MINIMUM', /smallest amount we can take is €2/],
          [{ custom: 'lots' }, 'AMOUNT_NOT_A_NUMBER', /as a number/],
          [{ custom: '-5' }, 'AMOUNT_NEGATIVE', /cannot be negative/],
          [{ custom: '5000000' }, 'AMOUNT_TOO_LARGE', /more than we accept/],
          [{ currency: 'XYZ' }, 'CURRENCY_UNKNOWN', /do not take that currency/],
          [{ amount_monthly: '123' }, 'AMOUNT_NOT_A_NUMBER', /Choose one of the amounts/],
          [{ frequency: 'weekly' }, 'FREQUENCY_UNKNOWN', /once, monthly or annual/],
          [{ method: 'cash' }, 'PAYMENT_METHOD_UNAVAILABLE', /not available/],
        ]
        for (const [over, code, words] of cases) {
          const page = await form('/support/checkout', choose(over))
          assert.equal(page.statusCode, 422, code)
          assert.match(page.body, words)
          assert.match(page.body, /role="alert"/)
          const json = await form('/support/checkout', choose(over), { accept: 'application/json' })
          assert.equal(json.statusCode, 422)
          assert.equal(json.json().error.code, code)
        }
        const html = (await form('/support/checkout', choose({ custom: '1' }))).body
        // What the reader typed comes back, the frequency they chose stays chosen.
        assert.match(html, /name="custom"[^>]*value="1"/)
        assert.match(html, /value="monthly" checked/)
        assert.equal(await countContributions(), 0)
      })

      it('goes Monthly → amount → Continue → test checkout → thanks, and hides the appeal there', async () => {
        const start = await form('/support/checkout', choose({ custom: '7.50' }))
        assert.equal(start.statusCode, 303)
        const checkout = String(start.headers.location)
        assert.match(checkout, /^\/support\/test-checkout\/test_[A-Za-z0-9_-]{16}$/)
        const page = await get(checkout)
        assert.match(page.body, /TEST MODE/)
        assert.match(page.body, /€7\.50 a month/)
        const pay = await form(checkout, { outcome: 'pay' })
        assert.equal(pay.statusCode, 303)
        assert.equal(pay.headers.location, '/support/thanks')
        const thanks = await get('/support/thanks')
        assert.match(
          String(thanks.headers['set-cookie']),
          /^mh_quiet=\d{13}; Path=\/; Max-Age=15552000; SameSite=Lax; HttpOnly/,
        )
        const quiet = await get(articleUrl, { cookie: cookieOf(thanks) })
        assert.doesNotMatch(quiet.body, /class="appeal"|support-banner/)
        // Others still see it: the quiet page is a variant of its own in the cache.
        assert.match((await get(articleUrl)).body, /class="appeal"/)
        const [c] = await app.contributions.listPage(10)
        assert.equal(c!.status, 'active')
        assert.equal(c!.amount, 750)
        assert.equal(c!.frequency, 'monthly')
        assert.equal(c!.provider, 'test')
        assert.equal(c!.email, null)
        // A second "pay" is the same event: nothing changes.
        await form(checkout, { outcome: 'pay' })
        assert.equal((await app.contributions.listPage(10)).length, 1)
      })

      it('cancels a test checkout and says nothing was charged', async () => {
        const start = await form(
          '/support/checkout',
          choose({ frequency: 'once', amount_once: '1000' }),
        )
        const res = await form(String(start.headers.location), { outcome: 'cancel' })
        assert.equal(res.headers.location, '/support/cancelled')
        assert.match((await get('/support/cancelled')).body, /Nothing was charged/)
        const [c] = await app.contributions.listPage(1)
        assert.equal(c!.status, 'expired')
        assert.equal((await get('/support/test-checkout/test_notarealreference0')).statusCode, 404)
      })

      it('"Remind me later" hides banner and appeal on this device and returns to the page', async () => {
        const res = await form('/support/later', { back: articleUrl })
        assert.equal(res.statusCode, 303)
        assert.equal(res.headers.location, articleUrl)
        assert.match(String(res.headers['set-cookie']), /Max-Age=1209600/)
        const page = await get(articleUrl, { cookie: cookieOf(res) })
        assert.doesNotMatch(page.body, /class="appeal"|support-banner/)
        // An expired date shows the appeal again.
        assert.match(
          (await get(articleUrl, { cookie: 'mh_quiet=1000000000000' })).body,
          /class="appeal"/,
        )
        for (const back of ['//evil.example', 'https://evil.example/', '/\\evil', ''])
          assert.equal((await form('/support/later', { back })).headers.location, '/')
      })

      it('shows bank and crypto instructions without recording anything', async () => {
        const before = await countContributions()
        const bank = await form('/support/checkout', choose({ method: 'bank' }))
        assert.equal(bank.statusCode, 200)
        assert.match(bank.body, /IBAN/)
        assert.match(bank.body, /€5 a month/)
        const crypto = await form(
          '/support/checkout',
          choose({ method: 'crypto', frequency: 'once', amount_once: '2500' }),
        )
        assert.match(crypto.body, /Bitcoin/)
        assert.match(crypto.body, /bc1q/)
        assert.equal(await countContributions(), before)
      })

      it('follows the placement rules and purges pages when the appeal changes', async () => {
        assert.match((await get(cultureUrl)).body, /class="appeal"/)
        const a = app.contributions.draftAppeal('en')
        await app.contributions.saveAppeal({ ...a, sections: ['world'] })
        app.cache?.purge(['appeal'])
        assert.doesNotMatch((await get(cultureUrl)).body, /class="appeal"/)
        assert.match((await get(articleUrl)).body, /class="appeal"/)
        await app.contributions.saveAppeal({ ...a, enabled: false })
        app.cache?.purge(['appeal'])
        assert.doesNotMatch((await get(articleUrl)).body, /class="appeal"|support-banner/)
        await app.contributions.saveAppeal(a)
        app.cache?.purge(['appeal'])
      })

      it('lets a supporter cancel a recurring gift through a link sent to their email', async () => {
        const start = await form(
          '/support/checkout',
          choose({ frequency: 'annual', amount_annual: '3000' }),
        )
        await form(String(start.headers.location), { outcome: 'pay', email: 'Giver@Example.org' })
        const [gift] = await app.contributions.listPage(1)
        assert.equal(gift!.email, 'giver@example.org')
        const before = mail.sent.length
        // Unknown and known addresses get the same answer; only the known one gets mail.
        for (const email of ['nobody@example.org', 'giver@example.org']) {
          const res = await form('/support/manage', { email })
          assert.equal(res.statusCode, 200)
          assert.match(res.body, /If that address has a monthly or annual gift/)
        }
        assert.equal(mail.sent.length, before + 1)
        const sent = mail.sent.at(-1)!.message
        assert.equal(sent.to, 'giver@example.org')
        const link = new URL(/(http:\/\/example\.org\/support\/manage\/\S+)/.exec(sent.text)![1]!)
          .pathname
        assert.match(sent.text, /€30 a year/)
        const page = await get(link)
        assert.equal(page.statusCode, 200)
        assert.match(page.body, /Cancel this gift/)
        assert.equal(
          (await get(link.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))).statusCode,
          404,
        )
        const cancelled = await form(link, {})
        assert.match(cancelled.body, /This gift is cancelled/)
        const [after] = await app.contributions.listPage(1)
        assert.equal(after!.status, 'cancelled')
        assert.equal((await form('/support/manage', { email: 'not an address' })).statusCode, 422)
      })

      it('sends one reminder email in the month asked for, then forgets the address', async () => {
        const months = app.contributions.reminderMonths()
        const page = await get('/support/remind')
        assert.match(page.body, new RegExp(`<option value="${months[0]}">`))
        assert.match(page.body, /keeps my address only until that email is sent/)
        assert.equal(
          (await form('/support/remind', { email: 'x', month: months[0]! })).statusCode,
          422,
        )
        assert.equal(
          (await form('/support/remind', { email: 'a@example.org', month: '1999-01' })).statusCode,
          422,
        )
        const ok = await form('/support/remind', { email: 'Later@Example.org', month: months[0]! })
        assert.equal(ok.statusCode, 200)
        assert.match(ok.body, /then delete your address/)
        assert.match(String(ok.headers['set-cookie']), /^mh_quiet=/)
        const before = mail.sent.length
        // Not due yet: nothing is sent, nothing is forgotten.
        assert.equal(await app.contributions.sendDueReminders('http://example.org'), 0)
        assert.equal(mail.sent.length, before)
      })

      it('renders hostile text from the appeal editor inert', async () => {
        const attack =
          '<script>alert(1)</script><img src=x onerror=alert(1)>"\'><svg onload=alert(1)>'
        const a = app.contributions.draftAppeal('en')
        await app.contributions.saveAppeal({
          ...a,
          bannerText: attack,
          headline: attack,
          letter: `${attack}\n\n${attack}`,
          bankInstructions: attack,
          safetyNote: attack,
        })
        app.cache?.purge(['appeal'])
        for (const page of [
          (await get(articleUrl)).body,
          (await get('/support')).body,
          (await form('/support/checkout', choose({ method: 'bank' }))).body,
        ]) {
          assert.doesNotMatch(page, /<script>alert|<img src=x|<svg onload/)
          assert.match(page, /&lt;script(&gt;|>)alert\(1\)&lt;\/script/)
        }
        await app.contributions.saveAppeal(a)
        app.cache?.purge(['appeal'])
      })

      async function countContributions() {
        return (await app.contributions.listPage(1000)).length
      }
    },
  )
}
