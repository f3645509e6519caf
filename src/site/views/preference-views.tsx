import type { Newsletter, PreferenceRow, Suppression } from '../../newsletter/index.js'
import { consentText } from '../../newsletter/index.js'

const STATE: Record<string, string> = {
  confirmed: 'You receive it',
  pending: 'Waiting for you to confirm (nothing is sent until then)',
  unsubscribed: 'Unsubscribed',
  none: 'Not subscribed',
}

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
          <h1>Unsubscribe from {props.focus.newsletter.name}?</h1>
          <form method="post" action={props.focus.action}>
            <button type="submit">Yes, unsubscribe me</button>
          </form>
        </div>
      )}
      {props.focus ? <h2>All your newsletters</h2> : <h1>Your newsletters</h1>}
      <p>
        For <strong>{maskEmail(props.email)}</strong>. This page is yours: anyone with its address
        can change these choices, so do not forward it.
      </p>
      {props.suppression && (
        <p class="notice">
          {props.suppression.reason === 'complaint'
            ? 'We send nothing more to this address: a message from us was reported as unwanted.'
            : props.suppression.reason === 'bounce'
              ? 'We send nothing more to this address: mail to it came back as undeliverable.'
              : 'We send nothing more to this address, at the request of its owner.'}{' '}
          Write to the newsroom if that is a mistake.
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
                <strong>{STATE[r.status ?? 'none']}</strong>
              </p>
              {on && (
                <form method="post" action={props.action}>
                  <input type="hidden" name="newsletter" value={String(r.newsletter.id)} />
                  <button class="secondary" type="submit" name="action" value="unsubscribe">
                    Unsubscribe from {r.newsletter.name}
                  </button>
                </form>
              )}
              {r.mayResubscribe && !props.suppression && (
                <form method="post" action={props.action}>
                  <input type="hidden" name="newsletter" value={String(r.newsletter.id)} />
                  <p class="small">{consentText(r.newsletter.name, props.siteName)}</p>
                  <button type="submit" name="action" value="resubscribe">
                    Subscribe again to {r.newsletter.name}
                  </button>
                </form>
              )}
              {!on && !r.mayResubscribe && !props.suppression && (
                <p>
                  <a href="/newsletters">Sign up on the newsletters page</a>
                </p>
              )}
            </li>
          )
        })}
      </ul>
      {anyOn && (
        <form method="post" action={props.action}>
          <button class="secondary" type="submit" name="action" value="unsubscribe-all">
            Unsubscribe from everything
          </button>
        </form>
      )}
      <p>
        <a href="/privacy">How we handle your address</a>
      </p>
    </section>
  )
}
