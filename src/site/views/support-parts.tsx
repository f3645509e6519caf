import type { Frequency } from '../../contributions/index.js'
import { formatMoney } from '../../i18n/index.js'
import { type Locale, useLocale } from './locale.js'
import { Msg } from './msg.js'

/** Small pieces the support slots and the contribution pages share. */

/** "€5 a month", "5 € в месяц": every amount says how often, so nobody gives monthly by mistake. */
export function amountText(l: Locale, minor: number, currency: string, frequency: Frequency) {
  return l.t('money.amount', { amount: formatMoney(minor, currency, l.language), frequency })
}

export function paragraphs(text: string) {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => <p>{p}</p>)
}

export function RemindLater(props: { back: string }) {
  const { t, path } = useLocale()
  return (
    <form class="later" method="post" action={path('/support/later')}>
      <input type="hidden" name="back" value={props.back} />
      <p>
        <Msg
          k="support.notReady"
          parts={{ button: <button type="submit">{t('support.remindLater')}</button> }}
        />{' '}
        <span class="small">
          <Msg
            k="support.orByEmail"
            parts={{ link: <a href={path('/support/remind')}>{t('support.byEmailOnce')}</a> }}
          />
        </span>
      </p>
    </form>
  )
}

export function countryName(code: string, language = 'en'): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code
  } catch {
    return code
  }
}

export function TestModeNote() {
  const { t } = useLocale()
  return (
    <p class="test-mode" role="note">
      <strong>{t('support.testMode')}</strong> {t('support.testModeText')}
    </p>
  )
}
