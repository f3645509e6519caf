import { assertNever } from '../lib/assert-never.js'

/**
 * Amounts, currencies and frequencies: the arithmetic of a contribution. Amounts are whole
 * numbers of the currency's minor unit (cents), so no float ever decides what a reader pays.
 */

export const FREQUENCIES = ['once', 'monthly', 'annual'] as const
export type Frequency = (typeof FREQUENCIES)[number]

export function isFrequency(v: unknown): v is Frequency {
  return typeof v === 'string' && (FREQUENCIES as readonly string[]).includes(v)
}

import { CURRENCIES, type Currency, currencyOf } from '../lib/currencies.js'

export { CURRENCIES, type Currency, currencyOf }

export type AmountRefusal =
  'not-a-number' | 'negative' | 'below-minimum' | 'too-large' | 'too-precise' | 'unknown-currency'

/**
 * What a reader typed ("5", "5.50", "5,50", "€ 12") as minor units, or why not. The minimum
 * is in minor units of the same currency.
 */
export function parseAmount(
  input: string,
  currencyCode: string,
  minimumMinor: number,
): { minor: number } | { refused: AmountRefusal } {
  const currency = currencyOf(currencyCode)
  if (!currency) return { refused: 'unknown-currency' }
  // Symbols and spaces are decoration; a comma is a decimal mark in much of Europe.
  const cleaned = input
    .trim()
    .replace(/[€$£¥\s]/g, '')
    .replace(/^(CHF|SEK|PLN|EUR|USD|GBP|JPY)/i, '')
    .replace(',', '.')
  if (/^-\s*\d/.test(cleaned)) return { refused: 'negative' }
  const m = /^(\d{1,12})(?:\.(\d{1,6}))?$/.exec(cleaned)
  if (!m) return { refused: 'not-a-number' }
  const whole = m[1]!
  const frac = (m[2] ?? '').replace(/0+$/, '')
  if (frac.length > currency.minorUnits) return { refused: 'too-precise' }
  const minor =
    Number(whole) * 10 ** currency.minorUnits + Number(frac.padEnd(currency.minorUnits, '0') || 0)
  if (!Number.isSafeInteger(minor) || minor > currency.maxMinor) return { refused: 'too-large' }
  if (minor <= 0 || minor < minimumMinor) return { refused: 'below-minimum' }
  return { minor }
}

/** "€5", "€5.50", "¥500": short, as on a button. */
export function formatMoney(minor: number, currencyCode: string): string {
  const c = currencyOf(currencyCode)
  if (!c) return `${minor} ${currencyCode}`
  const major = minor / 10 ** c.minorUnits
  const text =
    c.minorUnits === 0 || minor % 10 ** c.minorUnits === 0
      ? String(Math.trunc(major))
      : major.toFixed(c.minorUnits)
  return `${c.symbol}${text}`
}

/** "€5 once", "€5 a month", "€60 a year": every amount says how often, so nobody gives monthly by mistake. */
export function amountLabel(minor: number, currencyCode: string, frequency: Frequency): string {
  return `${formatMoney(minor, currencyCode)} ${FREQUENCY_SUFFIX[frequency]}`
}

export const FREQUENCY_SUFFIX: Record<Frequency, string> = {
  once: 'once',
  monthly: 'a month',
  annual: 'a year',
}

export const FREQUENCY_NAME: Record<Frequency, string> = {
  once: 'Once',
  monthly: 'Monthly',
  annual: 'Annual',
}

/** What a recurring contribution brings in a month, for the revenue figure. */
export function monthlyValue(minor: number, frequency: Frequency): number {
  return frequency === 'monthly' ? minor : frequency === 'annual' ? Math.round(minor / 12) : 0
}

/** The words a reader reads when an amount is refused. */
export function amountProblem(r: AmountRefusal, minimumMinor: number, currency: string): string {
  switch (r) {
    case 'not-a-number':
      return 'Enter the amount as a number, for example 10 or 7.50.'
    case 'negative':
      return 'The amount cannot be negative.'
    case 'below-minimum':
      return `The smallest amount we can take is ${formatMoney(minimumMinor, currency)}.`
    case 'too-large':
      return `That is more than we accept in one go (${formatMoney(currencyOf(currency)?.maxMinor ?? 0, currency)}). Please write to us for larger gifts.`
    case 'too-precise':
      return `${currency} has no smaller unit than ${formatMoney(1, currency)}; round the amount.`
    case 'unknown-currency':
      return 'We do not take that currency. Choose one from the list.'
    default:
      return assertNever(r)
  }
}
