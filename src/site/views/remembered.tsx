import { type VNode, h } from 'preact'
import { useContext } from 'preact/hooks'
import { renderToString } from 'preact-render-to-string'
import { keptTexts } from '../../lib/kept-texts.js'
import { TimeZoneContext } from './format.js'
import { type Locale, LocaleContext, useLocale } from './locale.js'
import { TextFirst, useTextFirst } from './text-first.js'

/*
 * Page parts rendered once and kept as HTML (ADR 045): the masthead, the footer, the cards of
 * stories in lists, the sign-up box and the support slot's chooser (ADR 037). Each is a pure
 * function of its store, its key and the three contexts such parts read: the edition (language,
 * prefix, texts), the time zone and text-first. The key says every value the part shows (the
 * chooser's store is its appeal object), so an edit is a new key, never a stale text, and
 * nothing needs purging. A part that reads any other context or a reader's own values is not
 * for here.
 *
 * The HTML is what preact wrote for our own components, escaped as every view is, and goes
 * inside the element it belongs in with `dangerouslySetInnerHTML`.
 */

/** Where a kind of part keeps its texts: at most `max` per edition, then it starts again. */
export interface KeptParts {
  byLocale: WeakMap<Locale, ReturnType<typeof keptTexts>>
  max: number
}

export function keptParts(max: number): KeptParts {
  return { byLocale: new WeakMap(), max }
}

/**
 * The element `tag` with `attrs`, its inside rendered by `render` the first time `id` is asked
 * for under the page's contexts, then read from `parts`. A component of its own because it
 * renders a page inside the page: preact's hooks (the contexts read here) must come before that,
 * in the component they belong to.
 */
export function Kept(props: {
  parts: KeptParts
  id: string
  tag: 'article' | 'footer' | 'form' | 'header' | 'section'
  attrs: Record<string, string | undefined>
  render: () => VNode
}) {
  const locale = useLocale()
  const timeZone = useContext(TimeZoneContext)
  const textFirst = useTextFirst()
  const { byLocale, max } = props.parts
  let texts = byLocale.get(locale)
  if (!texts) {
    texts = keptTexts(max)
    byLocale.set(locale, texts)
  }
  const html = texts(`${timeZone}\u0000${textFirst ? 1 : 0}\u0000${props.id}`, () =>
    renderToString(
      <LocaleContext.Provider value={locale}>
        <TimeZoneContext.Provider value={timeZone}>
          <TextFirst.Provider value={textFirst}>{props.render()}</TextFirst.Provider>
        </TimeZoneContext.Provider>
      </LocaleContext.Provider>,
    ),
  )
  return h(props.tag, { ...props.attrs, dangerouslySetInnerHTML: { __html: html } })
}
