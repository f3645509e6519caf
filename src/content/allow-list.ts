/**
 * The article body's allow-list: which tags a stored body may hold, the attributes each may
 * carry, and the link schemes. `body.ts` builds the sanitizer's options from it; the admin's rich
 * editor (`src/admin/editor/rules.client.ts`) imports it as well, so this module imports nothing:
 * it is bundled for the browser, where sanitize-html must not go.
 */

/** Tag name → the attributes it may carry (lower case). */
export type AllowList = Readonly<Record<string, readonly string[]>>

interface TagRule {
  /** Attributes a stored body may carry on this tag. */
  attributes: readonly string[]
  /**
   * The attributes the rich editor keeps on this tag; absent when its schema has no place for
   * the tag at all, so a body holding it stays in the HTML textarea instead of losing it.
   */
  rich?: readonly string[]
}

// One table, so the sanitizer and the editor cannot drift apart: a new tag is one line here.
const TAGS: Readonly<Record<string, TagRule>> = {
  p: { attributes: ['lang', 'dir'], rich: [] },
  h2: { attributes: [], rich: [] },
  h3: { attributes: [], rich: [] },
  h4: { attributes: [], rich: [] },
  blockquote: { attributes: ['lang', 'dir'], rich: [] },
  ul: { attributes: [], rich: [] },
  ol: { attributes: [], rich: [] },
  li: { attributes: [], rich: [] },
  // `rel` is what the sanitizer itself sets (noopener noreferrer), so it must survive it.
  a: { attributes: ['href', 'title', 'hreflang', 'rel'], rich: ['href', 'title', 'rel'] },
  strong: { attributes: [], rich: [] },
  em: { attributes: [], rich: [] },
  b: { attributes: [], rich: [] },
  i: { attributes: [], rich: [] },
  s: { attributes: [], rich: [] },
  sub: { attributes: [] },
  sup: { attributes: [] },
  br: { attributes: [], rich: [] },
  hr: { attributes: [], rich: [] },
  // An image placeholder: the reader site fills it from the image table.
  figure: { attributes: ['data-image-id'], rich: ['data-image-id'] },
  figcaption: { attributes: [] },
  cite: { attributes: [] },
  code: { attributes: [], rich: [] },
  pre: { attributes: [], rich: [] },
  abbr: { attributes: ['title'] },
  table: { attributes: [] },
  thead: { attributes: [] },
  tbody: { attributes: [] },
  tr: { attributes: [] },
  th: { attributes: ['scope', 'colspan', 'rowspan'] },
  td: { attributes: ['colspan', 'rowspan'] },
  caption: { attributes: [] },
}

/** Everything a stored body may hold: what the sanitizer keeps. */
export const BODY_ALLOW_LIST: AllowList = Object.fromEntries(
  Object.entries(TAGS).map(([tag, rule]) => [tag, rule.attributes]),
)

/** The part of the body's allow-list the rich editor can represent and will keep. */
export const RICH_ALLOW_LIST: AllowList = Object.fromEntries(
  Object.entries(TAGS).flatMap(([tag, rule]) => (rule.rich ? [[tag, rule.rich]] : [])),
)

/** Schemes a link may use; relative addresses are kept too, protocol-relative ones are not. */
export const LINK_SCHEMES: readonly string[] = ['http', 'https', 'mailto']

/** An image placeholder's `data-image-id`: an image's id, 1 to 12 digits, no leading zero. */
export const IMAGE_ID = /^[1-9][0-9]{0,11}$/
