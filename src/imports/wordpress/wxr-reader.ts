/**
 * A WordPress export (WXR) read as a stream of normalised items (../item.ts): saxes, one chunk
 * at a time, so memory holds one item, never the file. No DTD is read and no entity is
 * expanded or fetched: a file with a DOCTYPE is refused (real exports have none). A raw `&`
 * or another slip is a warning with its line, and the reading goes on.
 */
import { SaxesParser } from 'saxes'
import { ampersandRepair } from './ampersands.js'
import type { SourceItem, SourceMedia, SourcePost, SourceStatus, SourceWarning } from '../item.js'

export class WxrError extends Error {
  constructor(
    readonly code: 'IMPORT_NOT_WELL_FORMED' | 'IMPORT_NOT_WXR' | 'IMPORT_ENTITY_REFUSED',
    message: string,
  ) {
    super(message)
  }
}

/** An item's text past this is cut and the item skipped: no export has a 10 MB post. */
const MAX_TEXT = 10 * 1024 * 1024

const STATUSES: Record<string, SourceStatus> = {
  publish: 'published',
  draft: 'draft',
  pending: 'draft',
  'auto-draft': 'draft',
  future: 'scheduled',
  private: 'private',
  trash: 'trash',
}

/** `2013-04-02 05:16:20` (GMT) or an RFC 822 date; null for WordPress's zero date. */
export function wxrDate(value: string): Date | null {
  const v = value.trim()
  if (!v || v.startsWith('0000-00-00')) return null
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(v)
  const d = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : new Date(v)
  return Number.isNaN(d.getTime()) ? null : d
}

interface Raw {
  fields: Map<string, string>
  meta: Map<string, string>
  categories: { domain: string; nicename: string; name: string }[]
  comments: number
  tooBig: boolean
}

const field = (r: Raw, k: string) => (r.fields.get(k) ?? '').trim()

function toItem(r: Raw): SourceItem {
  const type = field(r, 'wp:post_type') || 'post'
  const sourceId = field(r, 'wp:post_id')
  const title = field(r, 'title')
  if (!sourceId) return { kind: 'skip', sourceId: '?', what: title || type, reason: 'no post id' }
  if (r.tooBig)
    return { kind: 'skip', sourceId, what: title, reason: 'a field is larger than 10 MB' }
  if (type === 'attachment') {
    const media: SourceMedia = {
      kind: 'media',
      sourceId,
      url: field(r, 'wp:attachment_url') || field(r, 'guid'),
      alt: (r.meta.get('_wp_attachment_image_alt') ?? '').trim(),
      caption: field(r, 'excerpt:encoded'),
      title,
    }
    return media
  }
  if (type !== 'post' && type !== 'page')
    return {
      kind: 'skip',
      sourceId,
      what: `${type} ${title}`.trim(),
      reason: `${type}: not an article`,
    }
  const rawStatus = field(r, 'wp:status') || 'draft'
  const byDomain = (d: string) => r.categories.filter((c) => c.domain === d)
  const creator = field(r, 'dc:creator')
  const coAuthors = byDomain('author').map((c) => ({ key: c.nicename, name: c.name }))
  const post: SourcePost = {
    kind: type,
    sourceId,
    title,
    slug: field(r, 'wp:post_name'),
    body: r.fields.get('content:encoded') ?? '',
    excerpt: field(r, 'excerpt:encoded'),
    status: STATUSES[rawStatus] ?? 'other',
    rawStatus,
    publishedAt:
      wxrDate(field(r, 'wp:post_date_gmt')) ??
      wxrDate(field(r, 'wp:post_date')) ??
      wxrDate(field(r, 'pubDate')),
    addressDate:
      /^(\d{4})-(\d{2})-(\d{2})/.exec(field(r, 'wp:post_date'))?.slice(1).join('/') ?? '',
    modifiedAt: wxrDate(field(r, 'wp:post_modified_gmt')) ?? wxrDate(field(r, 'wp:post_modified')),
    authors: coAuthors.length ? coAuthors : creator ? [{ key: creator, name: '' }] : [],
    categories: byDomain('category').map((c) => ({ slug: c.nicename || c.name, name: c.name })),
    tags: byDomain('post_tag').map((c) => ({ slug: c.nicename || c.name, name: c.name })),
    featuredMediaId: (r.meta.get('_thumbnail_id') ?? '').trim() || null,
    link: field(r, 'link'),
    comments: r.comments,
  }
  return post
}

/**
 * The items of a WXR file, in file order: authors, categories and tags (from the channel) as
 * they come, then each `<item>`. `warnings` collects what was read past.
 */
