import type { VariantOf, VariantRequest } from '../http/responses.js'
import { parseCountry } from '../contributions/index.js'
import type { Clock } from '../lib/clock.js'
import { isQuietHeader } from './quiet-cookie.js'
import type { TextFirstOf } from './text-first.js'

export interface PageVariantOptions {
  clock: Clock
  /** COUNTRY_HEADER, lower case; '' for none. */
  countryHeader: string
  /** Whether any appeal has safety rules for this country (contributions service). */
  isRiskyAnywhere?: ((country: string) => Promise<boolean>) | undefined
  /** SOS mode (ADR 022): whether this request gets the text-first page. */
  textFirst?: TextFirstOf | undefined
}

/** The one copy of a page every reader shares while SOS mode is on (text-first, no appeal). */
export const SOS_VARIANT = '#sos'

/**
 * Which copy of a cached page a reader gets (ADR 009): '#quiet' for a reader who contributed or
 * said "later" (no banner, no appeal), '#cc-XX' for a reader in a country with safety rules,
 * '' for everyone else, who share one copy; while SOS mode is on, '#sos' for every reader who
 * did not ask for the pictures. Every cached request goes through this before routing: without
 * a country header it answers at once, with no promise to wait for.
 */
export function pageVariantOf(o: PageVariantOptions): VariantOf {
  const usual = usualVariantOf(o)
  return (req) => {
    const sos = o.textFirst?.(req) ?? false
    if (sos === true) return SOS_VARIANT
    if (sos === false) return usual(req)
    return sos.then((on) => (on ? SOS_VARIANT : usual(req)))
  }
}

function usualVariantOf(
  o: PageVariantOptions,
): (req: Pick<VariantRequest, 'headers'>) => string | Promise<string> {
  return (req) => {
    if (isQuietHeader(req.headers.cookie, o.clock.now())) return '#quiet'
    const country = o.countryHeader ? parseCountry(req.headers[o.countryHeader]) : undefined
    if (!country || !o.isRiskyAnywhere) return ''
    return o.isRiskyAnywhere(country).then((risky) => (risky ? `#cc-${country}` : ''))
  }
}
