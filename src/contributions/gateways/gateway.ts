import type { Provider } from '../contribution.js'
import type { Frequency } from '../money.js'

/**
 * A Gateway takes a reader from our chooser to somewhere they can pay, and back. Card
 * payments go through a hosted checkout (Stripe, or the test gateway when no key is set);
 * bank transfer and crypto are not gateways of this kind: they show the newsroom's
 * instructions (see appeal.ts bankInstructions and coins).
 */
export interface CheckoutRequest {
  contributionId: number
  amount: number
  currency: string
  frequency: Frequency
  language: string
  /** What the provider's page says the money is for: "Support The Lantern". */
  description: string
  /** Absolute addresses on the reader's own origin (a mirror brings them back to the mirror). */
  successUrl: string
  cancelUrl: string
}

export interface HostedGateway {
  provider: Provider
  /** True when no money moves: pages say so in large letters. */
  testMode: boolean
  createCheckout(r: CheckoutRequest): Promise<{ checkoutRef: string; redirectTo: string }>
  /** Where a supporter manages a recurring gift (Stripe's customer portal), when supported. */
  portalUrl?(customerRef: string, returnUrl: string): Promise<string>
}
