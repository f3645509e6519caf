import { catalogueLanguage } from '../../i18n/index.js'
import type { AppError } from '../../lib/errors.js'
import type { Locale } from '../views/locale.js'

/**
 * The sentence a reader reads when a form of theirs is refused (sign-up, reminder, manage link),
 * in their edition's language (ADR 027). The domains word their refusals in English for programs;
 * the page says the same by error code and field, as the chooser does (checkout-problems.ts).
 */
export function readerProblem(err: AppError, locale: Pick<Locale, 't' | 'language'>): string {
  const { t } = locale
  const field = (name: string) => err.details.some((d) => d.startsWith(`${name}:`))
  if (err.code === 'VALIDATION_FAILED' && field('month')) return t('problem.chooseMonth')
  if (err.code === 'VALIDATION_FAILED' && field('email')) return t('common.notAnEmail')
  // Any other refusal: the domain's own sentence in English, the error pages' in another language.
  return catalogueLanguage(locale.language) === 'en' ? err.message : t('error.clientText')
}
