import { type Contribution, amountLabel } from '../../contributions/index.js'

/** A supporter's own pages: ask for a manage link, the gift itself, and a reminder by email. */

export function ManageRequestPage(props: { sent?: boolean; expired?: boolean; problem?: string }) {
  return (
    <section class="support-page" aria-labelledby="manage-title">
      <h1 id="manage-title">Manage your support</h1>
      {props.sent ? (
        <p role="status">
          If that address has a monthly or annual gift with us, a link to change or cancel it is on
          its way. It works for 24 hours.
        </p>
      ) : (
        <>
          {props.expired && <p>That link has expired or is not right. Ask for a new one below.</p>}
          {props.problem && (
            <p class="chooser-problem" role="alert">
              {props.problem}
            </p>
          )}
          <p>
            Give the email address you paid with. We send a link there: no account or password is
            needed.
          </p>
          <form class="chooser" method="post" action="/support/manage">
            <p class="custom">
              <label for="manage-email">Your email address</label>
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
              <button type="submit">Send me a link</button>
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
  return (
    <section class="support-page test-checkout" aria-labelledby="gift-title">
      <h1 id="gift-title">Your support</h1>
      <p>
        <strong>{amountLabel(c.amount, c.currency, c.frequency)}</strong>, since{' '}
        {(c.paidAt ?? c.createdAt).toISOString().slice(0, 10)}.{' '}
        {running
          ? 'Thank you.'
          : c.status === 'cancelled'
            ? 'This gift is cancelled.'
            : `Status: ${c.status}.`}
      </p>
      {running && (
        <form method="post" action={props.action}>
          <button type="submit">
            {c.provider === 'stripe' ? 'Change or cancel at Stripe' : 'Cancel this gift (test)'}
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
  return (
    <section class="support-page" aria-labelledby="remind-title">
      <h1 id="remind-title">Remind me by email</h1>
      {props.sent ? (
        <p role="status">
          Done. We will send one email in the month you chose, then delete your address.
        </p>
      ) : (
        <>
          {props.problem && (
            <p class="chooser-problem" role="alert">
              {props.problem}
            </p>
          )}
          <form class="chooser" method="post" action="/support/remind">
            <p class="custom">
              <label for="remind-email">Your email address</label>
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
              <label for="remind-month">In which month?</label>
              <select id="remind-month" name="month">
                {props.months.map((m) => (
                  <option value={m.value}>{m.label}</option>
                ))}
              </select>
            </p>
            <p class="small">{props.consent}</p>
            <p>
              <button type="submit">Remind me once</button>
            </p>
          </form>
        </>
      )}
    </section>
  )
}
