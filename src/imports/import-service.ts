/**
 * The one import use case (ADR 025): a source yields normalised items (item.ts) and this
 * writes them through the content service, so bodies pass the editor's sanitizer and every
 * rule of a save holds. Each item is keyed by (source, kind, source id): a second run of the
 * same file finds every key with the same hash and writes nothing; a later export updates what
 * changed. Items are written one by one, so a run cut short keeps what it did and the next
 * run continues.
 */
import { createHash } from 'node:crypto'
import { articlePath, sectionPath, topicPath } from '../content/article.js'
import type { ArticleInput, ContentService } from '../content/content-service.js'
import type { ContentRepository } from '../content/content-repository.js'
import type { StoredImageFiles } from '../content/use-cases/images.js'
import type { Clock } from '../lib/clock.js'
import { isAppError } from '../lib/errors.js'
import { isSlug, slugify } from '../lib/slug.js'
import { truncateWords } from '../lib/text.js'
import { bodyText } from '../content/body.js'
import type { ImportKeyRepository, KeyKind } from './import-keys.js'
import type { SourceItem, SourcePost, SourceSubscriber, SourceTerm, SourceWarning } from './item.js'
import type { RedirectService } from './redirect-service.js'
import { type ImportReport, emptyReport, missingImage, skip } from './report.js'
import { boundedSet } from './bounded-set.js'
import { writeBatches } from './write-batch.js'
import { ImportStopped } from './import-error.js'
import type { ConvertedBody } from './body-images.js'

export interface ImportSource {
  /** Keys and redirects are marked with it: `wordpress`. */
  name: string
  items: AsyncIterable<SourceItem>
  warnings: SourceWarning[]
  convertBody(body: string): ConvertedBody
  /** The old site's paths of a post or page (redirected to its new address). */
  postPaths(post: SourcePost): string[]
  termPaths(term: { kind: 'category' | 'tag'; slug: string }): string[]
  /** Read and checked when the source was opened (only when subscribers were asked for). */
  subscribers?: readonly SourceSubscriber[]
  /** Notes the source made while reading (a members-only post made a draft). */
  notes?: string[]
}

export interface ImportDeps {
  content: Pick<
    ContentService,
    | 'createSection'
    | 'createTopic'
    | 'createAuthor'
    | 'createArticle'
    | 'updateArticle'
    | 'createImage'
  >
  repo: Pick<
    ContentRepository,
    | 'findSectionBySlug'
    | 'findTopicBySlug'
    | 'findAuthorBySlug'
    | 'findArticleBySlug'
    | 'findArticleById'
    | 'slugExists'
  >
  keys: ImportKeyRepository
  redirects: Pick<RedirectService, 'put' | 'announce'>
  clock: Clock
  /** An image's bytes from where the old site kept it (`--media-from`); null when it cannot. */
  fetchMedia?: ((url: string) => Promise<Buffer | null>) | undefined
  storeImage?: ((bytes: Buffer) => Promise<StoredImageFiles>) | undefined
  /**
   * Opens a write batch (storage's openBatch, ADR 029); the function it returns commits it.
   */
  openBatch?: (() => Promise<() => Promise<void>>) | undefined
}

export interface ImportOptions {
  dryRun?: boolean
  /** Called now and then with the report so far (the progress line, a job's progress row). */
  onProgress?: (r: ImportReport) => void | Promise<void>
  /** Aborted: the run stops after the item it is writing (ImportStopped). */
  signal?: AbortSignal | undefined
}

/** Old paths remembered per run (about 100 bytes each). */
const CLAIMS_KEPT = 200_000

const hashOf = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex')

/** A source's slug (maybe percent-encoded, maybe with capitals) as one of ours. */
export function ourSlug(s: string): string {
  let v = s
  try {
    v = decodeURIComponent(s)
  } catch {
    // Not percent-encoded after all: used as it is.
  }
  return isSlug(v) ? v : slugify(v)
}

