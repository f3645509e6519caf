/**
 * What a source yields (ADR 025): normalised items, the same for every source, so one import
 * use case writes WordPress, Ghost and Substack alike. Ids are the source's own, as text.
 */

export interface SourceAuthor {
  kind: 'author'
  sourceId: string
  /** The login or slug the source's posts name the author by. */
  login: string
  name: string
  slug: string
}

export interface SourceTerm {
  /** Categories become sections, tags become topics. */
  kind: 'category' | 'tag'
  sourceId: string
  slug: string
  name: string
  description: string
}

export interface SourceMedia {
  kind: 'media'
  sourceId: string
  /** Where the file was on the old site. */
  url: string
  alt: string
  caption: string
  title: string
}

export type SourceStatus = 'published' | 'draft' | 'scheduled' | 'private' | 'trash' | 'other'

export interface SourcePost {
  kind: 'post' | 'page'
  sourceId: string
  title: string
  slug: string
  /** The body as the source holds it (HTML with shortcodes and block comments, for WordPress). */
  body: string
  excerpt: string
  status: SourceStatus
  /** The source's own status word, for the report. */
  rawStatus: string
  publishedAt: Date | null
  modifiedAt: Date | null
  /** `YYYY/MM/DD` in the old site's own time zone, as its dated addresses used; '' if unknown. */
  addressDate: string
  /**
   * In order, the first the main author: `key` is a login or slug of a source author; `name`
   * is known when the source gave one beside it (a co-author), else ''.
   */
  authors: { key: string; name: string }[]
  /** Slugs as the source spells them (maybe percent-encoded), with their names. */
  categories: { slug: string; name: string }[]
  tags: { slug: string; name: string }[]
  featuredMediaId: string | null
  /** The old site's address of the post, if known. */
  link: string
  comments: number
  /** What the source left out while making HTML of the body (an unknown Ghost card). */
  dropped?: string[]
}

export interface SourceSkip {
  kind: 'skip'
  sourceId: string
  what: string
  reason: string
}

export type SourceItem = SourceAuthor | SourceTerm | SourceMedia | SourcePost | SourceSkip

/** A problem a source read past (a raw `&` at a line): reported, never fatal. */
export interface SourceWarning {
  line: number
  message: string
}

/** A reader on the source's email list, as its export shows them (ADR 028). */
export interface SourceSubscriber {
  email: string
  /** The export says they took the emails (not unsubscribed, not disabled). */
  subscribed: boolean
  /** When they signed up, where the export says. */
  consentAt: Date | null
}
