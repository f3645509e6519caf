import {
  type Article,
  type ArticleSummary,
  type Credit,
  type Image,
  articlePath,
  authorPath,
  bodyImageIds,
  imagePath,
  sectionPath,
  widestWidth,
  isVisibleToReaders,
  rankRelated,
} from '../../content/index.js'
import type { Newsletter } from '../../newsletter/index.js'
import type { PageMeta } from '../views/context.js'
import {
  type PageDeps,
  editionNames,
  editionPrefix,
  inEdition,
  languagesOf,
  named,
  namedSummaries,
} from './page-deps.js'
import { breadcrumbJsonLd, publisherJsonLd } from './structured-data.js'

/** A published translation of the article, for "Read in English" and hreflang (ADR 026). */
export interface TranslationRef {
  language: string
  path: string
  headline: string
}

export interface ArticlePage {
  kind: 'article'
  article: Article
  translations: TranslationRef[]
  newsletter: Newsletter | undefined
  bodyImages: Map<number, Image>
  related: ArticleSummary[]
  meta: PageMeta
  keys: string[]
}

export type ArticleLookup =
  | ArticlePage
  | { kind: 'redirect'; location: string }
  | { kind: 'not-found' }
  /** Withdrawn by the newsroom: readers are told it is gone on purpose (410), not lost. */
  | { kind: 'gone' }

const RELATED_COUNT = 4
const CANDIDATES_PER_TOPIC = 30

/**
 * The article at /section/yyyy/mm/slug. A draft or scheduled article is not found; a right
 * slug under a wrong section or date redirects to the article's one address.
 */
export async function loadArticlePage(
  deps: PageDeps,
  params: { section: string; year: string; month: string; slug: string },
): Promise<ArticleLookup> {
  const now = deps.clock.now()
  const stored = await deps.repo.findArticleBySlug(params.slug)
  if (stored?.status === 'unpublished') return { kind: 'gone' }
  if (!stored || !isVisibleToReaders(stored, now)) return { kind: 'not-found' }
  const languages = languagesOf(deps)
  // A story in another edition's language is at that edition's address (its prefix).
  const path = articlePath(stored, languages)
  const asked = `${editionPrefix(deps)}/${params.section}/${params.year}/${params.month}/${params.slug}`
  if (path !== asked) return { kind: 'redirect', location: path }
  const several = languages.length > 1
  const [{ candidates, shared }, names, translations] = await Promise.all([
    deps.repo.relatedCandidates(
      {
        id: stored.id,
        sectionId: stored.section.id,
        topicIds: stored.topics.map((t) => t.id),
        ...(several ? { language: stored.language } : {}),
      },
      CANDIDATES_PER_TOPIC,
      now,
    ),
    editionNames(deps),
    several ? deps.repo.translationsOf(stored.id) : Promise.resolve([]),
  ])
  const article: Article = names
    ? {
        ...stored,
        section: named(stored.section, 'section', names),
        topics: stored.topics.map((t) => named(t, 'topic', names)),
      }
    : stored
  const translated: TranslationRef[] = translations
    .filter(
      (t) =>
        t.status === 'published' &&
        t.publishedAt !== null &&
        t.publishedAt <= now &&
        languages.includes(t.language),
    )
    .map((t) => ({ language: t.language, path: articlePath(t, languages), headline: t.headline }))
  const ranked = rankRelated(candidates, shared, {
    excludeId: article.id,
    sectionId: article.section.id,
    limit: RELATED_COUNT,
  })
  const [relatedFound, bodyImages, newsletters] = await Promise.all([
    deps.repo.summariesByIds(
      ranked.map((r) => r.id),
      now,
    ),
    deps.repo.imagesById(bodyImageIds(article.body)),
    deps.newsletters ? deps.newsletters() : Promise.resolve([]),
  ])
  const related = namedSummaries(relatedFound, names)
  const img = article.leadImage
  const published = article.publishedAt ?? article.updatedAt
  const description = article.standfirst ?? article.summary
  return {
    kind: 'article',
    article,
    // The newsletter in the article's language, else the first one.
    newsletter: newsletters.find((n) => n.language === article.language) ?? newsletters[0],
    bodyImages,
    related,
    translations: translated,
    keys: [
      `article:${article.id}`,
      ...related.map((r) => `article:${r.id}`),
      ...translations.map((t) => `article:${t.id}`),
      `section:${article.section.id}`,
    ],
    meta: {
      title: `${article.headline} | ${deps.site.name}`,
      description,
      canonicalPath: path,
      type: 'article',
      language: article.language,
      ...(translated.length > 0
        ? {
            alternates: [
              { language: article.language, path },
              ...translated.map((t) => ({ language: t.language, path: t.path })),
            ],
          }
        : {}),
      ...(img && {
        image: {
          path: imagePath(img, widestWidth(img)),
          width: img.width,
          height: img.height,
          alt: img.alt,
        },
      }),
      og: [
        ['article:published_time', published.toISOString()],
        ['article:modified_time', article.updatedAt.toISOString()],
        ['article:section', article.section.name],
        ...article.topics.map((t): [string, string] => ['article:tag', t.name]),
      ],
      feeds: [
        {
          title: `${deps.site.name}: ${article.section.name}`,
          path: inEdition(deps, `/${article.section.slug}/feed.xml`),
        },
      ],
      jsonLd: (origin: string) => [
        newsArticleJsonLd(article, origin, deps.site),
        breadcrumbJsonLd(origin, [
          { name: deps.site.name, path: inEdition(deps, '/') },
          { name: article.section.name, path: inEdition(deps, sectionPath(article.section.slug)) },
          { name: article.headline, path },
        ]),
      ],
    },
  }
}

