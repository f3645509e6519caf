import {
  type ArticleSummary,
  type Image,
  type ListFilter,
  bodyImageIds,
} from '../../content/index.js'
import {
  type PageDeps,
  editionNames,
  inEdition,
  languagesOf,
  listLanguage,
  named,
} from './page-deps.js'

export const FEED_ITEMS = 30

export type FeedScope =
  | { kind: 'site' }
  | { kind: 'section'; slug: string }
  | { kind: 'topic'; slug: string }
  | { kind: 'author'; slug: string }

export interface FeedData {
  title: string
  description: string
  /** Path of the HTML page this feed follows, e.g. /world. */
  pagePath: string
  /** Path prefix of the feed files: `${feedBase}/feed.xml` etc. */
  feedBase: string
  items: { article: ArticleSummary; body: string }[]
  /** SITE_LANGUAGES, for the stories' addresses (their language's prefix). */
  languages: readonly string[]
  images: Map<number, Image>
  updated: Date
  keys: string[]
}

/** The newest articles of a scope with their full bodies: feeds carry whole articles. */
export async function loadFeedData(
  deps: PageDeps,
  scope: FeedScope,
): Promise<FeedData | undefined> {
  const now = deps.clock.now()
  const names = await editionNames(deps)
  let filter: ListFilter
  let title = deps.site.name
  let description = deps.site.description
  let pagePath = '/'
  let key = 'list'
  switch (scope.kind) {
    case 'site':
      filter = { kind: 'all' }
      break
    case 'section': {
      const found = await deps.repo.findSectionBySlug(scope.slug)
      if (!found) return undefined
      const s = named(found, 'section', names)
      filter = { kind: 'section', sectionId: s.id }
      title = `${deps.site.name}: ${s.name}`
      description = s.description || description
      pagePath = `/${s.slug}`
      key = `section:${s.id}`
      break
    }
    case 'topic': {
      const found = await deps.repo.findTopicBySlug(scope.slug)
      if (!found) return undefined
      const t = named(found, 'topic', names)
      filter = { kind: 'topic', topicId: t.id }
      title = `${deps.site.name}: ${t.name}`
      description = t.description || description
      pagePath = `/topic/${t.slug}`
      key = `topic:${t.id}`
      break
    }
    case 'author': {
      const a = await deps.repo.findAuthorBySlug(scope.slug)
      if (!a) return undefined
      filter = { kind: 'author', authorId: a.id }
      title = `${deps.site.name}: ${a.name}`
      description = a.bio || description
      pagePath = `/author/${a.slug}`
      key = `author:${a.id}`
      break
    }
  }
  pagePath = inEdition(deps, pagePath)
  const { items } = await deps.repo.listPublished(
    { ...filter, language: listLanguage(deps) },
    { limit: FEED_ITEMS, offset: 0 },
    now,
  )
  const bodies = await deps.repo.bodiesByIds(items.map((a) => a.id))
  const images = await deps.repo.imagesById([...bodies.values()].flatMap(bodyImageIds))
  const updated = items.reduce((m, a) => (a.updatedAt > m ? a.updatedAt : m), new Date(0))
  return {
    title,
    description,
    pagePath,
    feedBase: feedBaseOf(pagePath),
    items: items.map((article) => ({ article, body: bodies.get(article.id) ?? '' })),
    languages: languagesOf(deps),
    images,
    updated: items.length ? updated : now,
    keys: [key, ...items.map((a) => `article:${a.id}`)],
  }
}

/**
 * Where a page's feeds sit: `/world` → `/world/feed.xml`; the home page's at the root, or at its
 * edition's root (`/ru/` → `/ru/feed.xml`).
 */
export function feedBaseOf(pagePath: string): string {
  return pagePath.endsWith('/') ? pagePath.slice(0, -1) : pagePath
}
