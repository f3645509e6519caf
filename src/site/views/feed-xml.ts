import { escapeXml } from '../../lib/text.js'
import type { FeedDoc, FeedEntry } from './feed-doc.js'

/**
 * RSS 2.0 and Atom 1.0, written by hand (ADR 018): every value goes through escapeXml, HTML is
 * sent as escaped text (never CDATA, which a body containing `]]>` would break).
 */

const x = escapeXml

function tag(name: string, text: string, attrs: Record<string, string> = {}): string {
  return `<${name}${attributes(attrs)}>${x(text)}</${name}>`
}

function empty(name: string, attrs: Record<string, string>): string {
  return `<${name}${attributes(attrs)}/>`
}

function attributes(attrs: Record<string, string>): string {
  return Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${x(v)}"`)
    .join('')
}

const lines = (parts: (string | false | undefined)[], indent: string) =>
  parts
    .filter((p): p is string => typeof p === 'string')
    .map((p) => indent + p)
    .join('\n')

/** RFC 822 dates, as RSS 2.0 asks: `Sun, 06 Dec 2026 09:45:37 GMT`. */
const rfc822 = (d: Date) => d.toUTCString()

/**
 * RSS 2.0 with content:encoded for the full text and one dc:creator per credited person:
 * RSS's own <author> must be an email address and may appear only once.
 */
export function rss(doc: FeedDoc): string {
  const items = doc.entries.map((e) => `    <item>\n${lines(rssItem(e), '      ')}\n    </item>`)
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '  <channel>',
    lines(
      [
        tag('title', doc.title),
        tag('link', doc.homeUrl),
        tag('description', doc.description || doc.title),
        tag('language', doc.language),
        tag('copyright', `© ${doc.siteName}`),
        tag('lastBuildDate', rfc822(doc.updated)),
        tag('generator', 'Masthead'),
        tag('docs', 'https://www.rssboard.org/rss-specification'),
        empty('atom:link', { href: doc.links.rss, rel: 'self', type: 'application/rss+xml' }),
      ],
      '    ',
    ),
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n')
}

function rssItem(e: FeedEntry): string[] {
  return [
    // RSS titles are plain text; descriptions are HTML, so the summary is escaped for HTML first.
    tag('title', e.title),
    tag('link', e.url),
    tag('guid', e.id, { isPermaLink: 'false' }),
    tag('pubDate', rfc822(e.published)),
    tag('description', x(e.summary)),
    tag('content:encoded', e.contentHtml),
    ...e.authors.map((a) => tag('dc:creator', a.name)),
    tag('category', e.category.label),
    ...(e.enclosure
      ? [
          empty('enclosure', {
            url: e.enclosure.url,
            length: String(e.enclosure.length),
            type: e.enclosure.type,
          }),
        ]
      : []),
  ]
}

/** RFC 3339 in UTC, as Atom asks. */
const rfc3339 = (d: Date) => d.toISOString()

/**
 * Atom 1.0. The feed names the site as its author, so an entry without a byline is still
 * valid; text constructs are type="text" (our titles and summaries are plain text).
 */
export function atom(doc: FeedDoc): string {
  const entries = doc.entries.map(
    (e) => `  <entry xml:lang="${x(e.language)}">\n${lines(atomEntry(e), '    ')}\n  </entry>`,
  )
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(doc.language)}">`,
    lines(
      [
        tag('id', doc.id),
        tag('title', doc.title, { type: 'text' }),
        doc.description && tag('subtitle', doc.description, { type: 'text' }),
        tag('updated', rfc3339(doc.updated)),
        empty('link', { rel: 'alternate', type: 'text/html', href: doc.homeUrl }),
        empty('link', { rel: 'self', type: 'application/atom+xml', href: doc.links.atom }),
        `<author>${tag('name', doc.siteName)}${tag('uri', doc.siteUrl)}</author>`,
        tag('rights', `© ${doc.siteName}`, { type: 'text' }),
        tag('generator', 'Masthead'),
      ],
      '  ',
    ),
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}

function atomEntry(e: FeedEntry): string[] {
  return [
    tag('id', e.id),
    tag('title', e.title, { type: 'text' }),
    empty('link', { rel: 'alternate', type: 'text/html', href: e.url }),
    tag('published', rfc3339(e.published)),
    tag('updated', rfc3339(e.updated)),
    ...e.authors.map(
      (a) => `<author>${tag('name', a.name)}${a.url ? tag('uri', a.url) : ''}</author>`,
    ),
    empty('category', { term: e.category.term, label: e.category.label }),
    tag('summary', e.summary, { type: 'text' }),
    tag('content', e.contentHtml, { type: 'html' }),
    ...(e.enclosure
      ? [
          empty('link', {
            rel: 'enclosure',
            type: e.enclosure.type,
            length: String(e.enclosure.length),
            href: e.enclosure.url,
          }),
        ]
      : []),
  ]
}
