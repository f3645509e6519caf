import { zonedInstant } from '../../lib/time-zone.js'
import type { Clock } from '../../lib/clock.js'
import type { ArticleSummary, Section, Topic } from '../article.js'
import type { ArticleReads } from '../repositories/article-reads.js'
import type { SearchIndex } from '../repositories/search-index.js'
import type { TaxonomyRepository } from '../repositories/taxonomy.js'
import { type TextPart, highlight, queryTerms, snippet } from '../search-text.js'

/** Results a page. */
export const SEARCH_PAGE_SIZE = 20
/** Deepest page served: 1,000 results is more than anyone reads, and OFFSET costs. */
export const SEARCH_MAX_PAGE = 50

/** What a reader asked for, as read from the address (every part optional). */
export interface SearchRequest {
  q?: string | undefined
  /** The edition's language; the site's language when absent. */
  language?: string | undefined
  /** A section's slug. */
  section?: string | undefined
  /** A topic's slug. */
  topic?: string | undefined
  /** YYYY-MM-DD, inclusive, in UTC like article addresses. */
  from?: string | undefined
  to?: string | undefined
  page?: number | undefined
}

export interface SearchResult {
  article: ArticleSummary
  headline: TextPart[]
  snippet: TextPart[]
}

export type SearchOutcome =
  /** Nothing to look for: no query, or no word in it long or rare enough. */
  | { kind: 'no-query' | 'too-short' }
  | {
      kind: 'results'
      /** Stories found, counted up to 1,000 (`more`: there are more than that). */
      total: number
      more: boolean
      page: number
      pages: number
      results: SearchResult[]
    }

export interface SearchAnswer {
  /** The query as it will be shown back (cut to a sane length). */
  q: string
  language: string
  section?: Section | undefined
  topic?: Topic | undefined
  from?: string | undefined
  to?: string | undefined
  outcome: SearchOutcome
}

/** Searching published articles of one language. */
export interface ArticleSearch {
  search(r: SearchRequest): Promise<SearchAnswer>
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const SLUG = /^[a-z0-9-]{1,120}$/

/**
 * A YYYY-MM-DD day's start in the newsroom's zone (its midnight, DST-safe), or undefined when it
 * is not a real day. `next`: the start of the day after, where a "to" day ends.
 */
export function dayStart(s: string | undefined, timeZone = 'UTC', next = false): Date | undefined {
  const m = s ? DAY.exec(s) : null
  if (!m) return undefined
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])]
  if (new Date(Date.UTC(y, mo, d)).toISOString().slice(0, 10) !== s) return undefined
  return zonedInstant(y, mo, d + (next ? 1 : 0), 0, 0, timeZone)
}

export function createArticleSearch(deps: {
  repo: SearchIndex &
    Pick<ArticleReads, 'summariesByIds'> &
    Pick<TaxonomyRepository, 'findSectionBySlug' | 'findTopicBySlug'>
  clock: Clock
  defaultLanguage: string
  /** TIME_ZONE: the from and to days are the newsroom's calendar days. */
  timeZone?: string
}): ArticleSearch {
  const { repo } = deps
  return {
    async search(r) {
      const q = (r.q ?? '').trim().slice(0, 200)
      const language = r.language ?? deps.defaultLanguage
      // Only a slug is looked up: anything else (a NUL byte PostgreSQL refuses…) is no filter.
      const [section, topic] = await Promise.all([
        r.section && SLUG.test(r.section) ? repo.findSectionBySlug(r.section) : undefined,
        r.topic && SLUG.test(r.topic) ? repo.findTopicBySlug(r.topic) : undefined,
      ])
      const from = dayStart(r.from, deps.timeZone)
      const toDay = dayStart(r.to, deps.timeZone, true)
      const base = {
        q,
        language,
        section,
        topic,
        from: from ? r.from : undefined,
        to: toDay ? r.to : undefined,
      }
      const terms = queryTerms(q)
      if (q === '') return { ...base, outcome: { kind: 'no-query' } }
      if ([...q].length < 2 || terms.length === 0)
        return { ...base, outcome: { kind: 'too-short' } }
      const page = Math.min(Math.max(1, r.page ?? 1), SEARCH_MAX_PAGE)
      const now = deps.clock.now()
      const found = await repo.searchArticles({
        terms,
        language,
        sectionId: section?.id,
        topicId: topic?.id,
        from,
        before: toDay,
        now,
        limit: SEARCH_PAGE_SIZE,
        offset: (page - 1) * SEARCH_PAGE_SIZE,
      })
      const summaries = new Map(
        (
          await repo.summariesByIds(
            found.hits.map((h) => h.articleId),
            now,
          )
        ).map((s) => [s.id, s]),
      )
      const results = found.hits.flatMap((h) => {
        const article = summaries.get(h.articleId)
        if (!article) return []
        const body = snippet(h.text, terms)
        return [
          {
            article,
            headline: highlight(article.headline, terms),
            // Found by its byline or topics alone: the summary says what the story is.
            snippet: body.some((p) => p.mark) ? body : highlight(article.summary, terms),
          },
        ]
      })
      const pages = Math.min(SEARCH_MAX_PAGE, Math.ceil(found.total / SEARCH_PAGE_SIZE))
      const { total, more } = found
      return { ...base, outcome: { kind: 'results', total, more, page, pages, results } }
    },
  }
}