const clip = (s: string, n: number) => (s.length <= n ? s : s.slice(0, n))

export async function runImport(
  deps: ImportDeps,
  source: ImportSource,
  opts: ImportOptions = {},
): Promise<ImportReport> {
  const { content, repo, keys, clock } = deps
  const dryRun = opts.dryRun ?? false
  const report = emptyReport(dryRun)
  const src = source.name
  const now = clock.now()
  /** Ids made in a dry run are not real: negative, never sent to the database. */
  let fakeId = 0

  async function keyed(
    kind: KeyKind,
    sourceId: string,
    value: unknown,
    write: (existing: number | null) => Promise<number>,
  ): Promise<{ id: number; outcome: 'imported' | 'updated' | 'unchanged' }> {
    const hash = hashOf(value)
    const key = await keys.find(src, kind, sourceId)
    if (key && key.hash === hash) return { id: key.localId, outcome: 'unchanged' }
    if (dryRun) return { id: key?.localId ?? --fakeId, outcome: key ? 'updated' : 'imported' }
    const id = await write(key?.localId ?? null)
    await keys.put(src, kind, sourceId, { localId: id, hash }, clock.now())
    return { id, outcome: key ? 'updated' : 'imported' }
  }

  /**
   * Old paths given a target in this run: the first item to claim one keeps it (two posts of
   * one file may share `/slug/`), so runs of the same file never move it back and forth. The
   * newest CLAIMS_KEPT are remembered, so memory does not grow with the file (ADR 029).
   */
  const claimed = boundedSet(CLAIMS_KEPT)
  async function redirect(from: string, to: string) {
    if (claimed.has(from)) {
      report.redirects.kept++
      return
    }
    claimed.add(from)
    const r = await deps.redirects.put(from, to, src, { dryRun })
    if (r === 'made') report.redirects.made++
    else if (r === 'updated') report.redirects.updated++
    else if (r === 'same') report.redirects.unchanged++
    else if (r === 'kept') report.redirects.kept++
    else {
      report.redirects.refused++
      if (report.refusedRedirects.length < 100)
        report.refusedRedirects.push(`${from.slice(0, 200)} -> ${to}`)
    }
  }

  const termIds = new Map<string, number>()
  async function term(t: Pick<SourceTerm, 'kind' | 'slug' | 'name' | 'description'>) {
    const slug = ourSlug(t.slug)
    const mapKey = `${t.kind}:${slug}`
    const known = termIds.get(mapKey)
    if (known !== undefined) return known
    const kind = t.kind === 'category' ? 'section' : 'topic'
    const name = clip(t.name.trim() || slug, kind === 'section' ? 80 : 120)
    const description = clip(t.description.trim(), 600)
    const found = kind === 'section' ? repo.findSectionBySlug(slug) : repo.findTopicBySlug(slug)
    const r = await keyed(kind, slug, { slug }, async () => {
      // One made by hand (or by an earlier import of another file) is used, not copied.
      const existing = await found
      if (existing) return existing.id
      return kind === 'section'
        ? content.createSection({ slug, name, description })
        : content.createTopic({ slug, name, description })
    })
    report[r.outcome][kind]++
    termIds.set(mapKey, r.id)
    for (const from of source.termPaths({ kind: t.kind, slug: t.slug }))
      await redirect(from, kind === 'section' ? sectionPath(slug) : topicPath(slug))
    return r.id
  }

  const authorIds = new Map<string, number>()
  const images = new Map<string, { id: number | null; url: string; alt: string; caption: string }>()

  /** The file an image URL names, whatever query (`?w=150`) it asks for: one image per file. */
  const fileKey = (url: string) => url.replace(/[?#].*$/, '')
  /** A body image at one of WordPress's sizes (`x-300x200.jpg`): the original, if imported. */
  const original = (url: string) => images.get(fileKey(url).replace(/-\d+x\d+(\.\w+)$/, '$1'))
  const mediaUrls = new Map<string, string>()

  async function image(url: string, alt: string, caption: string, title: string) {
    const fk = fileKey(url)
    const seen = images.get(fk)
    if (seen) return seen.id
    let id: number | null = null
    const key = await keys.find(src, 'image', fk)
    if (key) {
      id = key.localId
      report.unchanged.image++
    } else if (!deps.fetchMedia || !deps.storeImage) {
      missingImage(report, `${fk} (no --media-from)`)
    } else {
      const bytes = await deps.fetchMedia(fk).catch(() => null)
      if (!bytes) missingImage(report, fk)
      else if (dryRun) {
        id = --fakeId
        report.images.fetched++
        report.imported.image++
      } else {
        try {
          const files = await deps.storeImage(bytes)
          const words = {
            alt: clip(alt.trim() || title.trim() || 'Picture from the archive', 500),
            caption: clip(caption.trim(), 1000),
            credit: '',
          }
          id = await content.createImage(files, words)
          await keys.put(src, 'image', fk, { localId: id, hash: hashOf(words) }, clock.now())
          report.images.fetched++
          report.imported.image++
        } catch (err) {
          if (!isAppError(err)) throw err
          missingImage(report, `${fk} (${err.details.join('; ') || err.message})`)
        }
      }
    }
    images.set(fk, { id, url, alt, caption })
    return id
  }

  async function post(p: SourcePost) {
    const kindWord = p.kind
    const what = `${kindWord} ${p.sourceId} "${clip(p.title, 60)}"`
    if (p.status === 'trash' || p.status === 'other') {
      skip(report, what, `status ${p.rawStatus}`)
      return
    }
    const sectionTerm =
      p.kind === 'page'
        ? { kind: 'category' as const, slug: 'pages', name: 'Pages', description: '' }
        : p.categories[0]
          ? { kind: 'category' as const, ...p.categories[0], description: '' }
          : {
              kind: 'category' as const,
              slug: 'uncategorized',
              name: 'Uncategorized',
              description: '',
            }
    const sectionId = await term(sectionTerm)
    const sectionSlug = ourSlug(sectionTerm.slug)
    const topicIds: number[] = []
    for (const t of p.tags.slice(0, 12))
      topicIds.push(await term({ kind: 'tag', ...t, description: '' }))
    const credits: ArticleInput['credits'] = []
    for (const a of p.authors.slice(0, 12)) {
      const id = authorIds.get(a.key) ?? authorIds.get(ourSlug(a.key))
      if (id !== undefined) credits.push({ authorId: id })
      else credits.push({ guest: clip(a.name || a.key, 120) })
    }
    const converted = source.convertBody(p.body)
    for (const name of [...converted.shortcodes, ...(p.dropped ?? [])])
      report.shortcodes[name] = (report.shortcodes[name] ?? 0) + 1
    let body = converted.html
    for (const [i, img] of converted.images.entries()) {
      const id = original(img.src)?.id ?? (await image(img.src, img.alt, img.caption, ''))
      body = body.replace(
        `<figure data-image-id="@@${i}@@"></figure>`,
        id && id > 0 ? `<figure data-image-id="${id}"></figure>` : '',
      )
    }
    report.comments += p.comments
    const leadUrl = p.featuredMediaId ? mediaUrls.get(p.featuredMediaId) : undefined
    const lead = leadUrl ? images.get(fileKey(leadUrl)) : undefined
    const leadImageId = lead?.id && lead.id > 0 ? lead.id : null

    let status: ArticleInput['status'] = 'draft'
    let publishedAt = p.publishedAt
    if (p.status === 'published' || p.status === 'scheduled')
      status = publishedAt && publishedAt > now ? 'scheduled' : 'published'
    if (status === 'published') publishedAt ??= now
    if (status === 'draft' && p.status !== 'private' && p.status !== 'draft') publishedAt = null

    const slug = ourSlug(p.slug || p.title || `${kindWord}-${p.sourceId}`)
    const input: ArticleInput = {
      slug,
      sectionId,
      headline: clip(p.title.trim() || `Untitled ${kindWord} ${p.sourceId}`, 300),
      standfirst: standfirst(p.excerpt),
      body,
      status,
      publishedAt,
      credits,
      topicIds: [...new Set(topicIds)],
      leadImageId,
    }
    let finalSlug = slug
    const r = await keyed('article', `${kindWord}:${p.sourceId}`, input, async (existing) => {
      if (existing !== null && (await repo.findArticleById(existing))) {
        const a = await content.updateArticle(existing, {
          ...input,
          slug: (await repo.findArticleById(existing))!.slug,
        })
        finalSlug = a.slug
        return a.id
      }
      // The cheap test first: the whole article is read only when the address is taken.
      const taken = (await repo.slugExists(slug)) && (await repo.findArticleBySlug(slug))
      if (taken) {
        // The same headline and time: this run's own article, from a run cut short before
        // its key was written. Otherwise another story has the address: ours gets the id.
        if (
          taken.headline === input.headline &&
          taken.publishedAt?.getTime() === publishedAt?.getTime()
        )
          return taken.id
        finalSlug = clip(`${slug}-${kindWord}-${p.sourceId}`, 80).replace(/-+$/, '')
        input.slug = finalSlug
      }
      return (await content.createArticle(input)).id
    })
    report[r.outcome][kindWord]++
    if (r.outcome === 'unchanged' && !dryRun)
      finalSlug = (await repo.findArticleById(r.id))?.slug ?? slug
    if (status === 'published' || status === 'scheduled') {
      const to = articlePath({ slug: finalSlug, section: { slug: sectionSlug }, publishedAt })
      for (const from of source.postPaths(p)) await redirect(from, to)
    }
  }

  let n = 0
  const batches = writeBatches(dryRun ? undefined : deps.openBatch)
  try {
    for await (const item of source.items) {
      report.items++
      await batches.before()
      try {
        switch (item.kind) {
          case 'author': {
            const slug = ourSlug(item.slug)
            const r = await keyed(
              'author',
              item.login,
              { slug, name: item.name },
              async (existing) => {
                if (existing !== null) return existing
                const found = await repo.findAuthorBySlug(slug)
                return found ? found.id : content.createAuthor({ slug, name: clip(item.name, 120) })
              },
            )
            report[r.outcome].author++
            authorIds.set(item.login, r.id)
            authorIds.set(slug, r.id)
            break
          }
          case 'category':
          case 'tag':
            await term(item)
            break
          case 'media':
            if (!item.url) {
              skip(report, `media ${item.sourceId}`, 'no file address')
              break
            }
            mediaUrls.set(item.sourceId, item.url)
            await image(item.url, item.alt, item.caption, item.title)
            break
          case 'post':
          case 'page':
            await post(item)
            break
          case 'skip':
            skip(report, item.what, item.reason)
            break
        }
      } catch (err) {
        // One item the content rules refuse is reported; the run goes on. Anything else
        // (the database gone) stops it, and a second run continues from the keys.
        if (!isAppError(err) || err.status >= 500) throw err
        const what =
          'title' in item
            ? `${item.kind} ${item.sourceId} "${clip(item.title, 60)}"`
            : `${item.kind} ${item.sourceId}`
        skip(report, what, [err.message, ...err.details].join('; '))
      }
      await batches.after()
      if (opts.signal?.aborted) throw new ImportStopped()
      if (++n % 50 === 0) await opts.onProgress?.(report)
    }
  } finally {
    // What was written so far is kept even when the run stops: a second run continues from it.
    await batches.close()
  }
  report.warnings = source.warnings
  report.notes = source.notes ?? []
  if (!dryRun) deps.redirects.announce()
  await opts.onProgress?.(report)
  return report
}

/** The excerpt as a standfirst: plain text, at most 600 characters. */
function standfirst(excerpt: string): string | null {
  return truncateWords(bodyText(excerpt), 600) || null
}
