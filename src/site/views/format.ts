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
