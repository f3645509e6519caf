import {
  type AppealSettings,
  type Contribution,
  type Frequency,
  amountLabel,
} from '../../contributions/index.js'
import { type ChooserValues, Chooser } from './chooser-view.js'
import { RemindLater, TestModeNote, countryName, paragraphs } from './support-parts.js'

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
  return (
    <section class="appeal support-page" aria-labelledby="appeal-title">
      {props.testMode && <TestModeNote />}
      <h1 id="appeal-title">{props.appeal.headline}</h1>
      <div class="appeal-letter">{paragraphs(props.appeal.letter)}</div>
      {risky.length > 0 && (
        // The reader says where they are; nothing asks anyone else.
        <form class="country" method="get" action="/support">
          <input type="hidden" name="currency" value={props.currency} />
          <label for="country">Giving from</label>{' '}
          <select id="country" name="country">
            <option value="">Anywhere else</option>
            {risky.map((c) => (
              <option value={c} selected={c === props.country}>
                {countryName(c)}
              </option>
            ))}
          </select>{' '}
          <button type="submit">Show safer ways</button>
        </form>
      )}
      <Chooser
        appeal={props.appeal}
        currency={props.currency}
        country={props.country}
        values={props.values}
        problem={props.problem}
      />
      <RemindLater back="/" />
    </section>
  )
}

export function TestCheckoutPage(props: { contribution: Contribution; siteName: string }) {
  const c = props.contribution
  return (
    <section class="support-page test-checkout" aria-labelledby="tc-title">
      <TestModeNote />
      <h1 id="tc-title">Test checkout</h1>
      <p>
        This page stands in for the payment provider's checkout. With a Stripe key set, readers go
        to Stripe instead.
      </p>
      <p class="tc-amount">
        {props.siteName}: <strong>{amountLabel(c.amount, c.currency, c.frequency)}</strong>
      </p>
      {c.status === 'pending' ? (
        <div class="tc-actions">
          <form method="post" action={`/support/test-checkout/${c.checkoutRef}`}>
            <input type="hidden" name="outcome" value="pay" />
            <p class="custom">
              <label for="tc-email">
                Email <span class="small">(optional; a real provider asks for it)</span>
              </label>
              <input id="tc-email" name="email" type="email" autocomplete="email" maxLength={254} />
            </p>
            <button type="submit" class="continue">
              Pay {amountLabel(c.amount, c.currency, c.frequency)} (test)
            </button>
          </form>
          <form method="post" action={`/support/test-checkout/${c.checkoutRef}`}>
            <input type="hidden" name="outcome" value="cancel" />
            <button type="submit" class="secondary">
              Cancel and go back
            </button>
          </form>
        </div>
      ) : (
        <p>This checkout is finished ({c.status}).</p>
      )}
    </section>
  )
}

export function ThanksPage(props: { siteName: string; hideDays: number; testMode: boolean }) {
  return (
    <section class="support-page" aria-labelledby="thanks-title">
      {props.testMode && <TestModeNote />}
      <h1 id="thanks-title">Thank you</h1>
      <p>
        Your support keeps {props.siteName} reporting. A receipt comes from the payment provider by
        email.
      </p>
      <p>
        We will not ask you again on this device for {props.hideDays} days. We remember that with
        one small cookie, which holds a date and nothing about you.
      </p>
      <p>
        To change or cancel a monthly or annual gift later,{' '}
        <a href="/support/manage">ask for a link by email</a>.
      </p>
      <p>
        <a href="/">Back to the front page</a>
      </p>
    </section>
  )
}

export function CancelledPage() {
  return (
    <section class="support-page" aria-labelledby="cancelled-title">
      <h1 id="cancelled-title">No payment was made</h1>
      <p>You left the checkout before paying. Nothing was charged.</p>
      <p>
        <a href="/support">Choose again</a> · <a href="/">Back to the front page</a>
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
  const label = amountLabel(props.amount, props.currency, props.frequency)
  return (
    <section class="support-page" aria-labelledby="ins-title">
      <h1 id="ins-title">
        {props.method === 'bank' ? 'Give by bank transfer' : 'Give in cryptocurrency'}
      </h1>
      <p>
        You chose <strong>{label}</strong>.{' '}
        {props.frequency === 'once'
          ? 'Send it once with the details below.'
          : 'Set up a standing order (or a reminder) with the details below; we cannot take it for you.'}
      </p>
      {props.method === 'bank' ? (
        <pre class="instructions">{a.bankInstructions}</pre>
      ) : (
        a.coins.map((c) => (
          <div class="coin">
            <h2>{c.name}</h2>
            <p>
              Address: <code class="address">{c.address}</code>
            </p>
            {c.guide && <p>{c.guide}</p>}
          </div>
        ))
      )}
      <p class="small">
        Nothing about this gift is recorded on this site: the newsroom sees it arrive in its
        account.
      </p>
      <p>
        <a href="/support">Choose another way</a> · <a href="/">Back to the front page</a>
      </p>
    </section>
  )
}
