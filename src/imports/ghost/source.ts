/**
 * Ghost as an import source (ADR 028): the export's tables joined into items. Staff users
 * become authors; public tags become topics, and a post's primary tag (its first public one)
 * is also its section; internal `#tags` are skipped. Bodies come from `html`, else from
 * `lexical`, else from `mobiledoc`; a post whose body is none of these is skipped.
 */
import { bodyText } from '../../content/body.js'
import type { ImportSource } from '../import-service.js'
import type { SourceItem, SourcePost, SourceStatus, SourceSubscriber } from '../item.js'
import { type FetchMedia, mediaFetcher, safeRelative } from '../media.js'
import { GHOST_URL, convertGhostBody } from './body.js'
import type { GhostData, Row } from './export.js'
import { lexicalHtml } from './lexical.js'
import { mobiledocHtml } from './mobiledoc.js'

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')
const date = (v: unknown) => {
  const d = typeof v === 'string' || typeof v === 'number' ? new Date(v) : null
  return d && !Number.isNaN(d.getTime()) ? d : null
}

const STATUSES: Record<string, SourceStatus> = {
  published: 'published',
  draft: 'draft',
  scheduled: 'scheduled',
  // Sent by email only, never on the site: kept as a draft.
  sent: 'draft',
}

const isInternal = (t: Row) => str(t['visibility']) === 'internal' || str(t['name']).startsWith('#')

/** Rows of a link table grouped by post, in their sort order. */
function byPost(rows: Row[], key: string): Map<string, string[]> {
  const out = new Map<string, { id: string; order: number }[]>()
  for (const r of rows) {
    const post = str(r['post_id'])
    const list = out.get(post) ?? []
    list.push({ id: str(r[key]), order: Number(r['sort_order'] ?? 0) || 0 })
    out.set(post, list)
  }
  return new Map(
    [...out].map(([k, v]) => [k, v.sort((a, b) => a.order - b.order).map((x) => x.id)]),
  )
}

/** The body as HTML, and what was dropped on the way; null when nothing can be read. */
export function ghostBody(post: Row, dropped: Set<string>): string | null {
  const html = str(post['html'])
  if (html.trim()) return html
  const lexical = str(post['lexical'])
  const mobiledoc = str(post['mobiledoc'])
  if (!lexical.trim() && !mobiledoc.trim()) return ''
  return (
    (lexical.trim() ? lexicalHtml(lexical, dropped) : null) ??
    (mobiledoc.trim() ? mobiledocHtml(mobiledoc, dropped) : null)
  )
}

