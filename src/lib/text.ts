/** Small string helpers with no domain words in them. */

/** Collapses whitespace and trims. */
export function squish(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

/** Shortens to at most `max` characters at a word boundary, adding an ellipsis when cut. */
export function truncateWords(s: string, max: number): string {
  const t = squish(s)
  if (t.length <= max) return t
  const cut = t.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text made safe inside HTML, in element content and in quoted attribute values alike. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!)
}

/** Escapes the five XML special characters, and drops characters XML 1.0 forbids. */
export function escapeXml(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[<>&'"]/g, (c) =>
        c === '<'
          ? '&lt;'
          : c === '>'
            ? '&gt;'
            : c === '&'
              ? '&amp;'
              : c === "'"
                ? '&apos;'
                : '&quot;',
      )
  )
}
