import { useContext } from 'preact/hooks'
import type { Contribution } from '../../contributions/index.js'
import { TimeZoneContext, formatDate } from './format.js'
import { useLocale } from './locale.js'
import { Msg } from './msg.js'
import { amountText } from './support-parts.js'

/** A supporter's own pages: ask for a manage link, the gift itself, and a reminder by email. */

export function ManageRequestPage(props: { sent?: boolean; expired?: boolean; problem?: string }) {
  const { t, path } = useLocale()
  return (
    <section class="support-page" aria-labelledby="manage-title">
      <h1 id="manage-title">{t('supporter.manageTitle')}</h1>
      {props.sent ? (
        <p role="status">{t('supporter.linkSent')}</p>
      ) : (
        <>
          {props.expired && <p>{t('supporter.expired')}</p>}
          {props.problem && (
            <p class="chooser-problem" role="alert">
              {props.problem}
            </p>
          )}
          <p>{t('supporter.giveEmail')}</p>
          <form class="chooser" method="post" action={path('/support/manage')}>
            <p class="custom">
              <label for="manage-email">{t('common.emailAddress')}</label>
              <input
                id="manage-email"
                name="email"
                type="email"
                autocomplete="email"
                required
                maxLength={254}
              />
            </p>
            <p>
              <button type="submit">{t('supporter.sendLink')}</button>
            </p>
          </form>
        </>
      )}
    </section>
  )
}

export function ManageGiftPage(props: { contribution: Contribution; action: string }) {
  const c = props.contribution
  const running = c.status === 'active' || c.status === 'past_due'
  const l = useLocale()
  const { t } = l
  const timeZone = useContext(TimeZoneContext)
  const since = c.paidAt ?? c.createdAt
  return (
    <section class="support-page test-checkout" aria-labelledby="gift-title">
      <h1 id="gift-title">{t('supporter.yourSupport')}</h1>
      <p>
        <Msg
          k="supporter.since"
          parts={{
            amount: <strong>{amountText(l, c.amount, c.currency, c.frequency)}</strong>,
            date: (
              <time dateTime={since.toISOString()}>{formatDate(since, l.language, timeZone)}</time>
            ),
          }}
        />{' '}
        {running
          ? t('supporter.thankYou')
          : c.status === 'cancelled'
            ? t('supporter.cancelled')
            : t('supporter.status', { status: c.status })}
      </p>
      {running && (
        <form method="post" action={props.action}>
          <button type="submit">
            {t(c.provider === 'stripe' ? 'supporter.changeAtStripe' : 'supporter.cancelTest')}
          </button>
        </form>
      )}
    </section>
  )
}

export function ReminderPage(props: {
  months: { value: string; label: string }[]
  /** The words the reader agrees to (stored with the month filled in). */
  consent?: string
  sent?: boolean
  problem?: string | undefined
}) {
  const { t, path } = useLocale()
  return (
    <section class="support-page" aria-labelledby="remind-title">
      <h1 id="remind-title">{t('supporter.remindTitle')}</h1>
      {props.sent ? (
        <p role="status">{t('supporter.remindDone')}</p>
      ) : (
        <>
          {props.problem && (
            <p class="chooser-problem" role="alert">
              {props.problem}
            </p>
          )}
          <form class="chooser" method="post" action={path('/support/remind')}>
            <p class="custom">
              <label for="remind-email">{t('common.emailAddress')}</label>
              <input
                id="remind-email"
                name="email"
                type="email"
                autocomplete="email"
                required
                maxLength={254}
              />
            </p>
            <p class="custom">
              <label for="remind-month">{t('supporter.whichMonth')}</label>
              <select id="remind-month" name="month">
                {props.months.map((m) => (
                  <option value={m.value}>{m.label}</option>
                ))}
              </select>
            </p>
            <p class="small">{props.consent}</p>
            <p>
              <button type="submit">{t('supporter.remindOnce')}</button>
            </p>
          </form>
        </>
      )}
    </section>
  )
}
