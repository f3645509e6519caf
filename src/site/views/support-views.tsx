import type { AppealSettings, Contribution, Frequency } from '../../contributions/index.js'
import { type ChooserValues, Chooser } from './chooser-view.js'
import { useLocale } from './locale.js'
import { Msg } from './msg.js'
import { RemindLater, TestModeNote, amountText, countryName, paragraphs } from './support-parts.js'

/** The contribution pages: the chooser page, the ways to give, the test checkout, thanks. */

export function SupportPage(props: {
  appeal: AppealSettings
  currency: string
  siteName: string
  values?: ChooserValues
  problem?: string | undefined
  testMode: boolean
  country?: string | undefined
}) {
  const risky = props.appeal.safetyCountries
  const { t, path, language } = useLocale()
  return (
    <section class="appeal support-page" aria-labelledby="appeal-title">
      {props.testMode && <TestModeNote />}
      <h1 id="appeal-title">{props.appeal.headline}</h1>
      <div class="appeal-letter">{paragraphs(props.appeal.letter)}</div>
      {risky.length > 0 && (
        // The reader says where they are; nothing asks anyone else.
        <form class="country" method="get" action={path('/support')}>
          <input type="hidden" name="currency" value={props.currency} />
          <label for="country">{t('support.givingFrom')}</label>{' '}
          <select id="country" name="country">
            <option value="">{t('support.anywhereElse')}</option>
            {risky.map((c) => (
              <option value={c} selected={c === props.country}>
                {countryName(c, language)}
              </option>
            ))}
          </select>{' '}
          <button type="submit">{t('support.showSafer')}</button>
        </form>
      )}
      <Chooser
        appeal={props.appeal}
        currency={props.currency}
        country={props.country}
        values={props.values}
        problem={props.problem}
      />
      <RemindLater back={path('/')} />
    </section>
  )
}

export function TestCheckoutPage(props: { contribution: Contribution; siteName: string }) {
  const c = props.contribution
  const l = useLocale()
  const { t, path } = l
  const amount = amountText(l, c.amount, c.currency, c.frequency)
  return (
    <section class="support-page test-checkout" aria-labelledby="tc-title">
      <TestModeNote />
      <h1 id="tc-title">{t('support.testCheckout')}</h1>
      <p>{t('support.testCheckoutText')}</p>
      <p class="tc-amount">
        {props.siteName}: <strong>{amount}</strong>
      </p>
      {c.status === 'pending' ? (
        <div class="tc-actions">
          <form method="post" action={path(`/support/test-checkout/${c.checkoutRef}`)}>
            <input type="hidden" name="outcome" value="pay" />
            <p class="custom">
              <label for="tc-email">
                {t('support.testEmail')} <span class="small">{t('support.testEmailNote')}</span>
              </label>
              <input id="tc-email" name="email" type="email" autocomplete="email" maxLength={254} />
            </p>
            <button type="submit" class="continue">
              {t('support.testPay', { amount })}
            </button>
          </form>
          <form method="post" action={path(`/support/test-checkout/${c.checkoutRef}`)}>
            <input type="hidden" name="outcome" value="cancel" />
            <button type="submit" class="secondary">
              {t('support.testCancel')}
            </button>
          </form>
        </div>
      ) : (
        <p>{t('support.checkoutFinished', { status: c.status })}</p>
      )}
    </section>
  )
}

export function ThanksPage(props: { siteName: string; hideDays: number; testMode: boolean }) {
  const { t, path } = useLocale()
  return (
    <section class="support-page" aria-labelledby="thanks-title">
      {props.testMode && <TestModeNote />}
      <h1 id="thanks-title">{t('support.thanks')}</h1>
      <p>{t('support.thanksText', { site: props.siteName })}</p>
      <p>{t('support.thanksCookie', { days: props.hideDays })}</p>
      <p>
        <Msg
          k="support.thanksManage"
          parts={{ link: <a href={path('/support/manage')}>{t('support.askLink')}</a> }}
        />
      </p>
      <p>
        <a href={path('/')}>{t('common.backToFront')}</a>
      </p>
    </section>
  )
}

export function CancelledPage() {
  const { t, path } = useLocale()
  return (
    <section class="support-page" aria-labelledby="cancelled-title">
      <h1 id="cancelled-title">{t('support.cancelled')}</h1>
      <p>{t('support.cancelledText')}</p>
      <p>
        <a href={path('/support')}>{t('support.chooseAgain')}</a> ·{' '}
        <a href={path('/')}>{t('common.backToFront')}</a>
      </p>
    </section>
  )
}

export function InstructionsPage(props: {
  method: 'bank' | 'crypto'
  appeal: AppealSettings
  amount: number
  currency: string
  frequency: Frequency
}) {
  const a = props.appeal
  const l = useLocale()
  const { t, path } = l
  const label = amountText(l, props.amount, props.currency, props.frequency)
  return (
    <section class="support-page" aria-labelledby="ins-title">
      <h1 id="ins-title">
        {t(props.method === 'bank' ? 'support.bankTitle' : 'support.cryptoTitle')}
      </h1>
      <p>
        <Msg k="support.chose" parts={{ amount: <strong>{label}</strong> }} />{' '}
        {t(props.frequency === 'once' ? 'support.sendOnce' : 'support.standingOrder')}
      </p>
      {props.method === 'bank' ? (
        <pre class="instructions">{a.bankInstructions}</pre>
      ) : (
        a.coins.map((c) => (
          <div class="coin">
            <h2>{c.name}</h2>
            <p>
              {t('support.address')} <code class="address">{c.address}</code>
            </p>
            {c.guide && <p>{c.guide}</p>}
          </div>
        ))
      )}
      <p class="small">{t('support.notRecorded')}</p>
      <p>
        <a href={path('/support')}>{t('support.chooseAnother')}</a> ·{' '}
        <a href={path('/')}>{t('common.backToFront')}</a>
      </p>
    </section>
  )
}
