import { type AppealSettings, currencyOf } from '../../contributions/index.js'
import { formatMoney } from '../../i18n/index.js'
import type { AppError } from '../../lib/errors.js'
import type { Locale } from '../views/locale.js'
import { readerProblem } from './reader-problems.js'

/**
 * The sentence a reader reads when the checkout refuses what they sent, in their edition's
 * language (ADR 027): the contributions domain words its refusals in English for programs; the
 * chooser says the same by error code.
 */
export function checkoutProblem(
  err: AppError,
  locale: Locale,
  appeal: AppealSettings,
  input: { currency: string; custom: string },
): string {
  const { t, language } = locale
  const currency = input.currency.toUpperCase()
  const money = (minor: number) => formatMoney(minor, currency, language)
  switch (err.code) {
    case 'AMOUNT_NOT_A_NUMBER':
      // A typed amount that is no number, or a suggested one the appeal does not offer.
      return t(input.custom.trim() ? 'checkout.typeNumber' : 'checkout.chooseAmount')
    case 'AMOUNT_NEGATIVE':
      return t('checkout.negative')
    case 'AMOUNT_BELOW_MINIMUM':
      return t('checkout.belowMinimum', {
        amount: money(appeal.currencies[currency]?.minimum ?? 0),
      })
    case 'AMOUNT_TOO_LARGE':
      return t('checkout.tooLarge', { amount: money(currencyOf(currency)?.maxMinor ?? 0) })
    case 'AMOUNT_TOO_PRECISE':
      return t('checkout.tooPrecise', { currency, amount: money(1) })
    case 'CURRENCY_UNKNOWN':
      return t('checkout.currency')
    case 'FREQUENCY_UNKNOWN':
      return t('checkout.frequency')
    case 'PAYMENT_METHOD_UNAVAILABLE':
      return t('checkout.method')
    case 'PAYMENT_PROVIDER_FAILED':
      return t('checkout.providerFailed')
    default:
      // Codes not listed: the domain's sentence in English, a general one in another language.
      return readerProblem(err, locale)
  }
}
