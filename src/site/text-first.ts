/**
 * Which reader gets a text-first page (SOS mode, ADR 022): everyone while SOS is on, except a
 * reader who asked for the pictures (`?pictures=1`), who gets the site's usual page. Decided
 * once per request and kept on it, so the cached copy chosen before routing (page-variant.ts)
 * and the page the route renders can never disagree, even if the switch flips in between.
 */
import type { VariantRequest } from '../http/responses.js'
import { PICTURES_PARAM } from './views/text-first.js'

/** `?pictures=1` (exactly one value): the reader asked for the usual page with its images. */
export function wantsPictures(url: string): boolean {
  const q = url.indexOf('?')
  if (q === -1) return false
  const v = new URLSearchParams(url.slice(q + 1)).getAll(PICTURES_PARAM)
  return v.length === 1 && v[0] === '1'
}

export type TextFirstOf = (req: Pick<VariantRequest, 'url' | 'raw'>) => boolean | Promise<boolean>

/** Decides text-first for a request from SOS mode's switch; the answer is kept on the request. */
export function textFirstOf(active: () => boolean | Promise<boolean>): TextFirstOf {
  const decided = new WeakMap<object, boolean | Promise<boolean>>()
  return (req) => {
    // Kept on Node's request, which the page cache's front and Fastify's request share.
    const kept = decided.get(req.raw)
    if (kept !== undefined) return kept
    // The admin's preview shows the usual page; only reader pages follow the switch.
    const answer = req.url.startsWith('/admin') || wantsPictures(req.url) ? false : active()
    decided.set(req.raw, answer)
    if (typeof answer !== 'boolean') void answer.then((b) => decided.set(req.raw, b))
    return answer
  }
}
