import { type SitemapEntry, type TranslationLink, articlePath } from '../../content/index.js'
import { escapeXml } from '../../lib/text.js'
import { type PageDeps, editionAlternates, languagesOf } from './page-deps.js'

/**
 * URLs a sitemap file holds. The protocol allows 50,000; at 10,000 a file renders in a few
 * hundred milliseconds uncached, in little memory, and crawlers fetch the rest as they like.
 */
export const SITEMAP_PER_FILE = 10_000
/** Rows read from the database at a time while a sitemap file is written. */
const SITEMAP_CHUNK = 1000
/** Google News reads articles of the last two days, at most 1,000. */
export const NEWS_WINDOW_MS = 48 * 3600_000
const NEWS_MAX = 1000

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const XHTML_NS = ' xmlns:xhtml="http://www.w3.org/1999/xhtml"'

/** `<xhtml:link>` alternates of one URL (its own language among them) and x-default. */
function alternates(versions: readonly { language: string; url: string }[], primary: string) {
  if (versions.length < 2) return ''
  const fallback = versions.find((v) => v.language === primary) ?? versions[0]!
  return [...versions, { language: 'x-default', url: fallback.url }]
    .map(
      (v) =>
        `<xhtml:link rel="alternate" hreflang="${escapeXml(v.language)}" href="${escapeXml(v.url)}"/>`,
    )
    .join('')
}

export interface XmlDoc {
  xml: string
  keys: string[]
}

export async function sitemapIndex(
  deps: PageDeps,
  origin: string,
  perFile = SITEMAP_PER_FILE,
): Promise<XmlDoc> {
  const now = deps.clock.now()
  const count = await deps.repo.countPublished(now)
  const latest = await deps.repo.latestChange(now)
  const files = Math.max(1, Math.ceil(count / perFile))
  const lastmod = latest ? `<lastmod>${latest.toISOString()}</lastmod>` : ''
  const entries = [
    `<sitemap><loc>${escapeXml(`${origin}/sitemaps/pages.xml`)}</loc></sitemap>`,
    ...Array.from(
      { length: files },
      (_, i) =>
        `<sitemap><loc>${escapeXml(`${origin}/sitemaps/articles-${i + 1}.xml`)}</loc>${lastmod}</sitemap>`,
    ),
    `<sitemap><loc>${escapeXml(`${origin}/sitemaps/news.xml`)}</loc>${lastmod}</sitemap>`,
  ]
  return {
    xml: `${XML_HEAD}<sitemapindex xmlns="${NS}">\n${entries.join('\n')}\n</sitemapindex>\n`,
    keys: ['list'],
  }
}

/**
 * Articles oldest first, `perFile` a file, as parts to stream (see http/streamed-page.ts);
 * undefined past the last file. The first rows are read before it returns, so a missing file is
 * a 404 and a database error an error page, not a broken stream.
 */
export async function articlesSitemap(
  deps: PageDeps,
  origin: string,
  n: number,
  perFile = SITEMAP_PER_FILE,
): Promise<AsyncIterable<string> | undefined> {
  const now = deps.clock.now()
  const size = Math.min(SITEMAP_CHUNK, perFile)
  const first = await deps.repo.sitemapChunk({ offset: (n - 1) * perFile }, size, now)
  if (first.entries.length === 0 && n > 1) return undefined
  const languages = languagesOf(deps)
  // One sitemap for every language edition (ADR 026): each story with its published
  // translations as alternates, read once per chunk.
  const urls = async (entries: readonly SitemapEntry[]) => {
    const groups = entries.flatMap((e) => (e.translationGroup === null ? [] : [e.translationGroup]))
    const members =
      languages.length > 1
        ? await deps.repo.groupMembers(groups)
        : new Map<number, TranslationLink[]>()
    return entries
      .map((e) => {
        const url = origin + articlePath(e.path, languages)
        const versions = (
          e.translationGroup === null ? [] : (members.get(e.translationGroup) ?? [])
        )
          .filter((m) => m.status === 'published' && m.publishedAt && m.publishedAt <= now)
          .map((m) => ({
            language: m.language,
            url: origin + articlePath(m, languages),
          }))
        return `<url><loc>${escapeXml(url)}</loc><lastmod>${e.updatedAt.toISOString()}</lastmod>${alternates(versions, languages[0]!)}</url>\n`
      })
      .join('')
  }
  async function* parts() {
    yield `${XML_HEAD}<urlset xmlns="${NS}"${languages.length > 1 ? XHTML_NS : ''}>\n`
    let chunk = first
    let left = perFile - chunk.entries.length
    yield await urls(chunk.entries)
    while (chunk.next && left > 0) {
      chunk = await deps.repo.sitemapChunk({ after: chunk.next }, Math.min(size, left), now)
      left -= chunk.entries.length
      yield await urls(chunk.entries)
    }
    yield '</urlset>\n'
  }
  return parts()
}

export async function pagesSitemap(deps: PageDeps, origin: string): Promise<XmlDoc> {
  const [sections, topics, authors] = await Promise.all([
    deps.content.listSections(),
    deps.repo.listTopics(),
    deps.repo.listAuthors(),
  ])
  const languages = languagesOf(deps)
  // Each list page in every edition, the editions of one page as each other's alternates.
  const paths = [
    '/',
    ...sections.map((s) => `/${s.slug}`),
    ...topics.map((t) => `/topic/${t.slug}`),
    ...authors.map((a) => `/author/${a.slug}`),
  ]
  const urls = paths.flatMap((p) => {
    const versions = (
      languages.length > 1 ? editionAlternates(deps, p) : [{ language: languages[0]!, path: p }]
    ).map((v) => ({ language: v.language, url: origin + v.path }))
    const links = alternates(versions, languages[0]!)
    return versions.map((v) => `<url><loc>${escapeXml(v.url)}</loc>${links}</url>`)
  })
  return {
    xml: urlset(urls, languages.length > 1 ? XHTML_NS : ''),
    keys: ['list', 'all'],
  }
}

export async function newsSitemap(deps: PageDeps, origin: string): Promise<XmlDoc> {
  const now = deps.clock.now()
  const entries = await deps.repo.listPublishedSince(
    new Date(now.getTime() - NEWS_WINDOW_MS),
    now,
    NEWS_MAX,
  )
  // Each story's publication is its edition's (SITE_NAME_RU…), as its pages name it.
  const nameIn = (language: string) => escapeXml(deps.site.names?.[language] ?? deps.site.name)
  const languages = languagesOf(deps)
  const urls = entries.map(
    (e) =>
      `<url><loc>${escapeXml(origin + articlePath(e.path, languages))}</loc><news:news><news:publication><news:name>${nameIn(e.language)}</news:name><news:language>${escapeXml(e.language)}</news:language></news:publication><news:publication_date>${e.path.publishedAt.toISOString()}</news:publication_date><news:title>${escapeXml(e.headline)}</news:title></news:news></url>`,
  )
  return {
    xml: urlset(urls, ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'),
    keys: ['list'],
  }
}

function urlset(urls: string[], extraNs = ''): string {
  return `${XML_HEAD}<urlset xmlns="${NS}"${extraNs}>\n${urls.join('\n')}\n</urlset>\n`
}

export function robotsTxt(origin: string): string {
  return `User-agent: *\nAllow: /\nDisallow: /admin/\n\nSitemap: ${origin}/sitemap.xml\n`
}
