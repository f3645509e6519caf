import {
  type AppealSettings,
  FREQUENCIES,
  type Frequency,
  type Method,
  isRiskyCountry,
} from '../../contributions/index.js'
import { formatMoney } from '../../i18n/index.js'
import { useLocale } from './locale.js'
import { Msg } from './msg.js'
import { amountText } from './support-parts.js'

/**
 * The chooser: how often, how much, how to pay. A plain form posted to the server: no
 * JavaScript. Only the chosen frequency's amounts show (CSS :has), and where a browser lacks
 * :has every amount still says how often it is paid.
 */

export interface ChooserValues {
  frequency?: string
  amount?: string
  custom?: string
  method?: string
}

export interface ChooserProps {
  appeal: AppealSettings
  currency: string
  country?: string | undefined
  values?: ChooserValues
  problem?: string | undefined
}

export function Chooser(props: ChooserProps) {
  const { path } = useLocale()
  if (!props.appeal.currencies[props.currency]) return null
  return (
    <form class="chooser" method="post" action={path('/support/checkout')}>
      <ChooserFields {...props} />
    </form>
  )
}

/** What the chooser's form holds; nothing for a currency the appeal does not offer. */
export function ChooserFields(props: ChooserProps) {
  const a = props.appeal
  const l = useLocale()
  const { t, path } = l
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
    <>
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
        <legend>{t('chooser.howOften')}</legend>
        {FREQUENCIES.map((f) => (
          <div class="choice">
            <input
              type="radio"
              name="frequency"
              id={`freq-${f}`}
              value={f}
              checked={f === frequency}
            />
            <label for={`freq-${f}`}>{t('money.frequency', { frequency: f })}</label>
          </div>
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
            <legend>{t('chooser.amount', { frequency: f })}</legend>
            {amounts.map((m) => (
              <div class="choice">
                <input
                  type="radio"
                  name={`amount_${f}`}
                  id={`amount-${f}-${m}`}
                  value={String(m)}
                  checked={m === chosen}
                />
                <label for={`amount-${f}-${m}`}>{amountText(l, m, props.currency, f)}</label>
              </div>
            ))}
          </fieldset>
        )
      })}
      <p class="custom">
        <label for="custom-amount">
          {t('chooser.other', { currency: props.currency })}{' '}
          <span class="small">
            {t('chooser.atLeast', {
              amount: formatMoney(rules.minimum, props.currency, l.language),
            })}
          </span>
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
          <legend>{t('chooser.payBy')}</legend>
          {a.methods.map((m) => (
            <div class="choice">
              <input
                type="radio"
                name="method"
                id={`method-${m}`}
                value={m}
                checked={m === method}
              />
              <label for={`method-${m}`}>{t('money.method', { method: m })}</label>
            </div>
          ))}
        </fieldset>
      ) : (
        <input type="hidden" name="method" value={method} />
      )}
      <p>
        <button type="submit" class="continue">
          {t('chooser.continue')}
        </button>
      </p>
      <p class="small">
        {t('chooser.accept', {
          methods: a.methods.map((m) => t('money.method', { method: m })).join(', '),
        })}
        {otherCurrencies.length > 0 && (
          <>
            {' '}
            <Msg
              k="chooser.alsoIn"
              values={{ currency: props.currency }}
              parts={{
                list: otherCurrencies.map((c, i) => (
                  <>
                    {i > 0 && ', '}
                    <a
                      href={path(
                        `/support?currency=${c}${props.country ? `&country=${props.country}` : ''}`,
                      )}
                    >
                      {c}
                    </a>
                  </>
                )),
              }}
            />
          </>
        )}
      </p>
    </>
  )
}
