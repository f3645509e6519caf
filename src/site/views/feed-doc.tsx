import { renderToString } from 'preact-render-to-string'
import {
  type ArticleSummary,
  type Image,
  articlePath,
  authorPath,
  creditName,
  imagePath,
  widestWidth,
} from '../../content/index.js'
import { tagUri } from '../../lib/tag-uri.js'
import type { FeedData } from '../pages/feed-data.js'
import { absolutizeUrls, expandBody } from './body.js'
import { Figure } from './parts.js'

export type FeedFormat = 'rss' | 'atom' | 'json'

export const FEED_FILES: Record<FeedFormat, string> = {
  rss: 'feed.xml',
  atom: 'feed.atom',
  json: 'feed.json',
}

/** One feed, whatever its format: what the RSS, Atom and JSON Feed writers each spell out. */
export interface FeedDoc {
  /** A tag: URI, the same on every address (Atom's feed id). */
  id: string
  title: string
  description: string
  language: string
  /** The HTML page the feed follows, on the address the reader used. */
  homeUrl: string
  /** This feed in each format, on the address the reader used. */
  links: Record<FeedFormat, string>
  updated: Date
  siteName: string
  siteUrl: string
  entries: FeedEntry[]
}

export interface FeedEntry {
  /** A tag: URI naming the article, not an address: the same on every mirror. */
  id: string
  url: string
  title: string
  /** Plain text. */
  summary: string
  /** The whole article as HTML, every URL absolute. */
  contentHtml: string
  language: string
  published: Date
  updated: Date
  /** Everyone credited, in byline order; a link for staff authors. */
  authors: { name: string; url?: string }[]
  category: { term: string; label: string }
  /** The lead image's largest variant, with its real size in bytes; absent if the file is. */
  enclosure?: { url: string; type: string; length: number }
}

/** Bytes of one stored image variant, or undefined when the file is missing. */
export type VariantSize = (image: Image, width: number) => Promise<number | undefined>

/**
 * The feed as data. URLs use the address the reader asked on, so a feed fetched through a
 * mirror keeps pointing at the mirror; ids use the tag authority, so they never change with it.
 */
export async function feedDoc(
  data: FeedData,
  ctx: { origin: string; language: string; siteName: string; idAuthority: string },
  sizeOf: VariantSize,
): Promise<FeedDoc> {
  const abs = (p: string) => ctx.origin + p
  const entries = await Promise.all(
    data.items.map(({ article, body }) =>
      entry(article, body, data.images, { ...ctx, languages: data.languages }, abs, sizeOf),
    ),
  )
  const specific = `feed${data.feedBase}`
  return {
    id: tagUri(ctx.idAuthority, specific),
    title: data.title,
    description: data.description,
    language: ctx.language,
    homeUrl: abs(data.pagePath),
    links: {
      rss: abs(`${data.feedBase}/${FEED_FILES.rss}`),
      atom: abs(`${data.feedBase}/${FEED_FILES.atom}`),
      json: abs(`${data.feedBase}/${FEED_FILES.json}`),
    },
    updated: data.updated,
    siteName: ctx.siteName,
    siteUrl: abs('/'),
    entries,
  }
}

async function entry(
  a: ArticleSummary,
  body: string,
  images: Map<number, Image>,
  ctx: { origin: string; idAuthority: string; languages: readonly string[] },
  abs: (p: string) => string,
  sizeOf: VariantSize,
): Promise<FeedEntry> {
  const lead = a.leadImage
    ? renderToString(<Figure image={a.leadImage} sizes="100vw" class="figure lead" />)
    : ''
  const img = a.leadImage
  const width = img ? widestWidth(img) : 0
  const length = img ? await sizeOf(img, width) : undefined
  return {
    id: tagUri(ctx.idAuthority, `article/${a.id}`),
    url: abs(articlePath(a, ctx.languages)),
    title: a.headline,
    summary: a.summary,
    contentHtml: absolutizeUrls(lead + expandBody(body, images), ctx.origin),
    language: a.language,
    published: a.publishedAt,
    updated: a.updatedAt,
    authors: a.credits.map((c) =>
      c.kind === 'author'
        ? { name: c.author.name, url: abs(authorPath(c.author.slug)) }
        : { name: creditName(c) },
    ),
    category: { term: a.section.slug, label: a.section.name },
    // Variants are all WebP (files/images.ts); a zero or missing length is left out, not guessed.
    ...(img && length
      ? { enclosure: { url: abs(imagePath(img, width)), type: 'image/webp', length } }
      : {}),
  }
}
