import type { ContentRepository } from '../../content/index.js'
import { articlePath, languagePrefix } from '../../content/index.js'
import type { ReachList } from '../../reach/index.js'
import { fileOf } from './paths.js'
import type { Resolved } from './rewrite.js'
import { sha256 } from './out-dir.js'

/** The feeds each scope has (site/views/feed-doc.ts names them the same). */
export const FEED_FILES = ['feed.xml', 'feed.atom', 'feed.json'] as const

/** What the mirror holds, read from the content repositories rather than found by crawling. */
export interface SiteModel {
  /** Every published article's path, with its last change (ms). */
  articles: Map<string, number>
  /** List pages' first pages: home, sections, topics, authors. */
  lists: string[]
  /** Feed scopes' folders: '' (the site), `/world`, `/topic/courts`, `/author/ana`. */
  feedScopes: string[]
  /** Changes when an article is published, withdrawn or moved: list pages then all change. */
  setSignature: string
}

/**
 * @param languages SITE_LANGUAGES: each edition's lists and feeds are in the mirror too, under
 * its prefix (ADR 026), and every story at its language's address.
 */
export async function readSiteModel(
  repo: ContentRepository,
  now: Date,
  languages: readonly string[] = [],
): Promise<SiteModel> {
  const articles = new Map<string, number>()
  let start: Parameters<ContentRepository['sitemapChunk']>[0] = { offset: 0 }
  for (;;) {
    const chunk = await repo.sitemapChunk(start, 5000, now)
    for (const e of chunk.entries)
      articles.set(articlePath(e.path, languages), e.updatedAt.getTime())
    if (!chunk.next) break
    start = { after: chunk.next }
  }
  const [sections, topics, authors] = await Promise.all([
    repo.listSections(),
    repo.listTopics(),
    repo.listAuthors(),
  ])
  const scopes = [
    ...sections.map((s) => `/${s.slug}`),
    ...topics.map((t) => `/topic/${t.slug}`),
    ...authors.map((a) => `/author/${a.slug}`),
  ]
  const prefixes = languages.slice(1).map((l) => languagePrefix(l, languages))
  return {
    articles,
    // Another edition's own pages (its /reach and /privacy) ride with its lists.
    lists: [
      '/',
      ...scopes,
      ...prefixes.flatMap((p) => [
        `${p}/`,
        ...scopes.map((s) => p + s),
        ...FIXED_PAGES.map((f) => p + f),
      ]),
    ],
    feedScopes: ['', ...scopes, ...prefixes.flatMap((p) => [p, ...scopes.map((s) => p + s)])],
    setSignature: sha256(JSON.stringify([[...articles.keys()].sort(), sections, topics, authors])),
  }
}

/** Site paths the mirror always holds besides lists, articles and feeds. */
export const FIXED_PAGES = ['/reach', '/privacy'] as const
// The offline edition (one file of the newest stories) goes with every copy: /reach links it.
export const FIXED_FILES = ['/reach.json', '/robots.txt', '/reach/edition.html'] as const

/** Assets are fetched as they are found in pages; their names never change meaning but logo.svg's. */
export const isAsset = (p: string) =>
  p.startsWith('/media/') || p.startsWith('/assets/') || p === '/logo.svg'
export const isImmutableAsset = (p: string) => p.startsWith('/media/') || p.startsWith('/assets/')

/**
 * The live address forms and missing pages point at: the main address, else the first mirror
 * that is not this export's own `--url`.
 */
export function liveBase(list: ReachList, ownUrl: string | null): string | null {
  const own = ownUrl ? new URL(ownUrl).origin : null
  const web = (kind: string) =>
    list.addresses.filter((a) => a.kind === kind && new URL(a.value).origin !== own)
  const pick = web('primary')[0] ?? web('mirror')[0]
  if (!pick) return null
  return pick.value.endsWith('/') ? pick.value : `${pick.value}/`
}

/** Where a path of the live site goes: a file of the mirror, the live site, or nowhere. */
export function resolver(
  model: SiteModel,
  o: { live: string | null; sitemaps: boolean },
): (sitePath: string) => Resolved {
  const lists = new Set(model.lists)
  const scopes = new Set(model.feedScopes)
  const fixed = new Set<string>([...FIXED_PAGES, ...FIXED_FILES])
  const held = (p: string, query: string): boolean => {
    if (query) return /^page=[1-9][0-9]*$/.test(query) && lists.has(p)
    if (fixed.has(p) || lists.has(p) || model.articles.has(p) || isAsset(p)) return true
    if (o.sitemaps && (p === '/sitemap.xml' || /^\/sitemaps\/[a-z0-9-]+\.xml$/.test(p))) return true
    const slash = p.lastIndexOf('/')
    const file = p.slice(slash + 1)
    return (FEED_FILES as readonly string[]).includes(file) && scopes.has(p.slice(0, slash))
  }
  return (sitePath) => {
    const [p = '/', query = ''] = sitePath.split('?', 2) as [string, string?]
    const file = held(p, query) ? fileOf(sitePath) : null
    if (file) return { kind: 'file', file }
    if (o.live) return { kind: 'live', url: new URL(sitePath.slice(1), o.live).href }
    return { kind: 'none' }
  }
}
