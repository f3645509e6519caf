import type { SearchAnswer, SearchRequest, TextPart } from '../../content/index.js'
import { articlePath } from '../../content/index.js'
import type { PageMeta } from '../views/context.js'
import { type Locale, createLocale } from '../views/locale.js'
import type { SearchViewModel } from '../views/search-view.js'
import { type PageDeps, editionNames, named, namedSummaries } from './page-deps.js'

/** The query and filters as read from the address; the page number apart. */
export type SearchParams = Omit<SearchRequest, 'language' | 'page'> & { page: number }

/**
 * Search in one language (the site's by default). `base` is where the page lives (`/search`,
 * later `/ru/search` when the editions get their prefixes): the form and page links point there.
 */
export async function loadSearchPage(
  deps: PageDeps,
  params: SearchParams,
  language: string = deps.site.language,
  base = '/search',
  locale: Locale = createLocale(language, ''),
): Promise<{ view: SearchViewModel; meta: PageMeta; answer: SearchAnswer }> {
  const [found, allSections, allTopics, names] = await Promise.all([
    deps.content.search({ ...params, language }),
    deps.content.listSections(),
    deps.repo.listTopics(),
    editionNames(deps).catch(() => null),
  ])
  // The results' sections and the filters are named as the edition names them (ADR 026).
  const answer: SearchAnswer =
    found.outcome.kind === 'results'
      ? {
          ...found,
          outcome: {
            ...found.outcome,
            results: found.outcome.results.map((r) => ({
              ...r,
              article: namedSummaries([r.article], names)[0]!,
            })),
          },
        }
      : found
  const sections = allSections.map((x) => named(x, 'section', names))
  const topics = allTopics.map((x) => named(x, 'topic', names))
  const { t } = locale
  const title = answer.q ? t('search.metaTitle', { q: answer.q }) : t('search.title')
  return {
    answer,
    view: {
      answer,
      action: base,
      siteLanguage: deps.site.language,
      sections,
      topics,
      pageHref: (page) => searchHref(base, answer, page),
    },
    // Results are not pages of their own: never indexed, and the canonical form is the query.
    meta: {
      title: t('layout.pageTitle', { title, site: deps.site.name }),
      description: t('search.metaDescription', { site: deps.site.name }),
      robots: 'noindex',
      language,
    },
  }
}

/** The address of one result page, with the same query and filters. */
export function searchHref(base: string, a: SearchAnswer, page: number): string {
  const p = new URLSearchParams({ q: a.q })
  if (a.section) p.set('section', a.section.slug)
  if (a.topic) p.set('topic', a.topic.slug)
  if (a.from) p.set('from', a.from)
  if (a.to) p.set('to', a.to)
  if (page > 1) p.set('page', String(page))
  return `${base}?${p.toString()}`
}

const text = (parts: readonly TextPart[]) => parts.map((p) => p.text).join('')

/** /search.json: the same answer as data; snippets as text with the found words listed. */
export function searchJson(
  a: SearchAnswer,
  origin: string,
  base = '/search',
  languages: readonly string[] = [],
) {
  const o = a.outcome
  return {
    query: a.q,
    language: a.language,
    filters: {
      section: a.section?.slug ?? null,
      topic: a.topic?.slug ?? null,
      from: a.from ?? null,
      to: a.to ?? null,
    },
    status: o.kind,
    total: o.kind === 'results' ? o.total : 0,
    /** More stories matched than `total` counts (it stops at 1,000). */
    more: o.kind === 'results' && o.more,
    page: o.kind === 'results' ? o.page : 1,
    pages: o.kind === 'results' ? o.pages : 0,
    next:
      o.kind === 'results' && o.page < o.pages ? searchHref(`${base}.json`, a, o.page + 1) : null,
    results:
      o.kind === 'results'
        ? o.results.map((r) => ({
            url: origin + articlePath(r.article, languages),
            headline: r.article.headline,
            section: r.article.section.slug,
            language: r.article.language,
            publishedAt: r.article.publishedAt.toISOString(),
            snippet: text(r.snippet),
            // The snippet's pieces, `match` where a searched word was found: clients mark them
            // up themselves, so no HTML travels in this document.
            parts: r.snippet.map((p) => ({ text: p.text, match: p.mark })),
          }))
        : [],
  }
}
