/**
 * Fronts: the home page and each section's first page. Editors may place stories on them (the
 * lead first, then the next ones); the places they leave empty fill with the newest stories.
 * Rules only.
 */
import type { ArticleSummary } from './article.js'

/** How many stories an editor may place on one front: the lead and the four under it. */
export const FRONT_SLOTS = 5

/** The home page's front, or a section's. */
export function frontKey(where: { sectionId: number } | 'home'): string {
  return where === 'home' ? 'home' : `section:${where.sectionId}`
}

/**
 * The stories a front shows, `count` of them: the placed ones still readable, in the editor's
 * order, then the newest others, each story once.
 */
export function fillFront(
  placed: readonly ArticleSummary[],
  newest: readonly ArticleSummary[],
  count: number,
): ArticleSummary[] {
  const out: ArticleSummary[] = []
  const seen = new Set<number>()
  for (const a of [...placed, ...newest]) {
    if (out.length >= count) break
    if (seen.has(a.id)) continue
    seen.add(a.id)
    out.push(a)
  }
  return out
}

/** The form's choices to the ids to keep: blanks dropped, repeats kept once, at most FRONT_SLOTS. */
export function frontChoices(ids: readonly (number | null | undefined)[]): number[] {
  const out: number[] = []
  for (const id of ids) if (id && !out.includes(id) && out.length < FRONT_SLOTS) out.push(id)
  return out
}
