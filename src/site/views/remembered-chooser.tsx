import type { AppealSettings } from '../../contributions/index.js'
import { ChooserFields } from './chooser-view.js'
import { useLocale } from './locale.js'
import { Kept, type KeptParts, keptParts } from './remembered.js'

/**
 * The chooser of the support slot, rendered once and kept (ADR 037, by ADR 045's `Kept`).
 * Beside every article it is the same form for the same appeal, currency, country and edition,
 * and it is half of the page's elements and most of its formatted text (an amount and its
 * frequency, fifteen times): an uncached page spent more on it than on the story. An edited
 * appeal is a new object (contributions' appeal cache), so it renders afresh; the old one's
 * texts go with it. A form that says something to one reader (their values, a problem) is never
 * kept: those are rendered by Chooser itself.
 */
const kept = new WeakMap<AppealSettings, KeptParts>()
/** Per appeal and edition: currencies × countries seen; beyond this, start again. */
const MAX_KEPT = 64

export function RememberedChooser(props: {
  appeal: AppealSettings
  currency: string
  country?: string | undefined
}) {
  const l = useLocale()
  if (!props.appeal.currencies[props.currency]) return null
  let parts = kept.get(props.appeal)
  if (!parts) {
    parts = keptParts(MAX_KEPT)
    kept.set(props.appeal, parts)
  }
  // Void elements are written as HTML with the rest of the page, by the shell's document().
  return (
    <Kept
      parts={parts}
      id={`${props.currency} ${props.country ?? ''}`}
      tag="form"
      attrs={{ class: 'chooser', method: 'post', action: l.path('/support/checkout') }}
      render={() => (
        <ChooserFields appeal={props.appeal} currency={props.currency} country={props.country} />
      )}
    />
  )
}
