import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import Stripe from 'stripe'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import {
  type StripeStub,
  startStripeStub,
  stripeStubSkipReason,
} from '../../test/support/stripe-stub.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'
import { createMemoryTransport } from '../email/index.js'

const SECRET = 'whsec_testsecret123'
const stubSkip = stripeStubSkipReason()
// Only the signing helpers are used: this client never makes a request.
const signer = new Stripe('sk_test_signer', { telemetry: false })

for (const dialect of testDialects) {
  const skip = stubSkip || (await skipFor(dialect))
  describe(`${dialect}: Stripe checkout and webhooks`, { skip }, () => {
    let app: TestApp
    let stub: StripeStub
    let seq = 0
    const mail = createMemoryTransport()
    const now = () => Math.floor(Date.now() / 1000)

    const checkout = (over: Record<string, string> = {}) =>
      app.http.inject({
        method: 'POST',
        url: '/support/checkout',
        headers: { host: 'news.example', 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          frequency: 'monthly',
          amount_monthly: '500',
          custom: '',
          currency: 'EUR',
          method: 'card',
          language: 'en',
          ...over,
        }).toString(),
      })

    function event(type: string, object: object, created = now()) {
      return { id: `evt_test_${++seq}`, object: 'event', type, created, data: { object } }
    }

    function send(
      body: object | string,
      opts: { secret?: string; timestamp?: number; header?: string | null; tamper?: boolean } = {},
    ) {
      const payload = typeof body === 'string' ? body : JSON.stringify(body)
      const header =
        opts.header === null
          ? undefined
          : (opts.header ??
            signer.webhooks.generateTestHeaderString({
              payload,
              secret: opts.secret ?? SECRET,
              ...(opts.timestamp ? { timestamp: opts.timestamp } : {}),
            }))
      return app.http.inject({
        method: 'POST',
        url: '/webhooks/stripe',
        headers: {
          host: 'news.example',
          'content-type': 'application/json; charset=utf-8',
          accept: 'application/json',
          ...(header ? { 'stripe-signature': header } : {}),
        },
        payload: opts.tamper ? payload.replace('"paid"', '"unpaid"') : payload,
      })
    }

    /** Starts a checkout through the stub and returns the contribution it recorded. */
    async function started(over: Record<string, string> = {}) {
      const res = await checkout(over)
      assert.equal(res.statusCode, 303, res.body)
      const [c] = await app.contributions.listPage(1)
      return c!
    }

    before(async () => {
      stub = await startStripeStub()
      app = await buildTestApp(dialect, {
        mail,
        env: {
          PUBLIC_URL: 'http://news.example',
          STRIPE_SECRET_KEY: 'sk_test_stubbed',
          STRIPE_WEBHOOK_SECRET: SECRET,
          STRIPE_API_URL: stub.url,
        },
      })
      await app.contributions.saveAppeal(app.contributions.draftAppeal('en'))
    })
    after(async () => {
      await app?.close()
      await stub?.close()
    })

    it('opens Stripe Checkout in payment mode for a one-time gift', async () => {
      const res = await checkout({ frequency: 'once', amount_once: '', custom: '12.50' })
      assert.equal(res.statusCode, 303)
      assert.match(
        String(res.headers.location),
        /^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_stub/,
      )
      const req = stub.requests.at(-1)!
      assert.equal(req.path, '/v1/checkout/sessions')
      assert.equal(req.params['mode'], 'payment')
      const item = (req.params['line_items'] as Record<string, Record<string, unknown>>)['0']!
      const priceData = item['price_data'] as Record<string, unknown>
      assert.equal(priceData['unit_amount'], '1250')
      assert.equal(priceData['currency'], 'eur')
      assert.match(
        String(req.params['success_url']),
        /^http:\/\/news\.example\/support\/thanks\?session_id=\{CHECKOUT_SESSION_ID\}$/,
      )
      assert.equal(req.params['cancel_url'], 'http://news.example/support/cancelled')
      const [c] = await app.contributions.listPage(1)
      assert.equal(c!.status, 'pending')
      assert.equal(c!.provider, 'stripe')
      assert.match(c!.checkoutRef, /^cs_test_stub/)
      assert.deepEqual(req.params['metadata'], { contribution_id: String(c!.id) })
    })

    it('opens subscription mode for monthly, creating the price once and reusing it', async () => {
      const before = stub.requests.length
      await checkout()
      const calls = stub.requests.slice(before).map((r) => `${r.method} ${r.path}`)
      assert.deepEqual(calls, ['GET /v1/prices', 'POST /v1/prices', 'POST /v1/checkout/sessions'])
      const created = stub.requests[before + 1]!.params
      assert.equal(created['lookup_key'], 'masthead_monthly_eur_500')
      assert.deepEqual(created['recurring'], { interval: 'month' })
      const session = stub.requests[before + 2]!.params
      assert.equal(session['mode'], 'subscription')
      const again = stub.requests.length
      await checkout()
      assert.deepEqual(
        stub.requests.slice(again).map((r) => `${r.method} ${r.path}`),
        ['GET /v1/prices', 'POST /v1/checkout/sessions'],
      )
      await checkout({ frequency: 'annual', amount_annual: '6000' })
      assert.deepEqual(stub.requests.at(-2)!.params['recurring'], { interval: 'year' })
    })

    it('says so and keeps nothing when Stripe is down', async () => {
      const count = (await app.contributions.listPage(1000)).length
      stub.failNext(1)
      const res = await checkout({ frequency: 'once', amount_once: '1000' })
      assert.equal(res.statusCode, 502)
      assert.match(res.body, /Nothing was charged/)
      assert.equal((await app.contributions.listPage(1000)).length, count)
    })

    it('records a completed checkout from a signed webhook, with the email and no more', async () => {
      const c = await started()
      const res = await send(
        event('checkout.session.completed', {
          id: c.checkoutRef,
          object: 'checkout.session',
          metadata: { contribution_id: String(c.id) },
          payment_status: 'paid',
          subscription: 'sub_A',
          customer: 'cus_A',
          customer_details: {
            email: 'reader@example.org',
            name: 'A Reader',
            address: { line1: '1 Secret Street', country: 'VA' },
          },
        }),
      )
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(res.json().outcome, 'applied')
      const [after] = await app.contributions.listPage(1)
      assert.equal(after!.status, 'active')
      assert.equal(after!.email, 'reader@example.org')
      assert.equal(after!.subscriptionRef, 'sub_A')
      assert.equal(after!.customerRef, 'cus_A')
      assert.ok(!JSON.stringify(after).includes('Secret Street'))
      assert.ok(!JSON.stringify(after).includes('A Reader'))
    })

    it('refuses tampered, stale, wrongly signed and unsigned events, changing nothing', async () => {
      const c = await started()
      const body = event('checkout.session.completed', {
        id: c.checkoutRef,
        metadata: { contribution_id: String(c.id) },
        payment_status: 'paid',
      })
      const events = await app.contributions.listPage(1)
      for (const [name, res] of [
        ['tampered', await send(body, { tamper: true })],
        ['stale', await send(body, { timestamp: now() - 3600 })],
        ['wrong secret', await send(body, { secret: 'whsec_someoneelse' })],
        ['unsigned', await send(body, { header: null })],
        ['garbage header', await send(body, { header: 't=1,v1=abc' })],
      ] as const) {
        assert.equal(res.statusCode, 400, name)
        assert.equal(res.json().error.code, 'PAYMENT_SIGNATURE_INVALID', name)
      }
      assert.deepEqual(await app.contributions.listPage(1), events)
      assert.equal((await app.contributions.listPage(1))[0]!.status, 'pending')
    })

    it('treats a repeated event as done', async () => {
      const c = await started({ frequency: 'once', amount_once: '1000' })
      const body = event('checkout.session.completed', {
        id: c.checkoutRef,
        metadata: { contribution_id: String(c.id) },
        payment_status: 'paid',
        payment_intent: 'pi_dup',
      })
      assert.equal((await send(body)).json().outcome, 'applied')
      const second = await send(body)
      assert.equal(second.statusCode, 200)
      assert.equal(second.json().outcome, 'duplicate')
      assert.equal((await app.contributions.listPage(1))[0]!.status, 'paid')
    })

    it('keeps a cancellation that arrived before an older renewal', async () => {
      const c = await started()
      const t = now()
      const sub = {
        id: 'sub_B',
        object: 'subscription',
        metadata: { contribution_id: String(c.id) },
      }
      await send(
        event(
          'checkout.session.completed',
          {
            id: c.checkoutRef,
            payment_status: 'paid',
            subscription: 'sub_B',
            metadata: { contribution_id: String(c.id) },
          },
          t - 100,
        ),
      )
      await send(event('customer.subscription.deleted', { ...sub, status: 'canceled' }, t - 10))
      await send(
        event(
          'invoice.paid',
          { parent: { subscription_details: { subscription: 'sub_B' } } },
          t - 50,
        ),
      )
      await send(event('customer.subscription.updated', { ...sub, status: 'active' }, t - 60))
      const [after] = await app.contributions.listPage(1)
      assert.equal(after!.status, 'cancelled')
      assert.ok(after!.cancelledAt)
    })

    it('follows failed renewals, amount changes, refunds and disputes', async () => {
      const c = await started()
      const t = now()
      const meta = { contribution_id: String(c.id) }
      await send(
        event(
          'checkout.session.completed',
          { id: c.checkoutRef, payment_status: 'paid', subscription: 'sub_C', metadata: meta },
          t - 100,
        ),
      )
      await send(event('invoice.payment_failed', { subscription: 'sub_C' }, t - 90))
      assert.equal((await app.contributions.listPage(1))[0]!.status, 'past_due')
      await send(
        event(
          'customer.subscription.updated',
          {
            id: 'sub_C',
            status: 'active',
            metadata: meta,
            items: { data: [{ price: { unit_amount: 900 } }] },
          },
          t - 80,
        ),
      )
      let [now1] = await app.contributions.listPage(1)
      assert.equal(now1!.status, 'active')
      assert.equal(now1!.amount, 900)

      const once = await started({ frequency: 'once', amount_once: '2500' })
      await send(
        event(
          'checkout.session.completed',
          {
            id: once.checkoutRef,
            payment_status: 'paid',
            payment_intent: 'pi_R',
            metadata: { contribution_id: String(once.id) },
          },
          t - 70,
        ),
      )
      await send(
        event('charge.refunded', { id: 'ch_R', payment_intent: 'pi_R', refunded: true }, t - 60),
      )
      ;[now1] = await app.contributions.listPage(1)
      assert.equal(now1!.status, 'refunded')

      const disputed = await started({ frequency: 'once', amount_once: '5000' })
      await send(
        event(
          'checkout.session.completed',
          {
            id: disputed.checkoutRef,
            payment_status: 'paid',
            payment_intent: 'pi_D',
            metadata: { contribution_id: String(disputed.id) },
          },
          t - 50,
        ),
      )
      await send(event('charge.dispute.created', { id: 'dp_1', payment_intent: 'pi_D' }, t - 40))
      assert.equal((await app.contributions.listPage(1))[0]!.status, 'disputed')
    })

    it('sends a supporter to the Stripe customer portal from their emailed link', async () => {
      const c = await started()
      await send(
        event('checkout.session.completed', {
          id: c.checkoutRef,
          payment_status: 'paid',
          subscription: 'sub_P',
          customer: 'cus_P',
          customer_details: { email: 'portal@example.org' },
          metadata: { contribution_id: String(c.id) },
        }),
      )
      await app.http.inject({
        method: 'POST',
        url: '/support/manage',
        headers: { host: 'news.example', 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'email=portal%40example.org',
      })
      const text = mail.sent.at(-1)!.message.text
      const link = new URL(/(http:\/\/news\.example\/support\/manage\/\S+)/.exec(text)![1]!)
        .pathname
      const res = await app.http.inject({
        method: 'POST',
        url: link,
        headers: { host: 'news.example' },
      })
      assert.equal(res.statusCode, 303)
      const req = stub.requests.at(-1)!
      assert.equal(req.path, '/v1/billing_portal/sessions')
      assert.equal(req.params['customer'], 'cus_P')
      assert.equal(req.params['return_url'], 'http://news.example/support')
      assert.match(String(res.headers.location), /^https:\/\//)
    })

    it('counts renewals and refunds as money in and out, once each', async () => {
      const before = await app.contributions.dashboard()
      const total = (d: typeof before) => d.months.reduce((n, m) => n + (m.totals['EUR'] ?? 0), 0)
      const c = await started()
      const t = now()
      const meta = { contribution_id: String(c.id) }
      await send(
        event(
          'checkout.session.completed',
          { id: c.checkoutRef, payment_status: 'paid', subscription: 'sub_M', metadata: meta },
          t - 30,
        ),
      )
      const renewal = event(
        'invoice.paid',
        {
          id: 'in_M2',
          billing_reason: 'subscription_cycle',
          amount_paid: 500,
          parent: { subscription_details: { subscription: 'sub_M', metadata: meta } },
        },
        t - 20,
      )
      await send(renewal)
      await send(renewal)
      // The same invoice in a new event (a provider resend) is still one payment.
      await send({ ...renewal, id: 'evt_resent_M2' })
      assert.equal(total(await app.contributions.dashboard()) - total(before), 1000)
      await send(
        event(
          'invoice.paid',
          {
            id: 'in_M1',
            billing_reason: 'subscription_create',
            amount_paid: 500,
            parent: { subscription_details: { subscription: 'sub_M' } },
          },
          t - 25,
        ),
      )
      assert.equal(total(await app.contributions.dashboard()) - total(before), 1000)

      const once = await started({ frequency: 'once', amount_once: '2500' })
      await send(
        event(
          'checkout.session.completed',
          {
            id: once.checkoutRef,
            payment_status: 'paid',
            payment_intent: 'pi_M',
            metadata: { contribution_id: String(once.id) },
          },
          t - 15,
        ),
      )
      await send(
        event(
          'charge.refunded',
          { id: 'ch_M', payment_intent: 'pi_M', refunded: true, amount_refunded: 2500 },
          t - 10,
        ),
      )
      assert.equal(total(await app.contributions.dashboard()) - total(before), 1000)
    })

    it('accepts and records events it does not act on', async () => {
      const res = await send(event('customer.created', { id: 'cus_X' }))
      assert.equal(res.statusCode, 200)
      assert.equal(res.json().outcome, 'ignored')
    })
  })
}
