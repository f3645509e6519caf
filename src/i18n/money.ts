import { currencyOf } from '../lib/currencies.js'

/**
 * An amount for readers in their language's way ("€5", "€5.50" in English; "5 €", "5,50 €" in
 * Russian), through Intl.NumberFormat. Whole amounts show no decimals, as on a button.
 */
const formats = new Map<string, Intl.NumberFormat>()

export function formatMoney(minor: number, currencyCode: string, language: string): string {
  const c = currencyOf(currencyCode)
  if (!c) return `${minor} ${currencyCode}`
  const whole = minor % 10 ** c.minorUnits === 0
  const key = `${language} ${c.code} ${whole}`
  let f = formats.get(key)
  if (!f) {
    f = new Intl.NumberFormat(language, {
      style: 'currency',
      currency: c.code,
      minimumFractionDigits: whole ? 0 : c.minorUnits,
      maximumFractionDigits: c.minorUnits,
    })
    formats.set(key, f)
  }
  return f.format(minor / 10 ** c.minorUnits)
}

/** A number as the language writes it ("1,234" or "1 234"). */
export function formatNumber(n: number, language: string, digits = 0): string {
  return new Intl.NumberFormat(language, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(n)
}
