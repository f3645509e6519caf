import type { Kysely } from 'kysely'
import type { Database } from '../../storage/index.js'
import { publishedBase } from './rows.js'

/** What an article's address is made of, and when it last changed. */
export interface SitemapEntry {
  path: { slug: string; section: { slug: string }; publishedAt: Date }
  updatedAt: Date
}

/** A sitemap entry with what a news sitemap adds. */
export interface NewsEntry extends SitemapEntry {
  headline: string
  language: string
}

/** Just enough of each published article for sitemaps and the news sitemap, no bodies. */
export interface SitemapRows {
  /** Oldest first, so a sitemap page keeps its URLs as the archive grows. */
  listSitemapEntries(offset: number, limit: number, now: Date): Promise<SitemapEntry[]>
  /** Articles published between `since` and `now`, newest first. */
  listPublishedSince(since: Date, now: Date, limit: number): Promise<NewsEntry[]>
  /** The last edit of any article readers can see, or null when there is none. */
  latestChange(now: Date): Promise<Date | null>
}

export function createSitemapRows(db: Kysely<Database>): SitemapRows {
  return {
    async listSitemapEntries(offset, limit, now) {
      const rows = await publishedBase(db, now)
        .select([
          'article.slug',
          'section.slug as section_slug',
          'article.published_at',
          'article.updated_at',
        ])
        .orderBy('article.published_at', 'asc')
        .orderBy('article.id', 'asc')
        .limit(limit)
        .offset(offset)
        .execute()
      return rows.map((r) => ({
        path: {
          slug: r.slug,
          section: { slug: r.section_slug },
          publishedAt: new Date(r.published_at ?? 0),
        },
        updatedAt: new Date(r.updated_at),
      }))
    },

    async listPublishedSince(since, now, limit) {
      const rows = await publishedBase(db, now)
        .select([
          'article.slug',
          'article.headline',
          'article.language',
          'section.slug as section_slug',
          'article.published_at',
          'article.updated_at',
        ])
        .where('article.published_at', '>=', since.getTime())
        .orderBy('article.published_at', 'desc')
        .orderBy('article.id', 'desc')
        .limit(limit)
        .execute()
      return rows.map((r) => ({
        path: {
          slug: r.slug,
          section: { slug: r.section_slug },
          publishedAt: new Date(r.published_at ?? 0),
        },
        updatedAt: new Date(r.updated_at),
        headline: r.headline,
        language: r.language,
      }))
    },

    async latestChange(now) {
      const r = await publishedBase(db, now)
        .select((eb) => eb.fn.max('article.updated_at').as('m'))
        .executeTakeFirst()
      return r?.m ? new Date(Number(r.m)) : null
    },
  }
}
