/** The content model's types and its rules, as pure functions. */

/**
 * draft → review → scheduled → published → unpublished. Only `published` (and `scheduled` once
 * its time has come) is shown to readers; an unpublished article answers 410 Gone.
 */
export type ArticleStatus = 'draft' | 'review' | 'scheduled' | 'published' | 'unpublished'
export const ARTICLE_STATUSES: readonly ArticleStatus[] = [
  'draft',
  'review',
  'scheduled',
  'published',
  'unpublished',
]

/** Statuses anyone who drafts may set; the rest need the right to publish. */
export const DRAFTING_STATUSES: readonly ArticleStatus[] = ['draft', 'review']

export function isDraftingStatus(s: ArticleStatus): boolean {
  return DRAFTING_STATUSES.includes(s)
}

export interface Section {
  id: number
  slug: string
  name: string
  description: string
  position: number
}

export interface Author {
  id: number
  slug: string
  name: string
  role: string
  bio: string
}

export interface Agency {
  id: number
  slug: string
  name: string
  url: string | null
}

export interface Topic {
  id: number
  slug: string
  name: string
  description: string
}

export interface Image {
  id: number
  storageKey: string
  alt: string
  caption: string
  credit: string
  width: number
  height: number
  /** Widths available as WebP files, ascending. */
  widths: number[]
}

/** One name in a byline, in order. */
export type Credit =
  | { kind: 'author'; author: Pick<Author, 'id' | 'slug' | 'name'> }
  | { kind: 'guest'; name: string }
  | { kind: 'agency'; agency: Pick<Agency, 'id' | 'slug' | 'name' | 'url'> }

export interface Article {
  id: number
  slug: string
  section: Pick<Section, 'id' | 'slug' | 'name'>
  kicker: string | null
  headline: string
  standfirst: string | null
  body: string
  summary: string
  wordCount: number
  status: ArticleStatus
  language: string
  leadImage: Image | null
  publishedAt: Date | null
  updatedAt: Date
  credits: Credit[]
  topics: Pick<Topic, 'id' | 'slug' | 'name'>[]
  /** The staff member who started it, when it was started in the admin. */
  createdBy: number | null
  /** When it comes down by itself (embargo end, takedown), if ever. */
  unpublishAt: Date | null
  /** Corrections and updates appended after publication, oldest first. */
  corrections: Correction[]
}

export interface Correction {
  id: number
  at: Date
  kind: 'correction' | 'update'
  text: string
}

/** A row of the admin's article list. */
export interface ArticleListing {
  id: number
  slug: string
  headline: string
  status: ArticleStatus
  language: string
  section: Pick<Section, 'id' | 'slug' | 'name'>
  publishedAt: Date | null
  updatedAt: Date
  credits: Credit[]
  createdBy: number | null
}

/** What a list, a feed entry or a "Read more" card needs. */
export interface ArticleSummary {
  id: number
  slug: string
  section: Pick<Section, 'id' | 'slug' | 'name'>
  kicker: string | null
  headline: string
  summary: string
  wordCount: number
  language: string
  leadImage: Image | null
  publishedAt: Date
  updatedAt: Date
  credits: Credit[]
}

/**
 * Reading speed for "N min read". 230 words a minute is a common figure for adults reading
 * news prose on a screen; we round to the nearest minute and never show less than one.
 */
export const WORDS_PER_MINUTE = 230

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE))
}

/** Readers see an article once it is published (or scheduled and due) and its time has come. */
export function isVisibleToReaders(
  a: { status: ArticleStatus; publishedAt: Date | null },
  now: Date,
): boolean {
  if ((a.status !== 'published' && a.status !== 'scheduled') || !a.publishedAt) return false
  return a.publishedAt.getTime() <= now.getTime()
}

/**
 * An edit made within a few minutes of publishing is a fix-up, not news. Past that, readers
 * are told the article was updated, and when.
 */
export const UPDATE_GRACE_MS = 5 * 60_000

export function shownAsUpdated(publishedAt: Date | null, updatedAt: Date): boolean {
  return !!publishedAt && updatedAt.getTime() - publishedAt.getTime() > UPDATE_GRACE_MS
}

/**
 * The path prefix of a language edition (ADR 026): none for the site's first language, `/xx`
 * for the others; none for a language the site does not list (its stories stay at the root).
 */
