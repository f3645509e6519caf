import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createMemoryTransport } from '../email/index.js'
import { webhookSignature } from '../newsletter/index.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

const SECRET = 'webhook-secret-for-tests-0123456789'

for (const dialect of testDialects) {
  describe(
    `${dialect}: bounce and complaint webhook, suppression`,
    { skip: await skipFor(dialect) },
    () => {
      let app: TestApp
      let off: TestApp
      const mail = createMemoryTransport()
      let nl = 0
      const post = (a: TestApp, body: string, headers: Record<string, string> = {}) =>
        a.http.inject({
          method: 'POST',
          url: '/webhooks/mail',
          headers: { host: 'example.org', 'content-type': 'application/json', ...headers },
          payload: body,
        })
      const signed = (body: unknown, contentType = 'application/json') => {
        const text = JSON.stringify(body)
        return post(app, text, {
          'x-masthead-signature': webhookSignature(SECRET, text),
          'content-type': contentType,
        })
      }
      const count = async () =>
        Number(
          (
            await app.storage.db
              .selectFrom('suppression')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        )

      before(async () => {
        app = await buildTestApp(dialect, {
          mail,
          env: { PUBLIC_URL: 'http://example.org', MAIL_WEBHOOK_SECRET: SECRET },
        })
        off = await buildTestApp(dialect)
        nl = await app.newsletters.createNewsletter({
          slug: 'weekly',
          name: 'Weekly',
          language: 'en',
        })
      })
      after(async () => {
        await app?.close()
        await off?.close()
      })

      it('is off without a secret and refuses wrong signatures', async () => {
        const body = JSON.stringify({ events: [{ type: 'bounce', email: 'a@example.org' }] })
        const disabled = await post(off, body, {
          'x-masthead-signature': webhookSignature(SECRET, body),
        })
        assert.equal(disabled.statusCode, 503)
        assert.equal(disabled.json().error.code, 'WEBHOOK_DISABLED')
        const unsigned = await post(app, body)
        assert.equal(unsigned.statusCode, 401)
        assert.equal(unsigned.json().error.code, 'WEBHOOK_UNAUTHORIZED')
        const forged = await post(app, body, {
          'x-masthead-signature': webhookSignature('another-secret-of-some-length', body),
        })
        assert.equal(forged.statusCode, 401)
        assert.equal(await count(), 0)
      })

      it('suppresses hard bounces and complaints once, ignores soft bounces', async () => {
        const body = {
          events: [
            { type: 'bounce', email: 'Gone@Example.org', detail: '550 5.1.1 unknown' },
            { type: 'bounce', email: 'full@example.org', permanent: false },
            { type: 'complaint', email: 'angry@example.org' },
          ],
        }
        const res = await signed(body)
        assert.equal(res.statusCode, 200)
        assert.deepEqual(res.json(), { received: 2, suppressed: 2, ignored: 1 })
        const again = await signed(body)
        assert.deepEqual(again.json(), { received: 2, suppressed: 0, ignored: 1 })
        assert.equal(await count(), 2)
        const s = await app.subscribers.findSuppression('GONE@example.org')
        assert.equal(s?.reason, 'bounce')
        assert.equal(s?.source, 'webhook')
        assert.equal(await app.subscribers.isSuppressed('full@example.org'), false)
      })

      it('takes Amazon SES notifications through SNS (text/plain, Basic auth)', async () => {
        const note = {
          Type: 'Notification',
          Message: JSON.stringify({
            notificationType: 'Bounce',
            bounce: {
              bounceType: 'Permanent',
              bounceSubType: 'NoEmail',
              bouncedRecipients: [{ emailAddress: 'ses-hard@example.org' }],
            },
          }),
        }
        const auth = `Basic ${Buffer.from(`sns:${SECRET}`).toString('base64')}`
        const res = await post(app, JSON.stringify(note), {
          authorization: auth,
          'content-type': 'text/plain; charset=UTF-8',
        })
        assert.equal(res.statusCode, 200)
        assert.equal((await app.subscribers.findSuppression('ses-hard@example.org'))?.source, 'ses')
        const transient = await signed({
          Type: 'Notification',
          Message: JSON.stringify({
            notificationType: 'Bounce',
            bounce: {
              bounceType: 'Transient',
              bouncedRecipients: [{ emailAddress: 'ses-soft@example.org' }],
            },
          }),
        })
        assert.equal(transient.statusCode, 200)
        assert.equal(await app.subscribers.isSuppressed('ses-soft@example.org'), false)
      })

      it('rejects hostile or malformed reports whole, with a stable code', async () => {
        const before = await count()
        for (const body of [
          {
            events: [
              { type: 'bounce', email: 'fine@example.org' },
              { type: 'bounce', email: "x'; drop table suppression;--" },
            ],
          },
          { events: [{ type: 'bounce', email: 'a@example.org\r\nBcc: b@example.org' }] },
          { events: [{ type: 'bounce', email: 'fine@example.org', detail: 7 }] },
          { Type: 'Notification', Message: '{"notificationType":"Bounce"}' },
          { __proto__: { events: [] } },
        ]) {
          const res = await signed(body)
          assert.equal(res.statusCode, 422, JSON.stringify(body))
          assert.equal(res.json().error.code, 'VALIDATION_FAILED')
          assert.ok(Array.isArray(res.json().error.details))
        }
        const huge = JSON.stringify({ events: [], pad: 'x'.repeat(1100 * 1024) })
        const tooBig = await post(app, huge, {
          'x-masthead-signature': webhookSignature(SECRET, huge),
          accept: 'application/json',
        })
        assert.equal(tooBig.statusCode, 413)
        const notJson = '{"events": ['
        const res = await post(app, notJson, {
          'x-masthead-signature': webhookSignature(SECRET, notJson),
        })
        assert.equal(res.statusCode, 422)
        assert.equal(await count(), before)
        assert.equal(await app.subscribers.isSuppressed('fine@example.org'), false)
      })

      it('sends no confirmation to a suppressed address and leaves it out of sends', async () => {
        const n = mail.sent.length
        const out = await app.newsletters.signUp('gone@example.org', nl, 'http://example.org')
        assert.equal(out, 'not-sent-suppressed')
        assert.equal(mail.sent.length, n)
        // Confirmed before the bounce: still confirmed, but not a recipient.
        await app.newsletters.signUp('later@example.org', nl, 'http://example.org')
        const sub = await app.storage.db
          .selectFrom('subscriber')
          .select('id')
          .where('email', '=', 'later@example.org')
          .executeTakeFirstOrThrow()
        await app.storage.db
          .updateTable('subscription')
          .set({ status: 'confirmed', confirmed_at: Date.now() })
          .where('subscriber_id', '=', sub.id)
          .execute()
        const before = await app.subscribers.deliverableRecipients(nl).execute()
        assert.deepEqual(
          before.map((r) => r.email),
          ['later@example.org'],
        )
        await app.subscribers.suppressManually('LATER@example.org', 'asked by phone')
        assert.deepEqual(await app.subscribers.deliverableRecipients(nl).execute(), [])
      })
    },
  )
}
