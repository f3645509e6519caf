import { formatMoney } from '../../i18n/index.js'

/**
 * Numbers and counted words in the admin. The admin is written in English; its numbers follow
 * that locale through Intl (grouping, currency signs, plural rules), never by hand.
 */
export const ADMIN_LOCALE = 'en'

const numbers = new Intl.NumberFormat(ADMIN_LOCALE)
const plurals = new Intl.PluralRules(ADMIN_LOCALE)

/** 10000 → "10,000". */
export const formatCount = (n: number): string => numbers.format(n)

/** 1 → "1 reader", 1200 → "1,200 readers": the word chosen by the locale's plural rule. */
export function counted(n: number, one: string, other: string): string {
  return `${formatCount(n)} ${plurals.select(n) === 'one' ? one : other}`
}

/** Minor units as the admin reads money: "€10,000", "€12.50". */
export const formatAdminMoney = (minor: number, currency: string): string =>
  formatMoney(minor, currency, ADMIN_LOCALE)
