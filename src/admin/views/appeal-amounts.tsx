import { FREQUENCIES, FREQUENCY_NAME, currencyOf } from '../../contributions/index.js'
import { formatAdminMoney } from './format.js'

/** The most amounts a list may hold (the appeal's defaultAmountIndex is 0 to 5). */
const MAX_AMOUNTS = 6

/** "5, 10, 25" as typed, in minor units; what does not read as an amount is left out. */
function typedAmounts(typed: string | undefined, currency: string): (number | undefined)[] {
  const unit = 10 ** (currencyOf(currency)?.minorUnits ?? 2)
  return (typed ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => (/^\d+(\.\d+)?$/.test(t) ? Math.round(Number(t) * unit) : undefined))
}

/**
 * The amount a reader finds chosen, picked among the amounts themselves: one choice per
 * position in the lists, named by the amounts at that position in the frequency shown first
 * (the same position is chosen in every currency and frequency).
 */
export function DefaultAmount(props: { values: Record<string, string>; currencies: string[] }) {
  const v = props.values
  const frequency =
    FREQUENCIES.find((f) => f === v['defaultFrequency']) ?? FREQUENCIES[0] ?? 'monthly'
  const lists = props.currencies.map((c) => ({
    currency: c,
    amounts: typedAmounts(v[`cur_${c}_${frequency}`], c),
  }))
  const count = Math.min(MAX_AMOUNTS, Math.max(1, ...lists.map((l) => l.amounts.length)))
  const asked = Number(v['defaultAmountIndex'] ?? '1')
  const chosen = Number.isInteger(asked) && asked >= 1 && asked <= count ? asked : 1
  return (
    <fieldset>
      <legend>Amount chosen first</legend>
      <p class="hint">
        As listed for {FREQUENCY_NAME[frequency].toLowerCase()}; the same place in the list is
        chosen for every currency and frequency.
      </p>
      {Array.from({ length: count }, (_, i) => {
        const names = lists.flatMap((l) => {
          const m = l.amounts[i]
          return m === undefined ? [] : [formatAdminMoney(m, l.currency)]
        })
        return (
          <label>
            <input
              type="radio"
              name="defaultAmountIndex"
              value={String(i + 1)}
              checked={chosen === i + 1}
            />{' '}
            {names.length > 0 ? names.join(' · ') : `Amount ${i + 1}`}
          </label>
        )
      })}
    </fieldset>
  )
}
