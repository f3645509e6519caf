/**
 * Substack as an import source (ADR 028): `posts.csv` (one row a post: `ID.slug`, date,
 * published or not, type, audience, title, subtitle) with each body in `posts/ID.slug.html`,
 * and the email lists (any other CSV with an `email` column) as subscribers. Everything but
 * the bodies is read and checked when the export is opened; a body is read when its post is
 * written. Substack has no authors, sections or tags in its export: posts go to the section
 * `uncategorized`, pages to `pages`.
 */
import { type CsvRecord, parseCsv } from '../../lib/csv.js'
import { ImportError } from '../import-error.js'
import type { ImportSource } from '../import-service.js'
import type { SourceItem, SourcePost, SourceSubscriber } from '../item.js'
import { type FetchMedia, mediaFetcher, safeRelative } from '../media.js'
import type { ExportFiles } from './archive.js'
import { convertSubstackBody, originalImageUrl } from './body.js'
import { link } from '../body-images.js'

/** The largest CSV read (a list of a million readers is about 100 MB: split it). */
export const MAX_CSV_BYTES = 100 * 1024 * 1024
export const MAX_HTML_BYTES = 10 * 1024 * 1024

interface Table {
  name: string
  cols: string[]
  rows: CsvRecord[]
}

async function readTable(files: ExportFiles, name: string): Promise<Table> {
  const bytes = await files.read(name, MAX_CSV_BYTES)
  if (!bytes)
    throw new ImportError(
      'IMPORT_TOO_LARGE',
      `${name} is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB`,
    )
  const parsed = parseCsv(bytes.toString('utf8'), { maxFields: 200 })
  if (!parsed.ok)
    throw new ImportError('IMPORT_CSV_INVALID', `${name}, line ${parsed.line}: ${parsed.message}`)
  const [head, ...rows] = parsed.records
  return { name, cols: (head?.fields ?? []).map((c) => c.trim().toLowerCase()), rows }
}

const cell = (t: Table, r: CsvRecord, col: string) => {
  const i = t.cols.indexOf(col)
  return i >= 0 ? (r.fields[i] ?? '').trim() : ''
}
const date = (v: string) => {
  const d = v ? new Date(v) : null
  return d && !Number.isNaN(d.getTime()) ? d : null
}

/** The email lists: every CSV outside `posts/` but posts.csv; one without `email` is noted. */
async function readSubscribers(
  files: ExportFiles,
  root: string,
  notes: string[],
): Promise<SourceSubscriber[]> {
  const out: SourceSubscriber[] = []
  const lists = files.names
    .filter((n) => n.startsWith(root) && n.toLowerCase().endsWith('.csv'))
    .filter((n) => n !== `${root}posts.csv` && !n.startsWith(`${root}posts/`))
    .sort()
  for (const name of lists) {
    const t = await readTable(files, name)
    if (!t.cols.includes('email')) {
      notes.push(`${name}: no "email" column; not read as a list of subscribers`)
      continue
    }
    for (const r of t.rows)
      out.push({
        email: cell(t, r, 'email'),
        // On the list and not turned off: they took the emails.
        subscribed: cell(t, r, 'email_disabled').toLowerCase() !== 'true',
        consentAt: date(cell(t, r, 'created_at')),
      })
  }
  return out
}

async function* items(
  files: ExportFiles,
  root: string,
  posts: Table,
  notes: string[],
): AsyncGenerator<SourceItem> {
  for (const r of posts.rows) {
    const postId = cell(posts, r, 'post_id')
    const title = cell(posts, r, 'title')
    const dot = postId.indexOf('.')
    const sourceId = dot > 0 ? postId.slice(0, dot) : postId
    const kind = cell(posts, r, 'type') === 'page' ? 'page' : 'post'
    const what = `${kind} ${sourceId} "${title.slice(0, 60)}"`
    if (!postId || unsafeId(postId)) {
      yield { kind: 'skip', sourceId: postId || '?', what, reason: 'no usable post_id' }
      continue
    }
    const bytes = await files.read(`${root}posts/${postId}.html`, MAX_HTML_BYTES)
    if (!bytes) {
      yield {
        kind: 'skip',
        sourceId,
        what,
        reason: `no posts/${postId}.html of at most 10 MB in the export`,
      }
      continue
    }
    let status: SourcePost['status'] =
      cell(posts, r, 'is_published').toLowerCase() === 'true' ? 'published' : 'draft'
    const audience = cell(posts, r, 'audience') || 'everyone'
    if (status === 'published' && !['everyone', 'only_free'].includes(audience)) {
      // We have no paywall: a story for paying readers is not made public by the move.
      status = 'draft'
      notes.push(`${what}: for ${audience} on Substack; imported as a draft`)
    }
    const podcast = cell(posts, r, 'podcast_url')
    const post: SourcePost = {
      kind,
      sourceId,
      title,
      slug: dot > 0 ? postId.slice(dot + 1) : '',
      body: bytes.toString('utf8') + (podcast ? link(podcast, 'Listen to the episode') : ''),
      excerpt: cell(posts, r, 'subtitle'),
      status,
      rawStatus: status,
      publishedAt: date(cell(posts, r, 'post_date')),
      modifiedAt: null,
      addressDate: '',
      authors: [],
      categories: [],
      tags: [],
      featuredMediaId: null,
      link: '',
      comments: 0,
    }
    yield post
  }
}

const unsafeId = (id: string) => id.includes('/') || id.includes('\\') || id.startsWith('.')

/** `--media-from`: a folder of the images by file name, or an address serving them so. */
export function substackMedia(from: string): FetchMedia {
  const fileName = (url: string) => {
    const p = /^[^?#]*/.exec(originalImageUrl(url))![0]
    return safeRelative(p.slice(p.lastIndexOf('/') + 1))
  }
  return mediaFetcher(from, { local: fileName, remote: fileName })
}

/** The export opened and checked: posts.csv (and the lists, when asked) read whole. */
export async function substackSource(
  files: ExportFiles,
  withSubscribers: boolean,
): Promise<ImportSource> {
  const csv = files.names
    .filter((n) => n === 'posts.csv' || n.endsWith('/posts.csv'))
    .sort((a, b) => a.length - b.length)[0]
  if (!csv)
    throw new ImportError(
      'IMPORT_NOT_SUBSTACK',
      'no posts.csv: not a Substack export (Settings, Exports)',
    )
  const root = csv.slice(0, -'posts.csv'.length)
  const posts = await readTable(files, csv)
  for (const col of ['post_id', 'title', 'is_published'])
    if (!posts.cols.includes(col))
      throw new ImportError(
        'IMPORT_NOT_SUBSTACK',
        `${csv} has no "${col}" column: not a Substack export`,
      )
  const notes: string[] = []
  const subscribers = withSubscribers ? await readSubscribers(files, root, notes) : undefined
  return {
    name: 'substack',
    items: items(files, root, posts, notes),
    warnings: [],
    notes,
    convertBody: convertSubstackBody,
    postPaths: (p) => (p.slug ? [`/p/${p.slug}`] : []),
    termPaths: () => [],
    ...(subscribers ? { subscribers } : {}),
  }
}
