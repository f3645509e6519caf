import type Stripe from 'stripe'
import type { HostedGateway } from './gateway.js'
import type { Frequency } from '../money.js'

export interface StripeOptions {
  secretKey: string
  /** STRIPE_API_URL: a local stub in tests; absent in production. */
  apiUrl?: string | undefined
}

/** The stripe SDK, loaded on first use (it is large) and pointed at STRIPE_API_URL if set. */
export async function loadStripe(o: StripeOptions): Promise<Stripe> {
  const { default: StripeSdk } = await import('stripe')
  const api = o.apiUrl ? new URL(o.apiUrl) : undefined
  return new StripeSdk(o.secretKey, {
    maxNetworkRetries: api ? 0 : 2,
    telemetry: false,
    ...(api
      ? {
          host: api.hostname,
          port: Number(api.port || (api.protocol === 'https:' ? 443 : 80)),
          protocol: api.protocol === 'https:' ? 'https' : 'http',
        }
      : {}),
  })
}

const INTERVAL: Record<Exclude<Frequency, 'once'>, 'month' | 'year'> = {
  monthly: 'month',
  annual: 'year',
}

/**
 * Stripe Checkout: payment mode for a one-time gift, subscription mode for monthly and annual.
 * A recurring price is looked up by a lookup key naming its amount, currency and interval, and
 * created the first time, so the newsroom's Stripe dashboard holds one price per amount.
 */
export function createStripeGateway(o: StripeOptions): HostedGateway {
  let client: Promise<Stripe> | undefined
  const stripe = () => (client ??= loadStripe(o))

  async function recurringPrice(
    s: Stripe,
    amount: number,
    currency: string,
    frequency: Exclude<Frequency, 'once'>,
    description: string,
  ): Promise<string> {
    const key = `masthead_${frequency}_${currency.toLowerCase()}_${amount}`
    const found = await s.prices.list({ lookup_keys: [key], active: true, limit: 1 })
    const existing = found.data[0]
    if (existing) return existing.id
    const created = await s.prices.create({
      lookup_key: key,
      currency: currency.toLowerCase(),
      unit_amount: amount,
      recurring: { interval: INTERVAL[frequency] },
      product_data: { name: description },
    })
    return created.id
  }

  return {
    provider: 'stripe',
    testMode: o.secretKey.startsWith('sk_test_'),
    async createCheckout(r) {
      const s = await stripe()
      const metadata = { contribution_id: String(r.contributionId) }
      const common = {
        success_url: `${r.successUrl}?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: r.cancelUrl,
        client_reference_id: String(r.contributionId),
        metadata,
        locale: 'auto' as const,
      }
      const session =
        r.frequency === 'once'
          ? await s.checkout.sessions.create({
              ...common,
              mode: 'payment',
              // No customer object for a one-time gift: less data kept at Stripe too.
              customer_creation: 'if_required',
              payment_intent_data: { metadata },
              line_items: [
                {
                  quantity: 1,
                  price_data: {
                    currency: r.currency.toLowerCase(),
                    unit_amount: r.amount,
                    product_data: { name: r.description },
                  },
                },
              ],
            })
          : await s.checkout.sessions.create({
              ...common,
              mode: 'subscription',
              subscription_data: { metadata },
              line_items: [
                {
                  quantity: 1,
                  price: await recurringPrice(s, r.amount, r.currency, r.frequency, r.description),
                },
              ],
            })
      if (!session.url) throw new Error('Stripe returned a checkout session without a URL')
      return { checkoutRef: session.id, redirectTo: session.url }
    },
    async portalUrl(customerRef, returnUrl) {
      const s = await stripe()
      const p = await s.billingPortal.sessions.create({
        customer: customerRef,
        return_url: returnUrl,
      })
      return p.url
    },
  }
}
