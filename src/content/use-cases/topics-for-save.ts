import { slugify } from '../../lib/slug.js'
import type { TaxonomyRepository } from '../repositories/taxonomy.js'
import type { TaxonomyService } from './taxonomy.js'

/** New topics one save may make, and how long each name may be. */
export const MAX_NEW_TOPICS = 5
export const MAX_TOPIC_NAME = 120

/** Why the topics named in a save were not made. */
export type TopicsRefusal = 'too-many' | 'too-long'

/** Topics a writer names while saving an article, made on the way. */
export interface TopicsForSave {
  /**
   * The ids of the topics named (trimmed, empty names ignored): an existing topic with the
   * name's slug is reused, any other is made now. Nothing is made when the list is refused.
   */
  topicsForSave(names: readonly string[]): Promise<number[] | { refused: TopicsRefusal }>
}

export interface TopicsForSaveDeps {
  repo: Pick<TaxonomyRepository, 'findTopicBySlug'>
  taxonomy: Pick<TaxonomyService, 'createTopic'>
}

export function createTopicsForSave(deps: TopicsForSaveDeps): TopicsForSave {
  return {
    async topicsForSave(names) {
      const wanted = names.map((n) => n.trim()).filter(Boolean)
      if (wanted.length > MAX_NEW_TOPICS) return { refused: 'too-many' }
      if (wanted.some((n) => n.length > MAX_TOPIC_NAME)) return { refused: 'too-long' }
      const ids: number[] = []
      // One at a time: two names with one slug make one topic.
      for (const name of wanted) {
        const slug = slugify(name)
        const id =
          (await deps.repo.findTopicBySlug(slug))?.id ??
          (await deps.taxonomy.createTopic({ slug, name }))
        if (!ids.includes(id)) ids.push(id)
      }
      return ids
    },
  }
}
