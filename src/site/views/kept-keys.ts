import type { ArticleSummary, Credit, Image } from '../../content/index.js'

// The keys that the kept page parts (remembered.tsx, ADR 045) are kept under: each says every
// value its part shows.

/** How a card is drawn, besides its story: the parts of ArticleCard's props that are data. */
export interface CardShape {
  siteLanguage: string
  image?: boolean | undefined
  headingLevel?: 2 | 3 | undefined
  showSection?: boolean | undefined
}

/**
 * A text that says every value of a card (ADR 045): the key its HTML is kept under, so a card
 * whose story, byline or picture changed in any way is a new key. Free texts go in with their
 * length first, so no two different cards can read the same; a null is a mark no text starts
 * with. Written out field by field: `JSON.stringify` of a summary, with its dates, cost as much
 * as drawing the card (measured, ADR 045). kept-keys.test.ts changes each field of a summary in
 * turn and requires a new key, so a field added to ArticleSummary without a place here fails.
 */
export function cardKey(shape: CardShape, a: ArticleSummary): string {
  return `${shape.image ? 1 : 0}${shape.headingLevel ?? 2}${shape.showSection ? 1 : 0} ${shape.siteLanguage} ${a.id} ${a.slug} ${a.language} ${a.wordCount} ${a.publishedAt.getTime()} ${a.updatedAt.getTime()} ${a.section.id} ${a.section.slug} ${keyText(a.section.name)}${keyText(a.kicker)}${keyText(a.headline)}${keyText(a.summary)}${imageKey(a.leadImage)}${a.credits.map(creditKey).join('')}`
}

/** A free text in a key: its length first, so no two texts run together; null is its own mark. */
export function keyText(v: string | null): string {
  return v === null ? '\u0000' : `${v.length}:${v}`
}

function imageKey(i: Image | null): string {
  if (i === null) return '\u0000'
  return `${i.id} ${i.storageKey} ${i.width} ${i.height} ${i.widths.join(',')} ${keyText(i.alt)}${keyText(i.caption)}${keyText(i.credit)}`
}

function creditKey(c: Credit): string {
  switch (c.kind) {
    case 'author':
      return `a${c.author.id} ${c.author.slug} ${keyText(c.author.name)}`
    case 'guest':
      return `g${keyText(c.name)}`
    case 'agency':
      return `y${c.agency.id} ${c.agency.slug} ${keyText(c.agency.name)}${keyText(c.agency.url)}`
  }
}
