import type { ComponentChildren } from 'preact'
import type { MessageValues } from '../../i18n/index.js'
import { useLocale } from './locale.js'

// Marks where an element goes in the formatted text; never in a catalogue or a reader's input
// that reaches a message (private-use characters).
const OPEN = '\uE000'
const CLOSE = '\uE001'
const SLOT = /\uE000([A-Za-z0-9_]+)\uE001/

/**
 * A message whose placeholders hold elements ("Blocked? {link}: …" with a link in it): the
 * sentence is translated whole, then cut where each element goes. Text stays escaped.
 */
export function Msg(props: {
  k: string
  values?: MessageValues
  parts: Record<string, ComponentChildren>
}) {
  const { t } = useLocale()
  // Not a spread: on Node 20 a spread copy given more properties is slow (ADR 039).
  const marks: MessageValues = Object.assign({}, props.values)
  for (const name of Object.keys(props.parts)) marks[name] = `${OPEN}${name}${CLOSE}`
  const out: ComponentChildren[] = []
  let rest = t(props.k, marks)
  for (let m = SLOT.exec(rest); m; m = SLOT.exec(rest)) {
    if (m.index > 0) out.push(rest.slice(0, m.index))
    out.push(props.parts[m[1]!])
    rest = rest.slice(m.index + m[0].length)
  }
  if (rest) out.push(rest)
  return <>{out}</>
}
