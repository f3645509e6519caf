import { articlePath, type ContentRepository } from '../content/index.js'
import type { Clock } from '../lib/clock.js'

/** An article as an edition shows it: the words and the address, no more. */
export interface EditionArticle {
  id: number
  kicker: string | null
  headline: string
  summary: string
  /** The article's path on the site, `/world/2026/11/slug`. */
  path: string
}

/** A published article the suggested selection may take. */
export interface PickCandidate {
  id: number
  publishedAt: Date
  /** Carries the editors' pick topic: the suggestion puts it first. */
  pick: boolean
}

/** What editions need to know about articles. */
export interface EditionArticles {
  /** The given articles that are published now, in the order asked for; others are left out. */
  summaries(ids: number[]): Promise<EditionArticle[]>
  /**
   * The newest published articles (up to `limit`) and the newest editors' picks (up to `limit`
   * more, when the pick topic exists), each once, marked when it carries the pick topic.
   */
  recent(limit: number, language?: string): Promise<PickCandidate[]>
}

export interface EditionArticlesDeps {
  repo: Pick<ContentRepository, 'summariesByIds' | 'findTopicBySlug' | 'listPublished'>
  clock: Clock
  /** The slug of the topic editors tag their picks with (EDITORS_PICK_TOPIC). */
  pickTopic: string
  /** SITE_LANGUAGES: a story's address carries its language's prefix (ADR 026). */
  languages?: readonly string[]
}

export function createEditionArticles(deps: EditionArticlesDeps): EditionArticles {
  const { repo, clock } = deps
  return {
    async summaries(ids) {
      return (await repo.summariesByIds(ids, clock.now())).map((a) => ({
        id: a.id,
        kicker: a.kicker,
        headline: a.headline,
        summary: a.summary,
        path: articlePath(a, deps.languages),
      }))
    },

    async recent(limit, language) {
      const now = clock.now()
      const page = { limit, offset: 0 }
      const topic = await repo.findTopicBySlug(deps.pickTopic)
      // Picks are asked for apart from the newest: an older pick still leads the suggestion.
      const [all, picks] = await Promise.all([
        repo.listPublished({ kind: 'all', language }, page, now),
        topic
          ? repo.listPublished({ kind: 'topic', topicId: topic.id, language }, page, now)
          : null,
      ])
      const picked = new Set(picks?.items.map((a) => a.id))
      const byId = new Map([...all.items, ...(picks?.items ?? [])].map((a) => [a.id, a]))
      return [...byId.values()].map((a) => ({
        id: a.id,
        publishedAt: a.publishedAt,
        pick: picked.has(a.id),
      }))
    },
  }
}
