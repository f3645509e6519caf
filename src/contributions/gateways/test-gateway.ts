import crypto from 'node:crypto'
import type { HostedGateway } from './gateway.js'

/**
 * Simulates a hosted checkout on the site itself (/support/test-checkout/<ref>), so a fresh
 * `npm start` shows the whole journey without keys. Nothing is charged; every page it shows
 * says TEST MODE.
 */
export function createTestGateway(): HostedGateway {
  return {
    provider: 'test',
    testMode: true,
    async createCheckout() {
      const ref = `test_${crypto.randomBytes(12).toString('base64url')}`
      return { checkoutRef: ref, redirectTo: `/support/test-checkout/${ref}` }
    },
  }
}

/** A test checkout reference as the test gateway makes them. */
export function isTestRef(v: string): boolean {
  return /^test_[A-Za-z0-9_-]{16}$/.test(v)
}
