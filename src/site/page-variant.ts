import type { FastifyRequest } from 'fastify'
import { parseCountry } from '../contributions/index.js'
import type { Clock } from '../lib/clock.js'
import { isQuietHeader } from './quiet-cookie.js'

export interface PageVariantOptions {
  clock: Clock
  /** COUNTRY_HEADER, lower case; '' for none. */
  countryHeader: string
  /** Whether any appeal has safety rules for this country (contributions service). */
  isRiskyAnywhere?: ((country: string) => Promise<boolean>) | undefined
}

/**
 * Which copy of a cached page a reader gets (ADR 009): '#quiet' for a reader who contributed or
 * said "later" (no banner, no appeal), '#cc-XX' for a reader in a country with safety rules,
 * '' for everyone else, who share one copy. Every cached request goes through this before
 * routing: without a country header it answers at once, with no promise to wait for.
 */
export function pageVariantOf(
  o: PageVariantOptions,
): (req: Pick<FastifyRequest, 'headers'>) => string | Promise<string> {
  return (req) => {
    if (isQuietHeader(req.headers.cookie, o.clock.now())) return '#quiet'
    const country = o.countryHeader ? parseCountry(req.headers[o.countryHeader]) : undefined
    if (!country || !o.isRiskyAnywhere) return ''
    return o.isRiskyAnywhere(country).then((risky) => (risky ? `#cc-${country}` : ''))
  }
}
