import type { Clock } from '../../lib/clock.js'
import { type ContentKey, keysFor } from '../content-keys.js'
import type { ArticleReads } from '../repositories/article-reads.js'
import type { PublicationSchedule } from '../repositories/schedule.js'

/** Scheduled publication and takedown. */
export interface PublishingService {
  /**
   * Publishes every scheduled article whose time has come and takes down every one whose
   * takedown time has. Returns when the next one is due, so the caller can sleep exactly that
   * long.
   */
  publishDue(): Promise<{ published: number[]; unpublished: number[]; next: Date | null }>
}

export function createPublishingService(deps: {
  repo: PublicationSchedule & Pick<ArticleReads, 'findArticleById'>
  clock: Clock
  /** Told which content keys changed, after the change is committed. */
  changed: (keys: ContentKey[]) => void
}): PublishingService {
  const { repo, clock } = deps
  return {
    async publishDue() {
      const published = await repo.promoteDue(clock.now())
      const unpublished = await repo.unpublishDue(clock.now())
      const ids = [...published, ...unpublished]
      if (ids.length) {
        const keys: ContentKey[] = []
        for (const id of ids) {
          const a = await repo.findArticleById(id)
          if (a) keys.push(...keysFor(a))
        }
        deps.changed(keys)
      }
      return { published, unpublished, next: await repo.nextScheduledAt() }
    },
  }
}
