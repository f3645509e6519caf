/**
 * Formatting for reader pages. Times are shown in the newsroom's time zone (TIME_ZONE), with the
 * zone's name, since readers are spread across many; the page's tree gets the zone through
 * TimeZoneContext, so no view passes it down by hand.
 */
import { createContext } from 'preact'

export const TimeZoneContext = createContext('UTC')

const dateFormats = new Map<string, Intl.DateTimeFormat>()

/**
 * The same instant formatted the same way reads the same: a page shows its stories' times, and
 * the next page mostly the same stories. Intl's formatting is a large share of a page's
 * rendering, so each format keeps its last texts, forgotten all at once past `max`.
 */
function remembered(max: number): (key: string, make: () => string) => string {
  const texts = new Map<string, string>()
  return (key, make) => {
    let text = texts.get(key)
    if (text === undefined) {
      if (texts.size >= max) texts.clear()
      text = make()
      texts.set(key, text)
    }
    return text
  }
}
const dateTimeTexts = remembered(4096)
const dateTexts = remembered(4096)

export function formatDateTime(d: Date, language: string, timeZone = 'UTC'): string {
  const key = `${language} ${timeZone}`
  let f = dateFormats.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(language, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
      timeZoneName: 'short',
    })
    dateFormats.set(key, f)
  }
  const format = f
  return dateTimeTexts(`${key} ${d.getTime()}`, () => format.format(d))
}

const shortFormats = new Map<string, Intl.DateTimeFormat>()
/** The day only, as the newsroom's calendar has it. */
export function formatDate(d: Date, language: string, timeZone = 'UTC'): string {
  const key = `${language} ${timeZone}`
  let f = shortFormats.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(language, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone,
    })
    shortFormats.set(key, f)
  }
  const format = f
  return dateTexts(`${key} ${d.getTime()}`, () => format.format(d))
}

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
