import { z } from 'zod'
import { isSlug } from '../../lib/slug.js'
import { pageNumber } from '../pages/page-deps.js'

/**
 * The reader site's route schemas (ADR 011). Reader routes are forgiving where they always were:
 * a junk `?page=` is page 1 and a missing form field is empty, so these schemas turn what the
 * old hand checks accepted into the same values, and refuse (404) only what they refused.
 */

/** A section, topic, author or newsletter slug. */
export const Slug = z.string().refine(isSlug, 'a slug: lowercase letters, digits and hyphens')

export const SlugParams = z.object({ slug: Slug })

/** `/:section/:year/:month/:slug`: the one address of an article. */
export const ArticleParams = z.object({
  section: Slug,
  year: z.string().regex(/^\d{4}$/, 'a year: four digits'),
  month: z.string().regex(/^\d{2}$/, 'a month: two digits'),
  slug: Slug,
})

/**
 * A query or form value that is never refused, only read: `read` turns whatever came (or
 * undefined, when nothing did) into what the handler works with.
 */
export function lenient<T>(read: (v: unknown) => T) {
  return z.unknown().optional().transform(read)
}

/** `?page=N` on lists; anything else (absent, repeated, junk, zero) is page 1. */
export const PageQuery = z.object({ page: lenient(pageNumber) })

/**
 * A form field as text: absent, repeated or not a string (a JSON body) reads as '', as the
 * handlers read it by hand before, so no status changes.
 */
export const Field = lenient((v): string => (typeof v === 'string' ? v : ''))

/**
 * A form body. A missing or non-object body reads as an empty form, so a request without one
 * gets the same page (and status) as a form left empty.
 */
export function formBody<S extends z.ZodRawShape>(shape: S) {
  return z.preprocess(
    (b) => (b !== null && typeof b === 'object' && !Array.isArray(b) ? b : {}),
    z.object(shape),
  )
}

/** A signed link's signature: what the server's signer writes (base64url), within bounds. */
export const Signature = z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'a signature')

/** A signed link's expiry: epoch milliseconds, thirteen digits. */
export const Expiry = z.string().regex(/^[0-9]{13}$/, 'a time in milliseconds')
