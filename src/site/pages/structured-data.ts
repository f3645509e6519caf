import { type AuthorProfile, imagePath, widestWidth } from '../../content/index.js'
import { DEFAULT_LOGO, type PageDeps } from './page-deps.js'

/**
 * schema.org objects shared by several pages: the publisher with its logo, the home page's
 * Organization and WebSite, breadcrumbs. Built from the canonical origin (PUBLIC_URL when set).
 */

/** The logo as an ImageObject: SITE_LOGO_URL, or the drawn one with its known size. */
export function logoJsonLd(site: PageDeps['site'], origin: string): object {
  if (!site.logo) {
    const { path, width, height } = DEFAULT_LOGO
    return { '@type': 'ImageObject', url: origin + path, width, height }
  }
  return { '@type': 'ImageObject', url: site.logo.startsWith('/') ? origin + site.logo : site.logo }
}

export const organizationId = (origin: string) => `${origin}/#organization`

/** The newsroom as a NewsMediaOrganization: NewsArticle's publisher, and on the home page. */
export function publisherJsonLd(site: PageDeps['site'], origin: string): object {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': organizationId(origin),
    name: site.name,
    url: `${origin}/`,
    logo: logoJsonLd(site, origin),
  }
}

/**
 * The home page: the Organization and the WebSite it publishes, with its search (/search?q=) as
 * a SearchAction, so a search engine can offer a box that searches this site.
 */
export function homeJsonLd(site: PageDeps['site'], origin: string): object[] {
  return [
    { '@context': 'https://schema.org', ...publisherJsonLd(site, origin) },
    {
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      '@id': `${origin}/#website`,
      name: site.name,
      description: site.description,
      url: `${origin}/`,
      inLanguage: site.language,
      publisher: { '@id': organizationId(origin) },
      potentialAction: {
        '@type': 'SearchAction',
        target: { '@type': 'EntryPoint', urlTemplate: `${origin}/search?q={search_term_string}` },
        'query-input': 'required name=search_term_string',
      },
    },
  ]
}

/** A BreadcrumbList from the front page down: each crumb a name and a path on the site. */
export function breadcrumbJsonLd(origin: string, crumbs: { name: string; path: string }[]): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: c.name,
      item: origin + c.path,
    })),
  }
}

/**
 * An author page as a ProfilePage about a Person: their role, biography, photo and their own
 * addresses elsewhere (`sameAs`), so a search engine can tell which Ana Petrova wrote this.
 */
export function profileJsonLd(
  origin: string,
  path: string,
  p: Pick<AuthorProfile, 'name' | 'role' | 'bio' | 'photo' | 'links'>,
): object {
  const photo = p.photo
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    url: origin + path,
    mainEntity: {
      '@type': 'Person',
      name: p.name,
      url: origin + path,
      ...(p.role ? { jobTitle: p.role } : {}),
      ...(p.bio ? { description: p.bio } : {}),
      ...(photo ? { image: origin + imagePath(photo, widestWidth(photo)) } : {}),
      ...(p.links.length ? { sameAs: p.links.map((l) => l.url) } : {}),
      worksFor: { '@id': organizationId(origin) },
    },
  }
}
