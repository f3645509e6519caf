/** Formatting for reader pages. Times are shown in UTC: the newsroom and readers are spread out. */

const dateFormats = new Map<string, Intl.DateTimeFormat>()

export function formatDateTime(d: Date, language: string): string {
  let f = dateFormats.get(language)
  if (!f) {
    f = new Intl.DateTimeFormat(language, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'UTC',
    })
    dateFormats.set(language, f)
  }
  return `${f.format(d)} UTC`
}

const shortFormats = new Map<string, Intl.DateTimeFormat>()
export function formatDate(d: Date, language: string): string {
  let f = shortFormats.get(language)
  if (!f) {
    f = new Intl.DateTimeFormat(language, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    })
    shortFormats.set(language, f)
  }
  return f.format(d)
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
