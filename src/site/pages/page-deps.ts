import type { ContentRepository, ContentService } from '../../content/index.js'
import type { Clock } from '../../lib/clock.js'
import type { Newsletter } from '../../newsletter/index.js'

/** What page loaders use. Built once in app.ts. */
export interface PageDeps {
  repo: ContentRepository
  content: ContentService
  clock: Clock
  site: { name: string; description: string; language: string }
  /** The newsletters readers can sign up for (none: no box is shown). */
  newsletters?: () => Promise<Newsletter[]>
}

export const PAGE_SIZE = 20

/**
 * Deepest list page served. OFFSET walks every skipped row, so an unbounded page number is a
 * cheap way to make the database work; 500 pages is 10,000 stories per list (sitemaps and
 * feeds still reach every article).
 */
export const MAX_PAGE = 500

/** `?page=N` as a number; anything else (absent, repeated, junk, zero) is page 1. */
export function pageNumber(raw: unknown): number {
  if (typeof raw !== 'string' || !/^[1-9][0-9]{0,5}$/.test(raw)) return 1
  return Number(raw)
}

export function pageHref(path: string, page: number): string {
  return page <= 1 ? path : `${path}?page=${page}`
}