export async function* readWxr(
  chunks: AsyncIterable<string | Buffer>,
  warnings: SourceWarning[],
): AsyncGenerator<SourceItem> {
  const parser = new SaxesParser({ position: true })
  const out: SourceItem[] = []
  const stack: string[] = []
  let text = ''
  let item: Raw | null = null
  let channelThing: Map<string, string> | null = null
  let meta: { key: string; value: string } | null = null
  let category: { domain: string; nicename: string } | null = null
  let sawRss = false
  let sawChannel = false
  let fatal: WxrError | null = null

  parser.on('error', (err) => {
    const message = err.message.replace(/^[^:]*:\d+:\d+: /, '')
    if (warnings.length < 1000) warnings.push({ line: parser.line, message })
  })
  parser.on('doctype', () => {
    fatal ??= new WxrError(
      'IMPORT_ENTITY_REFUSED',
      `line ${parser.line}: the file declares a DOCTYPE; entities are never read or fetched`,
    )
  })
  parser.on('opentag', (tag) => {
    const name = tag.name
    if (stack.length === 0) {
      if (name !== 'rss')
        fatal ??= new WxrError('IMPORT_NOT_WXR', `the root element is <${name}>, not <rss>`)
      sawRss = true
    }
    if (name === 'channel') sawChannel = true
    stack.push(name)
    text = ''
    const attr = (k: string) => {
      const v = tag.attributes[k]
      return typeof v === 'string' ? v : ''
    }
    if (name === 'item') {
      item = { fields: new Map(), meta: new Map(), categories: [], comments: 0, tooBig: false }
    } else if (item) {
      if (name === 'wp:postmeta') meta = { key: '', value: '' }
      else if (name === 'wp:comment' && stack[stack.length - 2] === 'item') item.comments++
      else if (name === 'category')
        category = { domain: attr('domain'), nicename: attr('nicename') }
    } else if (name === 'wp:author' || name === 'wp:category' || name === 'wp:tag') {
      channelThing = new Map()
    }
  })
  const onText = (t: string) => {
    if (text.length + t.length > MAX_TEXT) {
      if (item) item.tooBig = true
      return
    }
    text += t
  }
  parser.on('text', onText)
  parser.on('cdata', onText)
  parser.on('closetag', (tag) => {
    const name = tag.name
    stack.pop()
    const value = text
    text = ''
    if (item) {
      if (name === 'item') {
        out.push(toItem(item))
        item = null
      } else if (meta && name === 'wp:meta_key') meta.key = value.trim()
      else if (meta && name === 'wp:meta_value') meta.value = value
      else if (meta && name === 'wp:postmeta') {
        item.meta.set(meta.key, meta.value)
        meta = null
      } else if (category && name === 'category') {
        item.categories.push({ ...category, name: value.trim() })
        category = null
      } else if (stack[stack.length - 1] === 'item' && !item.fields.has(name)) {
        item.fields.set(name, value)
      }
      return
    }
    if (channelThing) {
      if (name === 'wp:author') {
        const login = (channelThing.get('wp:author_login') ?? '').trim()
        const name2 = (channelThing.get('wp:author_display_name') ?? '').trim() || login
        if (login)
          out.push({
            kind: 'author',
            sourceId: (channelThing.get('wp:author_id') ?? '').trim() || login,
            login,
            name: name2,
            slug: login,
          })
        channelThing = null
      } else if (name === 'wp:category' || name === 'wp:tag') {
        const get = (k: string) => (channelThing!.get(k) ?? '').trim()
        const isCat = name === 'wp:category'
        const slug = isCat ? get('wp:category_nicename') : get('wp:tag_slug')
        const label = isCat ? get('wp:cat_name') : get('wp:tag_name')
        if (slug || label)
          out.push({
            kind: isCat ? 'category' : 'tag',
            sourceId: get('wp:term_id') || slug,
            slug: slug || label,
            name: label || slug,
            description: isCat ? get('wp:category_description') : get('wp:tag_description'),
          })
        channelThing = null
      } else channelThing.set(name, value)
    }
  })

  let fixes = 0
  const repair = ampersandRepair((line) => {
    if (fixes++ < 100)
      warnings.push({ line, message: 'a raw & (not XML) was read as the character &' })
  })
  for await (const chunk of chunks) {
    parser.write(repair.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8')))
    if (fatal) throw fatal
    yield* out.splice(0)
  }
  parser.write(repair.end())
  // close() starts the parser afresh: where the text ended is read before it.
  const end = { line: parser.line, column: parser.column }
  parser.close()
  if (fatal) throw fatal
  yield* out.splice(0)
  if (!sawRss || !sawChannel)
    throw new WxrError('IMPORT_NOT_WXR', 'no <rss> with a <channel>: not a WordPress export')
  if (stack.length > 0)
    throw new WxrError(
      'IMPORT_NOT_WELL_FORMED',
      `line ${end.line}, column ${end.column}: the file ends inside <${stack[stack.length - 1]}>`,
    )
}