function* items(data: GhostData, notes: string[]): Generator<SourceItem> {
  const users = new Map(data.users.map((u) => [str(u['id']), u]))
  for (const [id, u] of users) {
    if (!id) continue
    // Ghost requires both; an edited export may lack them, and a byline needs a name.
    const name = str(u['name']).trim() || str(u['slug']).trim() || `Ghost user ${id}`
    yield { kind: 'author', sourceId: id, login: id, name, slug: str(u['slug']) || name }
  }
  const tags = new Map(data.tags.map((t) => [str(t['id']), t]))
  for (const [id, t] of tags) {
    const slug = str(t['slug']) || str(t['name'])
    if (!id || !slug) continue
    if (isInternal(t)) {
      yield { kind: 'skip', sourceId: id, what: `tag ${str(t['name'])}`, reason: 'internal tag' }
      continue
    }
    const description = str(t['description'])
    yield { kind: 'tag', sourceId: id, slug, name: str(t['name']) || slug, description }
  }
  const postTags = byPost(data.posts_tags, 'tag_id')
  const postAuthors = byPost(data.posts_authors, 'author_id')
  const meta = new Map(data.posts_meta.map((m) => [str(m['post_id']), m]))
  const comments = new Map<string, number>()
  for (const c of data.comments)
    comments.set(str(c['post_id']), (comments.get(str(c['post_id'])) ?? 0) + 1)

  for (const p of data.posts) {
    const id = str(p['id'])
    const title = str(p['title'])
    const type = str(p['type']) || (p['page'] === true || p['page'] === 1 ? 'page' : 'post')
    if (!id) {
      yield { kind: 'skip', sourceId: '?', what: title || type, reason: 'no post id' }
      continue
    }
    if (type !== 'post' && type !== 'page') {
      yield {
        kind: 'skip',
        sourceId: id,
        what: `${type} ${title}`,
        reason: `${type}: not an article`,
      }
      continue
    }
    const dropped = new Set<string>()
    const body = ghostBody(p, dropped)
    if (body === null) {
      yield {
        kind: 'skip',
        sourceId: id,
        what: `${type} ${id} "${title.slice(0, 60)}"`,
        reason: 'no html, and its lexical or mobiledoc is not JSON we can read',
      }
      continue
    }
    const rawStatus = str(p['status']) || 'draft'
    let status = STATUSES[rawStatus] ?? 'other'
    const visibility = str(p['visibility']) || 'public'
    if (visibility !== 'public' && status !== 'other' && status !== 'draft') {
      // We have no paywall: a story for members only is not made public by the move.
      status = 'draft'
      notes.push(
        `${type} ${id} "${title.slice(0, 60)}": for ${visibility} only on Ghost; imported as a draft`,
      )
    }
    const m = meta.get(id)
    const feature = str(p['feature_image'])
    if (feature)
      yield {
        kind: 'media',
        sourceId: `feature:${id}`,
        url: feature,
        alt: str(m?.['feature_image_alt'] ?? p['feature_image_alt']),
        caption: bodyText(str(m?.['feature_image_caption'] ?? p['feature_image_caption'])),
        title: '',
      }
    const publicTags = (postTags.get(id) ?? [])
      .map((t) => tags.get(t))
      .filter((t): t is Row => !!t && !isInternal(t))
      .map((t) => ({ slug: str(t['slug']) || str(t['name']), name: str(t['name']) }))
      .filter((t) => t.slug)
    const authorIds = postAuthors.get(id) ?? (str(p['author_id']) ? [str(p['author_id'])] : [])
    const post: SourcePost = {
      kind: type,
      sourceId: id,
      title,
      slug: str(p['slug']),
      body,
      excerpt: str(p['custom_excerpt']),
      status,
      rawStatus,
      publishedAt: date(p['published_at']) ?? date(p['created_at']),
      modifiedAt: date(p['updated_at']),
      addressDate: '',
      authors: authorIds
        .filter((a) => users.has(a))
        .map((a) => ({ key: a, name: str(users.get(a)!['name']) })),
      categories: publicTags.slice(0, 1),
      tags: publicTags,
      featuredMediaId: feature ? `feature:${id}` : null,
      link: '',
      comments: comments.get(id) ?? 0,
    }
    if (dropped.size) post.dropped = [...dropped]
    yield post
  }
}

/** Ghost members as subscribers: subscribed (Ghost 4) or on a newsletter (Ghost 5). */
export function ghostMembers(data: GhostData): SourceSubscriber[] {
  const onNewsletter = new Set(data.members_newsletters.map((r) => str(r['member_id'])))
  return data.members.map((m) => ({
    email: str(m['email']),
    subscribed:
      m['email_disabled'] !== true &&
      m['email_disabled'] !== 1 &&
      (m['subscribed'] === true || m['subscribed'] === 1 || onNewsletter.has(str(m['id']))),
    consentAt: date(m['created_at']),
  }))
}

/** An image's path on the old site: after `content/images/` in a folder, the whole path online. */
function ghostPath(url: string): URL | null {
  try {
    return new URL(url.replace(GHOST_URL, 'https://ghost.invalid'), 'https://ghost.invalid')
  } catch {
    return null
  }
}

/** `--media-from`: a copy of Ghost's content/images folder, or the old site's address. */
export function ghostMedia(from: string): FetchMedia {
  return mediaFetcher(from, {
    local: (url) => {
      const p = ghostPath(url)?.pathname ?? ''
      const i = p.indexOf('/content/images/')
      return safeRelative(i >= 0 ? p.slice(i + '/content/images/'.length) : p.slice(1))
    },
    remote: (url) => safeRelative(ghostPath(url)?.pathname.slice(1) ?? ''),
  })
}

export function ghostSource(data: GhostData, withSubscribers: boolean): ImportSource {
  const notes: string[] = []
  return {
    name: 'ghost',
    items: (async function* () {
      yield* items(data, notes)
    })(),
    warnings: [],
    notes,
    convertBody: convertGhostBody,
    postPaths: (p: SourcePost) => (p.slug ? [`/${p.slug}/`] : []),
    termPaths: (t) => (t.kind === 'tag' ? [`/tag/${t.slug}/`] : []),
    ...(withSubscribers ? { subscribers: ghostMembers(data) } : {}),
  }
}
