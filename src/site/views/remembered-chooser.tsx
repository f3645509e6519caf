import { renderToString } from 'preact-render-to-string'
import type { AppealSettings } from '../../contributions/index.js'
import { ChooserFields } from './chooser-view.js'
import { keptTexts } from '../../lib/kept-texts.js'
import { LocaleContext, useLocale } from './locale.js'

/**
 * The chooser of the support slot, rendered once and kept. Beside every article it is the same
 * form for the same appeal, currency, country and edition, and it is half of the page's
 * elements and most of its formatted text (an amount and its frequency, fifteen times): an
 * uncached page spent more on it than on the story. The fields are kept as the HTML preact wrote
 * for them, escaped as any view is, inside the form element they belong in. An edited appeal is
 * a new object (contributions' appeal cache), so it renders afresh; the old one's texts go with
 * it. A form that says something to one reader (their values, a problem) is never kept: those
 * are rendered by Chooser itself.
 */
const kept = new WeakMap<AppealSettings, ReturnType<typeof keptTexts>>()
/** Per appeal: editions × currencies × countries seen; beyond this, start again. */
const MAX_KEPT = 64

export function RememberedChooser(props: {
  appeal: AppealSettings
  currency: string
  country?: string | undefined
}) {
  const l = useLocale()
  if (!props.appeal.currencies[props.currency]) return null
  let texts = kept.get(props.appeal)
  if (!texts) {
    texts = keptTexts(MAX_KEPT)
    kept.set(props.appeal, texts)
  }
  const key = `${l.language} ${l.prefix} ${l.languages.join(',')} ${props.currency} ${props.country ?? ''}`
  // Void elements are written as HTML with the rest of the page, by the shell's document().
  const html = texts(key, () =>
    renderToString(
      <LocaleContext.Provider value={l}>
        <ChooserFields appeal={props.appeal} currency={props.currency} country={props.country} />
      </LocaleContext.Provider>,
    ),
  )
  return (
    <form
      class="chooser"
      method="post"
      action={l.path('/support/checkout')}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  )
}