export function languagePrefix(language: string, languages: readonly string[]): string {
  if (languages.length < 2 || languages[0] === language || !languages.includes(language)) return ''
  return `/${language.toLowerCase()}`
}

/** A site path in the edition under `prefix`: `/ru/politics` for `/politics`, `/ru/` for `/`. */
export function editionPath(prefix: string, p: string): string {
  if (!prefix) return p
  return p === '/' ? `${prefix}/` : prefix + p
}

/**
 * `/section/yyyy/mm/slug`, from the publication date in UTC (so it never shifts with a server),
 * under the prefix of the article's language when the site has several (`languages`).
 */
export function articlePath(
  a: {
    slug: string
    section: { slug: string }
    publishedAt: Date | null
    language?: string
  },
  languages: readonly string[] = [],
): string {
  const d = a.publishedAt ?? new Date(0)
  const yyyy = d.getUTCFullYear().toString().padStart(4, '0')
  const mm = (d.getUTCMonth() + 1).toString().padStart(2, '0')
  const prefix = a.language ? languagePrefix(a.language, languages) : ''
  return `${prefix}/${a.section.slug}/${yyyy}/${mm}/${a.slug}`
}

export function sectionPath(slug: string): string {
  return `/${slug}`
}
export function topicPath(slug: string): string {
  return `/topic/${slug}`
}
export function authorPath(slug: string): string {
  return `/author/${slug}`
}
export function imagePath(img: Pick<Image, 'storageKey'>, width: number): string {
  return `/media/${img.storageKey}/${width}.webp`
}

/** The largest stored variant's width (the original's own when no list was kept). */
export function widestWidth(img: Pick<Image, 'widths' | 'width'>): number {
  return img.widths.at(-1) ?? img.width
}

/** The byline as one line of text: "Ana Petrova and Ivo Kral", "North Wire", "A, B and C". */
export function bylineText(credits: readonly Credit[]): string {
  const names = credits.map(creditName)
  if (names.length <= 1) return names[0] ?? ''
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

export function creditName(c: Credit): string {
  switch (c.kind) {
    case 'author':
      return c.author.name
    case 'guest':
      return c.name
    case 'agency':
      return c.agency.name
  }
}

/**
 * "Read more" ranking: articles sharing more topics first, then the same section, then the
 * most recent. Pure, so the query can stay a cheap bounded fetch of candidates.
 */
export function rankRelated<T extends { id: number; sectionId: number; publishedAt: number }>(
  candidates: readonly T[],
  sharedTopics: ReadonlyMap<number, number>,
  opts: { excludeId: number; sectionId: number; limit: number },
): T[] {
  const seen = new Set<number>([opts.excludeId])
  const unique = candidates.filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)))
  return unique
    .sort(
      (a, b) =>
        (sharedTopics.get(b.id) ?? 0) - (sharedTopics.get(a.id) ?? 0) ||
        Number(b.sectionId === opts.sectionId) - Number(a.sectionId === opts.sectionId) ||
        b.publishedAt - a.publishedAt ||
        b.id - a.id,
    )
    .slice(0, opts.limit)
}

export type PublicationRefusal =
  'scheduled-needs-future-time' | 'published-in-future' | 'out-of-range'

/** Earliest and latest publication times we accept: addresses carry a four-digit year. */
const MIN_TIME = Date.UTC(1970, 0, 1)
const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59)

/**
 * The publication time an article gets when saved with `status`, given the time asked for and
 * the one it had. A published article keeps its first publication time; publishing a scheduled
 * article early publishes it now; a future time is only for scheduled articles.
 */
export function publicationTime(
  status: ArticleStatus,
  requested: Date | null | undefined,
  previous: Date | null,
  now: Date,
): Date | null | { refused: PublicationRefusal } {
  if (requested && (requested.getTime() < MIN_TIME || requested.getTime() > MAX_TIME)) {
    return { refused: 'out-of-range' }
  }
  switch (status) {
    case 'draft':
    case 'review':
    case 'unpublished':
      return requested ?? previous
    case 'scheduled': {
      const at = requested ?? previous
      return at && at > now ? at : { refused: 'scheduled-needs-future-time' }
    }
    case 'published':
      if (requested) return requested > now ? { refused: 'published-in-future' } : requested
      return previous && previous <= now ? previous : now
  }
}
