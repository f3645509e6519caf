import {
  type ArticleSummary,
  type AuthorProfile,
  FRONT_SLOTS,
  type ListFilter,
} from '../../content/index.js'
import type { HomeViewModel, ListViewModel } from '../views/list-views.js'
import type { PageMeta } from '../views/context.js'
import type { Locale } from '../views/locale.js'
import {
  MAX_PAGE,
  PAGE_SIZE,
  type PageDeps,
  editionNames,
  editionAlternates,
  inEdition,
  listLanguage,
  named,
  namedSummaries,
  pageHref,
} from './page-deps.js'
import { feedBaseOf } from './feed-data.js'
import { breadcrumbJsonLd, homeJsonLd, profileJsonLd } from './structured-data.js'

export interface LoadedPage<VM> {
  view: VM
  meta: PageMeta
  keys: string[]
}

/** Under the lead, beside it on a wide screen: the newest stories not already shown. */
const HOME_LATEST = 8
/** Under the lead in its own column: placed by editors, or the next newest. */
const HOME_NEXT = 4
const HOME_PER_SECTION = 4
/** Stories at the top of the front page (lead, next, latest): page 2 goes on from there. */
const HOME_TOP = 1 + HOME_NEXT + HOME_LATEST

/**
 * The front page (`?page=1`), or the stories older than its top, a list page at a time
 * (`?page=2` and on), so every story can be reached from home. Past the last page: undefined.
 */
export async function loadHomePage(
  deps: PageDeps,
  page: number,
  locale: Locale,
): Promise<
  | { kind: 'front'; page: LoadedPage<HomeViewModel> }
  | { kind: 'list'; page: LoadedPage<ListViewModel> }
  | undefined
> {
  if (page === 1) return { kind: 'front', page: await loadFrontPage(deps) }
  if (page > MAX_PAGE) return undefined
  const list = await loadList(deps, locale, {
    kind: 'latest',
    path: inEdition(deps, '/'),
    page,
    filter: { kind: 'all', language: listLanguage(deps) },
    key: 'list',
    title: locale.t('list.latestTitle'),
    description: '',
    // Page 2 starts after the stories the front page already shows.
    offset: HOME_TOP + (page - 2) * PAGE_SIZE,
  })
  return list && { kind: 'list', page: list }
}

async function loadFrontPage(deps: PageDeps): Promise<LoadedPage<HomeViewModel>> {
  const now = deps.clock.now()
  const language = listLanguage(deps)
  const [sections, names] = await Promise.all([deps.content.listSections(), editionNames(deps)])
  // Enough of the newest to fill the top even when every story an editor placed is among them.
  const [{ items: found, hasMore }, perSection] = await Promise.all([
    deps.repo.listPublished(
      { kind: 'all', language },
      { limit: HOME_TOP + FRONT_SLOTS, offset: 0 },
      now,
    ),
    deps.repo.latestPerSection(
      sections.map((s) => s.id),
      HOME_PER_SECTION + 2,
      now,
      language,
    ),
  ])
  const newest = namedSummaries(found, names)
  const front = namedSummaries(
    await deps.content.frontStories(
      { language: deps.site.language, filterLanguage: language !== undefined },
      newest,
      1 + HOME_NEXT,
      now,
    ),
    names,
  )
  const shown = new Set(front.map((a) => a.id))
  const latest = newest.filter((a) => !shown.has(a.id)).slice(0, HOME_LATEST)
  const home = inEdition(deps, '/')
  const next = hasMore || newest.length > HOME_TOP ? pageHref(home, 2) : undefined
  const onTop = new Set([...shown, ...latest.map((a) => a.id)])
  const lead = front[0] ?? null
  // A story already at the top is not repeated in its section's block.
  const blocks = sections
    .map((s) => ({
      slug: s.slug,
      name: named(s, 'section', names).name,
      articles: namedSummaries(
        (perSection.get(s.id) ?? []).filter((a) => !onTop.has(a.id)).slice(0, HOME_PER_SECTION),
        names,
      ),
    }))
    .filter((b) => b.articles.length > 0)
  return {
    view: {
      lead,
      top: front.slice(1),
      latest,
      sections: blocks,
      siteLanguage: deps.site.language,
      siteName: deps.site.name,
      next,
    },
    meta: {
      title: `${deps.site.name}: ${deps.site.description}`,
      description: deps.site.description,
      canonicalPath: home,
      alternates: editionAlternates(deps, '/'),
      feeds: [{ title: deps.site.name, path: inEdition(deps, '/feed.xml') }],
      ...(next ? { next } : {}),
      jsonLd: (origin) => homeJsonLd(deps.site, origin),
    },
    keys: ['list'],
  }
}

type ListKind = ListViewModel['kind']

