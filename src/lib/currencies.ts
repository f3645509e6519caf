/**
 * The currencies a newsroom can take contributions in. A plain list with no domain rules, so
 * the configuration can check CONTRIBUTION_CURRENCY without importing the contributions domain.
 */

export interface Currency {
  code: string
  /** Digits after the decimal point: 2 for EUR (cents), 0 for JPY. */
  minorUnits: number
  symbol: string
  /** Largest single contribution accepted, in minor units: past it a typo is likelier than a gift. */
  maxMinor: number
}

/**
 * Currencies a newsroom can take. Kept short on purpose: each needs amounts set in the admin,
 * and Stripe must settle it. Adding one is one line.
 */
export const CURRENCIES: Record<string, Currency> = {
  EUR: { code: 'EUR', minorUnits: 2, symbol: '€', maxMinor: 10_000_00 },
  USD: { code: 'USD', minorUnits: 2, symbol: '$', maxMinor: 10_000_00 },
  GBP: { code: 'GBP', minorUnits: 2, symbol: '£', maxMinor: 10_000_00 },
  CHF: { code: 'CHF', minorUnits: 2, symbol: 'CHF ', maxMinor: 10_000_00 },
  SEK: { code: 'SEK', minorUnits: 2, symbol: 'SEK ', maxMinor: 100_000_00 },
  PLN: { code: 'PLN', minorUnits: 2, symbol: 'PLN ', maxMinor: 40_000_00 },
  JPY: { code: 'JPY', minorUnits: 0, symbol: '¥', maxMinor: 1_500_000 },
}

export function currencyOf(code: string): Currency | undefined {
  return Object.hasOwn(CURRENCIES, code) ? CURRENCIES[code] : undefined
}
