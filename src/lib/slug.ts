import slugifyLib from 'slugify'

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** A URL slug from any text: lowercase ASCII letters, digits and single hyphens, ≤ 80 chars. */
export function slugify(text: string): string {
  const s = slugifyLib(text, { lower: true, strict: true, trim: true })
  return s.slice(0, 80).replace(/-+$/, '') || 'untitled'
}

export function isSlug(s: string): boolean {
  return s.length <= 80 && SLUG.test(s)
}