async function loadList(
  deps: PageDeps,
  locale: Locale,
  o: {
    kind: ListKind
    path: string
    /** The page's path in the first edition, for its alternates in the others. */
    sitePath?: string
    page: number
    filter: ListFilter
    key: string
    title: string
    subtitle?: string
    description: string
    /** An author page's photo, links and structured data. */
    profile?: AuthorProfile
    /** A section's front: on its first page, the stories editors placed there come first. */
    frontOf?: number
    /** Rows before this page; by default the pages before it. */
    offset?: number
  },
): Promise<LoadedPage<ListViewModel> | undefined> {
  if (o.page > MAX_PAGE) return undefined
  const now = deps.clock.now()
  const [{ items: found, hasMore }, names] = await Promise.all([
    deps.repo.listPublished(
      { ...o.filter, language: listLanguage(deps) },
      { limit: PAGE_SIZE, offset: o.offset ?? (o.page - 1) * PAGE_SIZE },
      now,
    ),
    editionNames(deps),
  ])
  const shown =
    o.frontOf && o.page === 1
      ? await deps.content.frontStories(
          {
            sectionId: o.frontOf,
            language: deps.site.language,
            filterLanguage: listLanguage(deps) !== undefined,
          },
          found,
          PAGE_SIZE,
          now,
        )
      : found
  const items = namedSummaries(shown, names)
  // Past the last page is not found, but an empty first page is a real (empty) page.
  if (items.length === 0 && o.page > 1) return undefined
  const { t } = locale
  const prev = o.page > 1 ? pageHref(o.path, o.page - 1) : undefined
  const next = hasMore && o.page < MAX_PAGE ? pageHref(o.path, o.page + 1) : undefined
  const feedPath = `${feedBaseOf(o.path)}/feed.xml`
  const crumbs =
    o.kind === 'section' || o.kind === 'topic'
      ? [
          { name: deps.site.name, path: inEdition(deps, '/') },
          { name: o.title, path: o.path },
        ]
      : undefined
  const title = o.page > 1 ? t('list.titlePage', { title: o.title, page: o.page }) : o.title
  return {
    view: {
      kind: o.kind,
      title: o.title,
      ...(o.subtitle ? { subtitle: o.subtitle } : {}),
      description: o.description,
      ...(o.profile ? { profile: { photo: o.profile.photo, links: o.profile.links } } : {}),
      articles: items,
      page: o.page,
      prev,
      next,
      feedPath,
      siteLanguage: deps.site.language,
    },
    meta: {
      title: t('layout.pageTitle', { title, site: deps.site.name }),
      description: o.description || t('list.description', { title: o.title, site: deps.site.name }),
      canonicalPath: pageHref(o.path, o.page),
      alternates: o.sitePath && o.page === 1 ? editionAlternates(deps, o.sitePath) : [],
      type: o.kind === 'author' ? 'profile' : 'website',
      feeds: [{ title: `${deps.site.name}: ${o.title}`, path: feedPath }],
      ...(prev ? { prev } : {}),
      ...(next ? { next } : {}),
      ...(crumbs ? { jsonLd: (origin: string) => [breadcrumbJsonLd(origin, crumbs)] } : {}),
      ...(o.profile
        ? { jsonLd: (origin: string) => [profileJsonLd(origin, o.path, o.profile!)] }
        : {}),
    },
    keys: [o.key, ...items.map((a: ArticleSummary) => `article:${a.id}`)],
  }
}

export async function loadSectionPage(deps: PageDeps, slug: string, page: number, locale: Locale) {
  const found = await deps.repo.findSectionBySlug(slug)
  if (!found) return undefined
  const s = named(found, 'section', await editionNames(deps))
  return loadList(deps, locale, {
    kind: 'section',
    path: inEdition(deps, `/${s.slug}`),
    sitePath: `/${s.slug}`,
    page,
    filter: { kind: 'section', sectionId: s.id },
    key: `section:${s.id}`,
    frontOf: s.id,
    title: s.name,
    description: s.description,
  })
}

export async function loadTopicPage(deps: PageDeps, slug: string, page: number, locale: Locale) {
  const found = await deps.repo.findTopicBySlug(slug)
  if (!found) return undefined
  const t = named(found, 'topic', await editionNames(deps))
  return loadList(deps, locale, {
    kind: 'topic',
    path: inEdition(deps, `/topic/${t.slug}`),
    sitePath: `/topic/${t.slug}`,
    page,
    filter: { kind: 'topic', topicId: t.id },
    key: `topic:${t.id}`,
    title: t.name,
    description: t.description,
  })
}

export async function loadAuthorPage(deps: PageDeps, slug: string, page: number, locale: Locale) {
  const a = await deps.repo.findAuthorProfile(slug)
  if (!a) return undefined
  return loadList(deps, locale, {
    kind: 'author',
    path: inEdition(deps, `/author/${a.slug}`),
    sitePath: `/author/${a.slug}`,
    page,
    filter: { kind: 'author', authorId: a.id },
    key: `author:${a.id}`,
    title: a.name,
    subtitle: a.role,
    description: a.bio,
    profile: a,
  })
}
