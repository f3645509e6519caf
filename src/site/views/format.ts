/**
 * Formatting for reader pages. Times are shown in the newsroom's time zone (TIME_ZONE), with the
 * zone's name, since readers are spread across many; the page's tree gets the zone through
 * TimeZoneContext, so no view passes it down by hand.
 */
import { serverContext } from './server-context.js'
import { keptTexts } from '../../lib/kept-texts.js'

export const TimeZoneContext = serverContext('UTC')

/**
 * A date format in any language and zone: one Intl.DateTimeFormat per language and zone, and
 * each instant's text kept. The same instant formatted the same way reads the same, and Intl's
 * formatting was a large share of a page's rendering.
 */
function dateFormat(
  options: Omit<Intl.DateTimeFormatOptions, 'timeZone'>,
): (d: Date, language: string, timeZone?: string) => string {
  const formats = new Map<string, Intl.DateTimeFormat>()
  const texts = keptTexts(4096)
  return (d, language, timeZone = 'UTC') => {
    const key = `${language} ${timeZone}`
    return texts(`${key} ${d.getTime()}`, () => {
      let f = formats.get(key)
      if (!f) {
        f = new Intl.DateTimeFormat(language, { ...options, timeZone })
        formats.set(key, f)
      }
      return f.format(d)
    })
  }
}

/** Day, month in words, year and time, with the zone's name. */
export const formatDateTime = dateFormat({
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
})

/** The day only, as the newsroom's calendar has it. */
export const formatDate = dateFormat({ day: 'numeric', month: 'short', year: 'numeric' })

/** JSON for a <script type="application/ld+json">: `<` escaped so no string can close the tag. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

// A void element as the renderer writes it: its attributes (values always in double quotes, in
// which `"` is escaped; a value may hold `/>`), then `/>`.
const SELF_CLOSED_VOID =
  /<(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)((?:\s+[^\s"'=/>]+(?:="[^"]*")?)*)\s*\/>/g

/**
 * HTML's void elements written as HTML (`<input … checked>`), not as XML (`<input … checked/>`):
 * w3m, a text browser some readers behind blocks use, reads `checked/` as an unknown attribute
 * and shows no radio button as chosen. Text cannot hold a raw `<` (the renderer escapes it), so
 * only real tags match.
 */
export function voidTagsAsHtml(html: string): string {
  return html.replace(SELF_CLOSED_VOID, '<$1$2>')
}
