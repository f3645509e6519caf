import type { Section } from '../../content/index.js'
import type { Locale } from './locale.js'
import type { SosView } from './text-first.js'

/** What every reader page knows about the site and the request it answers. */
export interface SiteContext {
  name: string
  description: string
  language: string
  /** The address the reader used: links in feeds and sitemaps use it. */
  origin: string
  /** PUBLIC_URL when set, else `origin`: for rel=canonical, og:url and structured data. */
  canonicalOrigin: string
  sections: Pick<Section, 'id' | 'slug' | 'name'>[]
  cssHref: string
  /** The current path, to mark the current section in the navigation. */
  path: string
  /** The edition this page belongs to: its language, path prefix and text (ADR 027). */
  locale: Locale
  /** Set when this page is drawn text-first (SOS mode): the inline stylesheet and the addresses. */
  sos?: SosView | undefined
}

export interface PageMeta {
  title: string
  description: string
  /** Path on the canonical origin, e.g. /world/2026/11/slug; absent on error pages. */
  canonicalPath?: string
  type?: 'website' | 'article' | 'profile'
  image?: { path: string; width: number; height: number; alt: string }
  /** Extra OpenGraph properties, e.g. article:published_time. */
  og?: [string, string][]
  /** schema.org objects, each its own <script type="application/ld+json">, from the canonical origin. */
  jsonLd?: (canonicalOrigin: string) => object[]
  feeds?: { title: string; path: string }[]
  prev?: string
  next?: string
  robots?: string
  language?: string
  /**
   * The page in each language it exists in, itself included (ADR 026): `<link rel="alternate"
   * hreflang>` each, and x-default for the site's first language.
   */
  alternates?: { language: string; path: string }[]
}
