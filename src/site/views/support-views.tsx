import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import {
  type AppealSettings,
  type Contribution,
  FREQUENCIES,
  FREQUENCY_NAME,
  type Frequency,
  METHOD_NAME,
  type Method,
  amountLabel,
  formatMoney,
  isRiskyCountry,
} from '../../contributions/index.js'

/**
 * The banner, the appeal and their pages. Plain forms posted to the server: no JavaScript.
 * The chooser shows only the chosen frequency's amounts with CSS (:has), and where a browser
 * lacks :has every amount still says how often it is paid.
 */

/** What the support slots of a page show; absent: nothing (no appeal, or this reader said "later"). */
export interface SupportSlots {
  appeal: AppealSettings
  /** The reader's country (their choice or the CDN's header), for safety rules. */
  country?: string | undefined
  currency: string
  siteName: string
  /** The page's own path, to come back to after "Remind me later". */
  back: string
}

export const SupportContext = createContext<SupportSlots | null>(null)

export function SupportBannerSlot() {
  const s = useContext(SupportContext)
  return s ? <SupportBanner {...s} /> : null
}

export function AppealSlot() {
  const s = useContext(SupportContext)
  return s ? <Appeal {...s} /> : null
}

export function SupportBanner(props: SupportSlots) {
  return (
    <aside class="support-banner" aria-label="Support us">
      <p>
        {props.appeal.bannerText} <a href="/support">Contribute</a>
      </p>
    </aside>
  )
}

function paragraphs(text: string) {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => <p>{p}</p>)
}

export interface ChooserValues {
  frequency?: string
  amount?: string
  custom?: string
  method?: string
}

/** The end-of-article letter with its chooser. */
export function Appeal(props: SupportSlots & { headingLevel?: 1 | 2 }) {
  const H = props.headingLevel === 1 ? 'h1' : 'h2'
  return (
    <section class="appeal" id="support" aria-labelledby="appeal-title">
      <H id="appeal-title">{props.appeal.headline}</H>
      <div class="appeal-letter">{paragraphs(props.appeal.letter)}</div>
      <Chooser appeal={props.appeal} currency={props.currency} country={props.country} />
      <RemindLater back={props.back} />
    </section>
  )
}

export function RemindLater(props: { back: string }) {
  return (
    <form class="later" method="post" action="/support/later">
      <input type="hidden" name="back" value={props.back} />
      <p>
        Not ready to support today? <button type="submit">Remind me later</button>{' '}
        <span class="small">
          (or <a href="/support/remind">by email, once</a>)
        </span>
      </p>
    </form>
  )
}

export function Chooser(props: {
  appeal: AppealSettings
  currency: string
  country?: string | undefined
  values?: ChooserValues
  problem?: string | undefined
}) {
  const a = props.appeal
  const rules = a.currencies[props.currency]
  if (!rules) return null
  const v = props.values ?? {}
  const frequency = (FREQUENCIES as readonly string[]).includes(v.frequency ?? '')
    ? (v.frequency as Frequency)
    : a.defaultFrequency
  const otherCurrencies = Object.keys(a.currencies).filter((c) => c !== props.currency)
  const method: Method = (a.methods as string[]).includes(v.method ?? '')
    ? (v.method as Method)
    : a.methods[0]!
  return (
    <form class="chooser" method="post" action="/support/checkout">
      <input type="hidden" name="currency" value={props.currency} />
      <input type="hidden" name="language" value={a.language} />
      {props.country && <input type="hidden" name="country" value={props.country} />}
      {isRiskyCountry(a, props.country) && (
        <p class="safety-note" role="note">
          {a.safetyNote}
        </p>
      )}
      {props.problem && (
        <p class="chooser-problem" role="alert" id="chooser-problem">
          {props.problem}
        </p>
      )}
      <fieldset class="frequency">
        <legend>How often</legend>
        {FREQUENCIES.map((f) => (
          <span class="choice">
            <input
              type="radio"
              name="frequency"
              id={`freq-${f}`}
              value={f}
              checked={f === frequency}
            />
            <label for={`freq-${f}`}>{FREQUENCY_NAME[f]}</label>
          </span>
        ))}
      </fieldset>
      {FREQUENCIES.map((f) => {
        const amounts = rules.amounts[f]
        const chosen =
          f === frequency && v.amount && amounts.includes(Number(v.amount))
            ? Number(v.amount)
            : amounts[Math.min(a.defaultAmountIndex, amounts.length - 1)]
        return (
          <fieldset class={`amounts amounts-${f}`}>
            <legend>Amount, {FREQUENCY_NAME[f].toLowerCase()}</legend>
            {amounts.map((m) => (
              <span class="choice">
                <input
                  type="radio"
                  name={`amount_${f}`}
                  id={`amount-${f}-${m}`}
                  value={String(m)}
                  checked={m === chosen}
                />
                <label for={`amount-${f}-${m}`}>{amountLabel(m, props.currency, f)}</label>
              </span>
            ))}
          </fieldset>
        )
      })}
      <p class="custom">
        <label for="custom-amount">
          Other amount in {props.currency}{' '}
          <span class="small">(at least {formatMoney(rules.minimum, props.currency)})</span>
        </label>
        <input
          id="custom-amount"
          name="custom"
          type="text"
          inputmode="decimal"
          autocomplete="off"
          maxLength={20}
          value={v.custom ?? ''}
          aria-describedby={props.problem ? 'chooser-problem' : undefined}
        />
      </p>
      {a.methods.length > 1 ? (
        <fieldset class="methods">
          <legend>Pay by</legend>
          {a.methods.map((m) => (
            <span class="choice">
              <input
                type="radio"
                name="method"
                id={`method-${m}`}
                value={m}
                checked={m === method}
              />
              <label for={`method-${m}`}>{METHOD_NAME[m]}</label>
            </span>
          ))}
        </fieldset>
      ) : (
        <input type="hidden" name="method" value={method} />
      )}
      <p>
        <button type="submit" class="continue">
          Continue
        </button>
      </p>
      <p class="small">
        We accept: {a.methods.map((m) => METHOD_NAME[m]).join(', ')}.
        {otherCurrencies.length > 0 && (
          <>
            {' '}
            Amounts in {props.currency}; also in{' '}
            {otherCurrencies.map((c, i) => (
              <>
                {i > 0 && ', '}
                <a
                  href={`/support?currency=${c}${props.country ? `&country=${props.country}` : ''}`}
                >
                  {c}
                </a>
              </>
            ))}
            .
          </>
        )}
      </p>
    </form>
  )
}

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

function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code
  } catch {
    return code
  }
}

function TestModeNote() {
  return (
    <p class="test-mode" role="note">
      <strong>TEST MODE</strong> — no payment provider is set up. Nothing you enter here is charged.
    </p>
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