/** schema.org NewsArticle, as search engines and readers' apps read it. */
export function newsArticleJsonLd(a: Article, origin: string, site: PageDeps['site']): object {
  const people = a.credits.map((c: Credit) =>
    c.kind === 'author'
      ? { '@type': 'Person', name: c.author.name, url: origin + authorPath(c.author.slug) }
      : c.kind === 'guest'
        ? { '@type': 'Person', name: c.name }
        : {
            '@type': 'Organization',
            name: c.agency.name,
            ...(c.agency.url ? { url: c.agency.url } : {}),
          },
  )
  const onlyAgencies = a.credits.length > 0 && a.credits.every((c) => c.kind === 'agency')
  const img = a.leadImage
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.headline.slice(0, 110),
    ...(a.standfirst ? { description: a.standfirst } : {}),
    datePublished: (a.publishedAt ?? a.updatedAt).toISOString(),
    dateModified: a.updatedAt.toISOString(),
    ...(people.length ? { author: people } : {}),
    ...(onlyAgencies
      ? { creditText: a.credits.map((c) => (c.kind === 'agency' ? c.agency.name : '')).join(', ') }
      : {}),
    ...(img
      ? {
          image: img.widths.map((w) => ({
            '@type': 'ImageObject',
            url: origin + imagePath(img, w),
            width: w,
            height: Math.round((img.height * w) / img.width),
            ...(img.credit ? { creditText: img.credit } : {}),
            ...(img.caption ? { caption: img.caption } : {}),
          })),
        }
      : {}),
    publisher: publisherJsonLd(site, origin),
    mainEntityOfPage: { '@type': 'WebPage', '@id': origin + articlePath(a, site.languages) },
    inLanguage: a.language,
    articleSection: a.section.name,
    ...(a.topics.length ? { keywords: a.topics.map((t) => t.name).join(', ') } : {}),
    wordCount: a.wordCount,
    ...(a.corrections.some((c) => c.kind === 'correction')
      ? {
          correction: a.corrections
            .filter((c) => c.kind === 'correction')
            .map((c) => ({
              '@type': 'CorrectionComment',
              text: c.text,
              datePublished: c.at.toISOString(),
            })),
        }
      : {}),
  }
}
