import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import Fastify from 'fastify'
import { registerStripeWebhook } from './stripe-webhook.js'

describe('POST /webhooks/stripe', () => {
  async function appSeeing(seen: { raw: Buffer; sig: string | undefined }[]) {
    const app = Fastify({ logger: false })
    registerStripeWebhook(app, {
      contributions: {
        handleStripeWebhook: async (raw, sig) => {
          seen.push({ raw, sig })
          return 'applied'
        },
      },
    })
    await app.ready()
    return app
  }

  it('hands the service the bytes exactly as sent, whatever the content type', async () => {
    const seen: { raw: Buffer; sig: string | undefined }[] = []
    const app = await appSeeing(seen)
    const body = '{"id":"evt_1",  "type":"checkout.session.completed"}\n'
    for (const type of ['application/json', 'text/plain', 'application/x-www-form-urlencoded']) {
      const res = await app.inject({
        method: 'POST',
        url: '/webhooks/stripe',
        headers: { 'content-type': type, 'stripe-signature': 't=1,v1=abc' },
        payload: body,
      })
      assert.equal(res.statusCode, 200, type)
      assert.deepEqual(res.json(), { received: true, outcome: 'applied' })
      assert.equal(res.headers['cache-control'], 'no-store')
    }
    assert.equal(seen.length, 3)
    for (const s of seen) {
      assert.equal(s.raw.toString('utf8'), body)
      assert.equal(s.sig, 't=1,v1=abc')
    }
    await app.close()
  })

  it('passes no signature when there is none, and an empty body as empty bytes', async () => {
    const seen: { raw: Buffer; sig: string | undefined }[] = []
    const app = await appSeeing(seen)
    const res = await app.inject({ method: 'POST', url: '/webhooks/stripe' })
    assert.equal(res.statusCode, 200)
    assert.equal(seen[0]!.sig, undefined)
    assert.equal(seen[0]!.raw.length, 0)
    await app.close()
  })
})
