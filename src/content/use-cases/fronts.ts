import { AppError } from '../../lib/errors.js'
import type { ArticleSummary } from '../article.js'
import type { ContentKey } from '../content-keys.js'
import type { ContentRepository } from '../content-repository.js'
import { FRONT_SLOTS, fillFront, frontChoices, frontKey } from '../front.js'

/** Where a front is: the home page of an edition, or a section's first page in it. */
export interface FrontPlace {
  sectionId?: number | undefined
  language: string
}

/** The stories editors place on fronts (content/front.ts). */
export interface FrontService {
  /** The ids placed on a front, in order, whatever their status (the admin's form). */
  placedOnFront(place: FrontPlace): Promise<number[]>
  /**
   * Places stories on a front, the lead first; an empty list gives the front back to the newest
   * stories. FRONT_STORY_INVALID, changing nothing, for a story that is not there, is in
   * another language, or (on a section's front) is filed elsewhere.
   */
  placeOnFront(place: FrontPlace, ids: readonly (number | null | undefined)[]): Promise<void>
  /**
   * The `count` stories a front shows: the placed ones that readers can see at `now` (in the
   * edition's language only, when `language` is set), then `newest`.
   */
  frontStories(
    place: FrontPlace & { filterLanguage: boolean },
    newest: readonly ArticleSummary[],
    count: number,
    now: Date,
  ): Promise<ArticleSummary[]>
}

export function createFrontService(deps: {
  repo: ContentRepository
  changed: (keys: ContentKey[]) => void
}): FrontService {
  const { repo } = deps
  const keyOf = (p: FrontPlace) => frontKey(p.sectionId ? { sectionId: p.sectionId } : 'home')
  return {
    placedOnFront: (place) => repo.frontPicks(keyOf(place), place.language),

    async placeOnFront(place, ids) {
      const chosen = frontChoices(ids)
      const problems: string[] = []
      for (const [i, id] of chosen.entries()) {
        const a = await repo.findArticleById(id)
        const slot = i === 0 ? 'The lead' : `Story ${i + 1}`
        if (!a) problems.push(`${slot}: there is no story ${id}`)
        else if (a.language !== place.language)
          problems.push(`${slot}: “${a.headline}” is in another language`)
        else if (place.sectionId && a.section.id !== place.sectionId)
          problems.push(`${slot}: “${a.headline}” is filed in ${a.section.name}`)
      }
      if (problems.length)
        throw new AppError('FRONT_STORY_INVALID', {
          message: 'These stories cannot go on this front',
          details: problems,
        })
      await repo.saveFrontPicks(keyOf(place), place.language, chosen)
      deps.changed(place.sectionId ? [`section:${place.sectionId}`] : ['list'])
    },

    async frontStories(place, newest, count, now) {
      const ids = (await repo.frontPicks(keyOf(place), place.language)).slice(0, FRONT_SLOTS)
      if (ids.length === 0) return fillFront([], newest, count)
      const found = new Map((await repo.summariesByIds(ids, now)).map((a) => [a.id, a]))
      const placed = ids
        .map((id) => found.get(id))
        .filter((a): a is ArticleSummary => !!a)
        .filter((a) => !place.filterLanguage || a.language === place.language)
        .filter((a) => !place.sectionId || a.section.id === place.sectionId)
      return fillFront(placed, newest, count)
    },
  }
}
