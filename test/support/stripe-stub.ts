import fs from 'node:fs'
import http from 'node:http'

/**
 * A local stand-in for the parts of the Stripe HTTP API we call, answering with objects shaped
 * by shared/fixtures/stripe/fixtures3.json (read at test time). Listens on port 0.
 */
export const STRIPE_FIXTURES = new URL(
  '../../../shared/fixtures/stripe/fixtures3.json',
  import.meta.url,
)

/** Why Stripe stub suites must skip here (fixtures absent), or false; the reason is printed. */
export function stripeStubSkipReason(): string | false {
  if (fs.existsSync(STRIPE_FIXTURES)) return false
  const reason = `Stripe fixtures not found at ${STRIPE_FIXTURES.pathname} (../shared is absent)`
  console.log(`# skipping Stripe stub suites: ${reason}`)
  return reason
}

type Params = Record<string, unknown>

/** `a[b][0][c]=v` form fields, as the SDK sends them, to nested objects. */
export function parseStripeForm(body: string): Params {
  const out: Params = {}
  for (const [key, value] of new URLSearchParams(body)) {
    const parts = key.split(/\[|\]\[|\]/).filter((p) => p !== '')
    let node: Params = out
    parts.forEach((p, i) => {
      if (i === parts.length - 1) node[p] = value
      else node = (node[p] ??= {}) as Params
    })
  }
  return out
}

export interface StripeStub {
  url: string
  requests: { method: string; path: string; params: Params }[]
  /** Makes the next N requests fail with a 500, as an outage would. */
  failNext(n: number): void
  close(): Promise<void>
}

export async function startStripeStub(): Promise<StripeStub> {
  const fixtures = JSON.parse(fs.readFileSync(STRIPE_FIXTURES, 'utf8')).resources as Record<
    string,
    Params
  >
  const requests: StripeStub['requests'] = []
  const prices: Params[] = []
  let n = 0
  let failing = 0
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString()))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stub')
      const params =
        req.method === 'GET' ? parseStripeForm(url.searchParams.toString()) : parseStripeForm(body)
      requests.push({ method: req.method ?? '', path: url.pathname, params })
      const send = (status: number, o: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${++n}` })
        res.end(JSON.stringify(o))
      }
      if (failing > 0) {
        failing--
        return send(500, { error: { type: 'api_error', message: 'stub outage' } })
      }
      const key = `${req.method} ${url.pathname}`
      if (key === 'POST /v1/checkout/sessions') {
        const id = `cs_test_stub${++n}`
        return send(200, {
          ...fixtures['checkout.session'],
          id,
          mode: params['mode'],
          metadata: params['metadata'] ?? {},
          success_url: params['success_url'],
          cancel_url: params['cancel_url'],
          client_reference_id: params['client_reference_id'] ?? null,
          payment_status: 'unpaid',
          status: 'open',
          url: `https://checkout.stripe.com/c/pay/${id}`,
        })
      }
      if (key === 'GET /v1/prices') {
        const keys = Object.values((params['lookup_keys'] ?? {}) as Params)
        return send(200, {
          object: 'list',
          url: '/v1/prices',
          has_more: false,
          data: prices.filter((p) => keys.includes(p['lookup_key'])),
        })
      }
      if (key === 'POST /v1/prices') {
        const recurring = params['recurring'] as Params | undefined
        const price = {
          ...fixtures['price'],
          id: `price_stub${++n}`,
          lookup_key: params['lookup_key'] ?? null,
          currency: params['currency'],
          unit_amount: Number(params['unit_amount']),
          type: recurring ? 'recurring' : 'one_time',
          recurring: recurring
            ? {
                ...((fixtures['price']?.['recurring'] as Params) ?? {}),
                interval: recurring['interval'],
              }
            : null,
        }
        prices.push(price)
        return send(200, price)
      }
      if (key === 'POST /v1/billing_portal/sessions') {
        return send(200, {
          ...fixtures['billing_portal.session'],
          customer: params['customer'],
          return_url: params['return_url'],
        })
      }
      send(404, { error: { type: 'invalid_request_error', message: `stub has no ${key}` } })
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const addr = server.address()
  const port = typeof addr === 'object' && addr ? addr.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext: (k) => {
      failing = k
    },
    close: () => new Promise((r) => server.close(() => r())),
  }
}
