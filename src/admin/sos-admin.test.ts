import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { adminBrowser, type AdminBrowser } from '../../test/support/admin-browser.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { addConfirmedReaders } from '../../test/support/newsletter.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'
import { MAX_EMERGENCY_MESSAGE } from '../newsletter/index.js'

const PASSWORD = 'correct horse battery staple'

for (const dialect of testDialects) {
  describe(`${dialect}: SOS mode in the admin`, { skip: await skipFor(dialect) }, () => {
    let app: TestApp
    const browsers = new Map<string, AdminBrowser>()
    const tokens = new Map<string, string>()
    const browser = (who: string) => browsers.get(who)!
    const get = (who: string, url: string) => browser(who).request('GET', url)
    const token = async (who: string) => {
      if (!tokens.has(who)) tokens.set(who, await browser(who).csrf('/admin/account'))
      return tokens.get(who)!
    }
    const post = async (who: string, to: string) =>
      browser(who).request('POST', '/admin/reach/sos', { _csrf: await token(who), to })
    const emergency = async (who: string, step: 'review' | 'send', message: string) =>
      browser(who).request(
        'POST',
        step === 'review' ? '/admin/reach/emergency/review' : '/admin/reach/emergency',
        { _csrf: await token(who), message },
      )
    const reader = () =>
      app.http.inject({ method: 'GET', url: '/', headers: { host: 'example.org' } })

    before(async () => {
      app = await buildTestApp(dialect)
      for (const role of ['owner', 'admin', 'editor'] as const) {
        await app.staff.addStaff({
          email: `${role}@example.org`,
          name: role,
          role,
          password: PASSWORD,
        })
        browsers.set(role, adminBrowser(app.http))
        await browser(role).signIn(`${role}@example.org`, PASSWORD)
      }
    })
    after(() => app?.close())

    it('shows the switch on the Addresses page, off, with a link to the confirmation', async () => {
      const page = await get('admin', '/admin/reach')
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /SOS mode: off/)
      assert.match(page.body, /href="\/admin\/reach\/sos\?to=on"/)
    })

    it('asks first, on a page of its own that says what will happen; nothing changes yet', async () => {
      const page = await get('owner', '/admin/reach/sos?to=on')
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /<h1>Turn SOS mode on\?<\/h1>/)
      assert.match(page.body, /Every cached page is thrown away/)
      assert.match(page.body, /<form method="post" action="\/admin\/reach\/sos">/)
      assert.match(page.body, /name="to" value="on"/)
      assert.equal((await app.reach.sos.status()).on, false)
      assert.doesNotMatch((await reader()).body, /sos-line/)
    })

    it('turns on when confirmed, audits it, and readers get text-first pages at once', async () => {
      assert.doesNotMatch((await reader()).body, /sos-line/) // cached as usual
      const res = await post('admin', 'on')
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /SOS mode is on/)
      assert.match(res.body, /SOS mode: on/)
      assert.equal((await app.reach.sos.status()).on, true)
      assert.match((await reader()).body, /class="sos-line"/)
      const audit = (await app.staff.listAudit(5)).filter((e) => e.action.startsWith('sos.'))
      assert.deepEqual(
        audit.map((e) => [e.action, e.staffName]),
        [['sos.on', 'admin']],
      )
      // Confirming again changes nothing and logs nothing.
      assert.match((await post('owner', 'on')).body, /already on/)
      assert.equal((await app.staff.listAudit(5)).filter((e) => e.action === 'sos.on').length, 1)
    })

    it('refuses editors, and a target that is neither on nor off', async () => {
      assert.equal((await get('editor', '/admin/reach/sos?to=off')).statusCode, 403)
      assert.equal((await post('editor', 'off')).statusCode, 403)
      const bad = await browser('owner').request('GET', '/admin/reach/sos?to=maybe', undefined, {
        accept: 'application/json',
      })
      assert.equal(bad.statusCode, 400)
      assert.equal(JSON.parse(bad.body).error.code, 'SOS_TARGET_INVALID')
      assert.equal((await post('owner', '')).statusCode, 400)
      assert.equal((await app.reach.sos.status()).on, true)
    })

    it('sends an emergency edition after a review page naming how many readers get it', async () => {
      const weekly = await app.newsletters.createNewsletter({
        slug: 'weekly',
        name: 'Weekly',
        language: 'en',
      })
      const daily = await app.newsletters.createNewsletter({
        slug: 'daily',
        name: 'Daily',
        language: 'en',
      })
      await addConfirmedReaders(app.storage, weekly, ['a@example.net', 'b@example.net'])
      await addConfirmedReaders(app.storage, daily, ['b@example.net', 'c@example.net'])
      const panel = await get('admin', '/admin/reach')
      assert.match(panel.body, /Emergency edition/)
      assert.match(panel.body, /3 addresses/)
      const review = await emergency('admin', 'review', 'We are blocked <b>now</b>.')
      assert.equal(review.statusCode, 200)
      assert.match(review.body, /<h1>Send to 3 readers\?<\/h1>/)
      assert.match(review.body, /We are blocked &lt;b>now&lt;\/b>\./)
      assert.deepEqual(await app.editions.emergency.list(), [], 'nothing is sent by the review')
      assert.equal((await emergency('editor', 'send', 'Hello')).statusCode, 403)
      const sent = await emergency('admin', 'send', 'We are blocked <b>now</b>.')
      assert.equal(sent.statusCode, 200)
      assert.match(sent.body, /on its way to 3 readers/)
      const [made] = await app.editions.emergency.list()
      assert.equal(made?.recipients, 3)
      const audit = await app.staff.listAudit(1)
      assert.equal(audit[0]?.action, 'emergency.send')
      assert.match(audit[0]!.detail, /^3 readers: We are blocked/)
      // An empty message is sent back with the reason, nothing made.
      const empty = await emergency('admin', 'send', '   ')
      assert.equal(empty.statusCode, 422)
      assert.match(empty.body, /Write the message/)
      assert.equal((await app.editions.emergency.list()).length, 1)
      // The review refuses what the send would, before asking to confirm; the text is kept.
      const emptyReview = await emergency('admin', 'review', '   ')
      assert.equal(emptyReview.statusCode, 422)
      assert.match(emptyReview.body, /Write the message/)
      assert.doesNotMatch(emptyReview.body, /Send to \d+ readers\?/)
      const longReview = await emergency('admin', 'review', 'x'.repeat(MAX_EMERGENCY_MESSAGE + 1))
      assert.equal(longReview.statusCode, 422)
      assert.equal((await app.editions.emergency.list()).length, 1)
    })

    it('leaves SOS mode the same way, and readers get the usual pages back', async () => {
      const page = await get('owner', '/admin/reach/sos?to=off')
      assert.match(page.body, /<h1>Leave SOS mode\?<\/h1>/)
      const res = await post('owner', 'off')
      assert.match(res.body, /SOS mode is off/)
      assert.doesNotMatch((await reader()).body, /sos-line/)
      const audit = await app.staff.listAudit(1)
      assert.equal(audit[0]?.action, 'sos.off')
      // No emergency edition without SOS mode: refused, said on the page, nothing made.
      assert.doesNotMatch(res.body, /Emergency edition/)
      const refused = await emergency('owner', 'send', 'Still blocked')
      assert.equal(refused.statusCode, 409)
      assert.match(refused.body, /only be sent while SOS mode is on/)
      const review = await emergency('owner', 'review', 'Still blocked')
      assert.equal(review.statusCode, 409)
      assert.match(review.body, /only be sent while SOS mode is on/)
      assert.equal((await app.editions.emergency.list()).length, 1)
    })
  })
}
