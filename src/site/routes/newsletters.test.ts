import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createMemoryTransport } from '../../email/index.js'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { articleInput, seedBasics } from '../../../test/support/factories.js'
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js'

for (const dialect of testDialects) {
  describe(
    `${dialect}: newsletter sign-up, double opt-in and unsubscribe`,
    { skip: await skipFor(dialect) },
    () => {
      let app: TestApp
      const mail = createMemoryTransport()
      let newsletterId = 0
      let articleUrl = ''
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
      const get = (url: string) =>
        app.http.inject({ method: 'GET', url, headers: { host: 'example.org' } })
      const linkIn = (text: string, kind: string) =>
        new URL(new RegExp(`(http://example\\.org/newsletters/${kind}/\\S+)`).exec(text)![1]!)
          .pathname

      before(async () => {
        app = await buildTestApp(dialect, { mail, env: { PUBLIC_URL: 'http://example.org' } })
        const b = await seedBasics(app)
        newsletterId = await app.newsletters.createNewsletter({
          slug: 'weekly',
          name: 'The Lantern Weekly',
          description: 'The week, picked by the editors.',
          cadence: 'Weekly, every Friday',
          language: 'en',
        })
        const a = await app.content.createArticle(articleInput(b, { slug: 'with-box' }))
        articleUrl = `/world/${a.publishedAt!.getUTCFullYear()}/${String(a.publishedAt!.getUTCMonth() + 1).padStart(2, '0')}/with-box`
      })
      after(() => app?.close())

      it('offers the newsletter under an article, with consent words, a privacy link and a preview', async () => {
        const page = (await get(articleUrl)).body
        assert.match(page, /<section class="newsletter-box"/)
        assert.match(page, /The Lantern Weekly/)
        assert.match(page, /Weekly, every Friday/)
        assert.match(page, /<form method="post" action="\/newsletters\/subscribe">/)
        assert.match(page, /href="\/privacy"/)
        assert.match(page, /href="\/newsletters\/weekly\/preview"/)
        assert.equal((await get('/newsletters/weekly/preview')).statusCode, 200)
        assert.equal((await get('/privacy')).statusCode, 200)
        assert.equal((await get('/newsletters')).statusCode, 200)
      })

      it('sends one confirmation, subscribes on its link, and never twice', async () => {
        const n = mail.sent.length
        const res = await form('/newsletters/subscribe', {
          email: 'Reader@Example.org',
          newsletter: String(newsletterId),
          website: '',
        })
        assert.equal(res.statusCode, 200)
        assert.match(res.body, /Check your inbox/)
        assert.equal(mail.sent.length, n + 1)
        const m = mail.sent[n]!
        assert.equal(m.message.to, 'reader@example.org')
        assert.match(m.message.subject, /Confirm your subscription to The Lantern Weekly/)
        assert.match(
          m.message.headers?.['List-Unsubscribe'] ?? '',
          /^<http:\/\/example\.org\/newsletters\/unsubscribe\//,
        )
        assert.equal(m.message.headers?.['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click')
        // Asking again the same day sends nothing more.
        await form('/newsletters/subscribe', {
          email: 'reader@example.org',
          newsletter: String(newsletterId),
        })
        assert.equal(mail.sent.length, n + 1)
        const confirmed = await get(linkIn(m.message.text, 'confirm'))
        assert.equal(confirmed.statusCode, 200)
        assert.match(confirmed.body, /You are subscribed to The Lantern Weekly/)
        assert.deepEqual(await app.newsletters.countByStatus(newsletterId), {
          pending: 0,
          confirmed: 1,
          unsubscribed: 0,
        })
        await form('/newsletters/subscribe', {
          email: 'reader@example.org',
          newsletter: String(newsletterId),
        })
        assert.equal(mail.sent.length, n + 1, 'a confirmed reader gets no new confirmation')
      })

      it('refuses a bad address clearly, ignores bots, and rejects forged or expired links', async () => {
        const n = mail.sent.length
        const bad = await form('/newsletters/subscribe', {
          email: 'not-an-address\r\nBcc: x@y.z',
          newsletter: String(newsletterId),
        })
        assert.equal(bad.statusCode, 422)
        assert.match(bad.body, /does not look like an email address/)
        const bot = await form('/newsletters/subscribe', {
          email: 'bot@example.org',
          newsletter: String(newsletterId),
          website: 'http://spam.example',
        })
        assert.equal(bot.statusCode, 200)
        assert.equal(mail.sent.length, n, 'nothing sent for the bot')
        assert.equal(
          (
            await get(
              '/newsletters/confirm/1/1/9999999999999/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
            )
          ).statusCode,
          404,
        )
        assert.equal((await get('/newsletters/confirm/1/1/1000000000000/x')).statusCode, 404)
        assert.equal((await get('/newsletters/unsubscribe/1/1/forged')).statusCode, 404)
      })

      it('unsubscribes with one click (RFC 8058): 200, no redirect, no cookie needed', async () => {
        const m = mail.sent.find((x) => x.message.to === 'reader@example.org')!
        const path = new URL(/<([^>]+)>/.exec(m.message.headers!['List-Unsubscribe']!)![1]!)
          .pathname
        const page = await get(path)
        assert.equal(page.statusCode, 200)
        assert.match(page.body, /Yes, unsubscribe me/)
        const res = await form(path, { 'List-Unsubscribe': 'One-Click' })
        assert.equal(res.statusCode, 200)
        assert.equal(res.headers.location, undefined)
        assert.deepEqual(await app.newsletters.countByStatus(newsletterId), {
          pending: 0,
          confirmed: 0,
          unsubscribed: 1,
        })
        const again = await form(path, { 'List-Unsubscribe': 'One-Click' })
        assert.equal(again.statusCode, 200, 'a second click is harmless')
      })

      it('slows down a flood of sign-ups from one address', async () => {
        let last = 0
        for (let i = 0; i < 12; i++) {
          last = (
            await form(
              '/newsletters/subscribe',
              { email: `flood${i}@example.org`, newsletter: String(newsletterId) },
              { 'x-test': String(i) },
            )
          ).statusCode
        }
        assert.equal(last, 429)
      })
    },
  )
}
