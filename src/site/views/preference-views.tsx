import type { Newsletter, PreferenceRow, Suppression } from '../../newsletter/index.js'
import { consentText } from '../../newsletter/index.js'
import { useLocale } from './locale.js'
import { Msg } from './msg.js'

/** r•••@example.org: enough for the reader to recognise, less for whoever the link reached. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@')
  if (at < 1) return '•••'
  return `${email.slice(0, 1)}•••${email.slice(at)}`
}

/**
 * A reader's newsletters with their state, reached by the signed link in every email. Plain
 * forms: each button posts to the page's own address; nothing needs JavaScript or a cookie.
 */
export function PreferencesView(props: {
  email: string
  rows: PreferenceRow[]
  suppression: Suppression | undefined
  action: string
  siteName: string
  /** From an email's unsubscribe link: that newsletter is asked about first. */
  focus?: { newsletter: Newsletter; action: string } | undefined
  notice?: string | undefined
}) {
  const { t, path } = useLocale()
  const anyOn = props.rows.some((r) => r.status === 'confirmed' || r.status === 'pending')
  // One level under the page's own heading, whichever that is.
  const H = props.focus ? 'h3' : 'h2'
  return (
    <section class="preferences">
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      {props.focus && (
        <div class="preferences-focus">
          <h1>{t('newsletter.unsubscribeQuestion', { name: props.focus.newsletter.name })}</h1>
          <form method="post" action={props.focus.action}>
            <button type="submit">{t('newsletter.unsubscribeYes')}</button>
          </form>
        </div>
      )}
      {props.focus ? <h2>{t('prefs.all')}</h2> : <h1>{t('prefs.title')}</h1>}
      <p>
        <Msg k="prefs.for" parts={{ email: <strong>{maskEmail(props.email)}</strong> }} />
      </p>
      {props.suppression && (
        <p class="notice">
          {t(
            props.suppression.reason === 'complaint'
              ? 'prefs.complaint'
              : props.suppression.reason === 'bounce'
                ? 'prefs.bounce'
                : 'prefs.manual',
          )}{' '}
          {t('prefs.mistake')}
        </p>
      )}
      <ul class="preference-list">
        {props.rows.map((r) => {
          const id = `pref-${r.newsletter.id}`
          const on = r.status === 'confirmed' || r.status === 'pending'
          return (
            <li aria-labelledby={id}>
              <H id={id}>{r.newsletter.name}</H>
              {r.newsletter.description && <p>{r.newsletter.description}</p>}
              <p class="state">
                <strong>{t(`prefs.state.${r.status ?? 'none'}`)}</strong>
              </p>
              {on && (
                <form method="post" action={props.action}>
                  <input type="hidden" name="newsletter" value={String(r.newsletter.id)} />
                  <button class="secondary" type="submit" name="action" value="unsubscribe">
                    {t('prefs.unsubscribeFrom', { name: r.newsletter.name })}
                  </button>
                </form>
              )}
              {r.mayResubscribe && !props.suppression && (
                <form method="post" action={props.action}>
                  <input type="hidden" name="newsletter" value={String(r.newsletter.id)} />
                  <p class="small">
                    {consentText(r.newsletter.name, props.siteName, r.newsletter.language)}
                  </p>
                  <button type="submit" name="action" value="resubscribe">
                    {t('prefs.subscribeAgain', { name: r.newsletter.name })}
                  </button>
                </form>
              )}
              {!on && !r.mayResubscribe && !props.suppression && (
                <p>
                  <a href={path('/newsletters')}>{t('prefs.signUpPage')}</a>
                </p>
              )}
            </li>
          )
        })}
      </ul>
      {anyOn && (
        <form method="post" action={props.action}>
          <button class="secondary" type="submit" name="action" value="unsubscribe-all">
            {t('prefs.unsubscribeAll')}
          </button>
        </form>
      )}
      <p>
        <a href={path('/privacy')}>{t('common.howWeHandle')}</a>
      </p>
    </section>
  )
}
