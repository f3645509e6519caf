import crypto from 'node:crypto'
import {
  type ContentRepository,
  type ContentService,
  type TaxonomyNames,
  editionPath,
  languagePrefix,
} from '../../content/index.js'
import type { Clock } from '../../lib/clock.js'
import { slugify } from '../../lib/slug.js'
import type { Newsletter } from '../../newsletter/index.js'

/** What page loaders use. Built once in app.ts. */
export interface PageDeps {
  repo: ContentRepository
  content: ContentService
  clock: Clock
  site: {
    name: string
    description: string
    /** SITE_NAME_XX by language (config.ts): each edition's name; `name` where none. */
    names?: Readonly<Record<string, string>>
    /** SITE_DESCRIPTION_XX by language; `description` where none. */
    descriptions?: Readonly<Record<string, string>>
    /** The language of the edition these pages belong to (ADR 026). */
    language: string
    /** SITE_LANGUAGES: every edition's language, the first served at `/` (default: `language`). */
    languages?: readonly string[]
    /** TIME_ZONE: times on reader pages are the newsroom's (default UTC). */
    timeZone?: string
    /** SITE_LOGO_URL: a path on this site or an http(s) URL; unset: the drawn DEFAULT_LOGO. */
    logo?: string | undefined
    /** FEED_ID_AUTHORITY: whose feed item ids these are (lib/tag-uri.ts). */
    feedIdAuthority?: string | undefined
  }
  /** The newsletters readers can sign up for (none: no box is shown). */
  newsletters?: () => Promise<Newsletter[]>
}

/** Every language edition of the site, the first served at `/`. */
export function languagesOf(deps: Pick<PageDeps, 'site'>): readonly string[] {
  return deps.site.languages ?? [deps.site.language]
}

/** This edition's path prefix: '' for the first language, `/ru` for Russian beside English. */
export function editionPrefix(deps: Pick<PageDeps, 'site'>): string {
  return languagePrefix(deps.site.language, languagesOf(deps))
}

/**
 * The language a list of this edition is limited to: only when the site has several, so a
 * one-language site's lists read no language column (and keep stories imported in another).
 */
export function listLanguage(deps: Pick<PageDeps, 'site'>): string | undefined {
  return languagesOf(deps).length > 1 ? deps.site.language : undefined
}

/** A site path inside this edition: `/ru/politics` for `/politics`, `/ru/` for `/`. */
export function inEdition(deps: Pick<PageDeps, 'site'>, p: string): string {
  return editionPath(editionPrefix(deps), p)
}

/**
 * A page that every edition has (the front page, a section, a topic, an author) in each of
 * them, for its hreflang alternates (ADR 026); none on a site with one language.
 */
export function editionAlternates(
  deps: Pick<PageDeps, 'site'>,
  sitePath: string,
): { language: string; path: string }[] {
  const languages = languagesOf(deps)
  if (languages.length < 2) return []
  return languages.map((language) => ({
    language,
    path: editionPath(languagePrefix(language, languages), sitePath),
  }))
}

/**
 * Names of sections and topics in this edition's language (ADR 026), or null for the first
 * language, whose names are the stored ones (no query).
 */
export async function editionNames(deps: PageDeps): Promise<TaxonomyNames | null> {
  if (!editionPrefix(deps)) return null
  return deps.content.namesIn(deps.site.language)
}

/** `item` with its name (and description) in the edition's language, where one is kept. */
export function named<T extends { id: number; name: string; description?: string }>(
  item: T,
  kind: 'section' | 'topic',
  names: TaxonomyNames | null,
): T {
  const n = names?.[kind].get(item.id)
  if (!n) return item
  return 'description' in item && n.description
    ? { ...item, name: n.name, description: n.description }
    : { ...item, name: n.name }
}

/** Summaries with their sections named in the edition's language. */
export function namedSummaries<T extends { section: { id: number; name: string } }>(
  items: T[],
  names: TaxonomyNames | null,
): T[] {
  if (!names || names.section.size === 0) return items
  return items.map((a) => ({ ...a, section: named(a.section, 'section', names) }))
}

/**
 * The newsletters an edition offers: those in its language when the site has several and any
 * is (ADR 026), else every one.
 */
export function editionNewsletters<N extends { language: string }>(
  deps: Pick<PageDeps, 'site'>,
  all: readonly N[],
): N[] {
  const language = listLanguage(deps)
  const own = language ? all.filter((n) => n.language === language) : []
  return own.length > 0 ? own : [...all]
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

/** The logo the site draws from its name when SITE_LOGO_URL is not set (routes/logo.ts). */
export const DEFAULT_LOGO = { path: '/logo.svg', width: 600, height: 60 }

/**
 * The tag authority of feed ids. Without FEED_ID_AUTHORITY it comes from the site's name under
 * masthead.invalid, a name nobody holds: never from an address, which a blocked newsroom changes.
 */
export function feedIdAuthority(site: Pick<PageDeps['site'], 'name' | 'feedIdAuthority'>): string {
  if (site.feedIdAuthority) return site.feedIdAuthority
  // A name with no letters slugify can spell (Chinese, Arabic…) would be "untitled" for every
  // such newsroom, and their ids would collide in a reader's feed reader: use a digest of it.
  const slug = slugify(site.name)
  const label =
    slug === 'untitled'
      ? `site-${crypto.createHash('sha256').update(site.name).digest('hex').slice(0, 16)}`
      : slug
  return `${label}.masthead.invalid,2026`
}
