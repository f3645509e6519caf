// The front pages' chosen stories (content/front.ts), added to the Database type here: schema.ts
// is at its 400-line limit.
declare module './schema.js' {
  interface Database {
    front_pick: FrontPickTable
  }
}

/**
 * A story an editor placed on a front: the home page (`home`) or a section's (`section:<id>`),
 * in one edition's language. Position 0 is the lead; the others follow in order. A story that
 * is not published (or no longer is) is passed over when the page is drawn, not deleted.
 */
export interface FrontPickTable {
  front: string
  language: string
  position: number
  article_id: number
}
