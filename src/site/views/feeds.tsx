import { renderToString } from 'preact-render-to-string'
import { articlePath, authorPath, creditName, imagePath } from '../../content/index.js'
import { escapeXml } from '../../lib/text.js'
import type { FeedData } from '../pages/feed-data.js'
import { absolutizeUrls, expandBody } from './body.js'
import { Figure } from './parts.js'

export type FeedFormat = 'rss' | 'atom' | 'json'

export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
}

/**
 * A full-text feed. Every URL in it is absolute and uses the address the reader asked on, so
 * a feed fetched through a mirror keeps pointing at the mirror.
 */
export async function renderFeed(
  data: FeedData,
  format: FeedFormat,
  ctx: { origin: string; language: string; siteName: string },
): Promise<string> {
  const { Feed } = await import('feed')
  const { origin } = ctx
  const abs = (p: string) => origin + p
  // Atom declares title and summary as HTML and RSS reads description as HTML; JSON Feed's are
  // plain text. Our titles and summaries are text, so they are escaped where HTML is expected.
  const asHtml = (text: string) => (format === 'json' ? text : escapeXml(text))
  const titleOf = (text: string) => (format === 'atom' ? escapeXml(text) : text)
  const feed = new Feed({
    title: titleOf(data.title),
    description: data.description,
    id: abs(data.pagePath),
    link: abs(data.pagePath),
    language: ctx.language,
    updated: data.updated,
    generator: 'Masthead',
    copyright: `© ${ctx.siteName}`,
    feedLinks: {
      rss: abs(`${data.feedBase}/feed.xml`),
      atom: abs(`${data.feedBase}/feed.atom`),
      json: abs(`${data.feedBase}/feed.json`),
    },
  })
  for (const { article: a, body } of data.items) {
    const url = abs(articlePath(a))
    const lead = a.leadImage
      ? renderToString(<Figure image={a.leadImage} sizes="100vw" class="figure lead" />)
      : ''
    const content = absolutizeUrls(lead + expandBody(body, data.images), origin)
    feed.addItem({
      title: titleOf(a.headline),
      id: url,
      link: url,
      description: asHtml(a.summary),
      content,
      date: a.updatedAt,
      published: a.publishedAt,
      // A story without a byline has no author element at all (the feed library reads the
      // first author of an empty list and fails).
      ...(a.credits.length
        ? {
            author: a.credits.map((c) =>
              c.kind === 'author'
                ? { name: c.author.name, link: abs(authorPath(c.author.slug)) }
                : { name: creditName(c) },
            ),
          }
        : {}),
      category: [{ name: a.section.name }],
      ...(a.leadImage
        ? {
            image: {
              url: abs(imagePath(a.leadImage, a.leadImage.widths.at(-1) ?? a.leadImage.width)),
              type: 'image/webp',
            },
          }
        : {}),
    })
  }
  switch (format) {
    case 'rss':
      return feed.rss2()
    case 'atom':
      return feed.atom1()
    case 'json':
      return feed.json1()
  }
}
