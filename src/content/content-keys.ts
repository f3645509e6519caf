import type { Article } from './article.js'

/**
 * Names of what a rendered page depends on. A page records the keys it used; a change purges
 * exactly the pages holding its keys. `list` is every page that lists the newest articles
 * (home, site feeds, sitemaps); `all` is everything (navigation changed).
 */
export type ContentKey =
  | 'all'
  | 'list'
  | `article:${number}`
  | `section:${number}`
  | `topic:${number}`
  | `author:${number}`

/** The pages an article shows on: its own, the lists, its section, topics and authors. */
export function keysFor(a: Pick<Article, 'id' | 'section' | 'topics' | 'credits'>): ContentKey[] {
  return [
    `article:${a.id}`,
    'list',
    `section:${a.section.id}`,
    ...a.topics.map((t) => `topic:${t.id}` as const),
    ...a.credits.flatMap((c) => (c.kind === 'author' ? [`author:${c.author.id}` as const] : [])),
  ]
}
