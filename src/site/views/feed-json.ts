import type { FeedDoc } from './feed-doc.js'

/**
 * JSON Feed 1.1: `authors` (every name in the byline, not the first alone), `language`, the
 * lead image as `image` and as an attachment with its size in bytes.
 */
export function jsonFeed(doc: FeedDoc): string {
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: doc.title,
      home_page_url: doc.homeUrl,
      feed_url: doc.links.json,
      ...(doc.description ? { description: doc.description } : {}),
      language: doc.language,
      authors: [{ name: doc.siteName, url: doc.siteUrl }],
      items: doc.entries.map((e) => ({
        id: e.id,
        url: e.url,
        title: e.title,
        ...(e.summary ? { summary: e.summary } : {}),
        content_html: e.contentHtml,
        date_published: e.published.toISOString(),
        date_modified: e.updated.toISOString(),
        ...(e.authors.length
          ? { authors: e.authors.map((a) => ({ name: a.name, ...(a.url ? { url: a.url } : {}) })) }
          : {}),
        tags: [e.category.label],
        language: e.language,
        ...(e.enclosure
          ? {
              image: e.enclosure.url,
              attachments: [
                {
                  url: e.enclosure.url,
                  mime_type: e.enclosure.type,
                  size_in_bytes: e.enclosure.length,
                },
              ],
            }
          : {}),
      })),
    },
    null,
    2,
  )
}
