import { AppError } from '../../lib/errors.js'
import type { Clock } from '../../lib/clock.js'
import { slugify } from '../../lib/slug.js'
import { type Article, type PublicationRefusal, publicationTime } from '../article.js'
import { ArticleInput, CorrectionText } from '../article-input.js'
import { bodyImageIds, bodyText, countWords, sanitizeBody, summarize } from '../body.js'
import { type ContentKey, keysFor } from '../content-keys.js'
import type { ArticleReads } from '../repositories/article-reads.js'
import type { ArticleWrites, NewArticleRow, NewCredit } from '../repositories/article-writes.js'
import type { RevisionRepository } from '../repositories/revisions.js'
import { snapshotOf } from '../revision.js'
import { parseOrThrow, uniquely } from '../validation.js'

const PUBLICATION_PROBLEMS: Record<PublicationRefusal, string> = {
  'scheduled-needs-future-time': 'a scheduled article needs a publication time in the future',
  'published-in-future': 'a future time needs the status "scheduled"',
  'out-of-range': 'use a date between the years 1970 and 9999',
}

/** Creating and changing articles: validated, sanitised, one transaction, a version each time. */
export interface ArticleSaves {
  /** Validates, derives the summary and word count, stores, and records the first version. */
  createArticle(input: ArticleInput, meta?: { createdBy?: number }): Promise<Article>
  /**
   * Replaces an article's content. `updatedAt` moves; the first publication time stays.
   *
   * @param expectedVersion the `updatedAt` the editor started from: if someone saved since,
   *   nothing is written and EDIT_CONFLICT says so (never a silent overwrite).
   */
  updateArticle(
    id: number,
    input: ArticleInput,
    expectedVersion?: number,
    meta?: { staffId?: number },
  ): Promise<Article>
  /** Appends a correction or an update note to a published article, shown to readers. */
  addCorrection(articleId: number, kind: 'correction' | 'update', text: string): Promise<void>
}

export interface ArticleSavesDeps {
  repo: ArticleReads & ArticleWrites & Pick<RevisionRepository, 'insertRevision' | 'deleteAutosave'>
  clock: Clock
  defaultLanguage: string
  /** Told which content keys changed, after the change is committed. */
  changed: (keys: ContentKey[]) => void
}

export function createArticleSaves(deps: ArticleSavesDeps): ArticleSaves {
  const { repo, clock } = deps

  async function recordRevision(a: Article, staffId: number | null) {
    await repo.insertRevision({
      articleId: a.id,
      savedAt: a.updatedAt,
      staffId,
      snapshot: JSON.stringify(snapshotOf(a)),
    })
  }

  /** The row to store, or an AppError listing every problem at once. */
  async function prepare(
    input: ArticleInput,
    before?: Article,
  ): Promise<{ row: NewArticleRow; credits: NewCredit[]; topicIds: number[] }> {
    const exceptId = before?.id
    const a = parseOrThrow(ArticleInput, input, 'The article has problems')
    const now = clock.now()
    const problems: string[] = []
    const when = publicationTime(a.status, a.publishedAt, before?.publishedAt ?? null, now)
    if (when && 'refused' in when)
      problems.push(`publishedAt: ${PUBLICATION_PROBLEMS[when.refused]}`)
    const publishedAt = when && 'refused' in when ? null : when
    const unpublishAt = a.unpublishAt ?? null
    if (unpublishAt && (unpublishAt <= now || (publishedAt && unpublishAt <= publishedAt))) {
      problems.push('unpublishAt: a takedown time must be in the future and after publication')
    }
    const body = sanitizeBody(a.body)
    const plain = bodyText(body)
    const slug = a.slug ?? slugify(a.headline)
    if (await repo.slugExists(slug, exceptId)) {
      throw new AppError('SLUG_TAKEN', {
        status: 409,
        message: `Another article already uses the address "${slug}"`,
        details: ['slug: choose another'],
      })
    }
    const credits: NewCredit[] = a.credits.map((c) =>
      'authorId' in c
        ? { kind: 'author', authorId: c.authorId }
        : 'agencyId' in c
          ? { kind: 'agency', agencyId: c.agencyId }
          : { kind: 'guest', name: c.guest },
    )
    const refs = await Promise.all([
      repo.existingIds('section', [a.sectionId]),
      repo.existingIds(
        'author',
        credits.flatMap((c) => (c.kind === 'author' ? [c.authorId] : [])),
      ),
      repo.existingIds(
        'agency',
        credits.flatMap((c) => (c.kind === 'agency' ? [c.agencyId] : [])),
      ),
      repo.existingIds('topic', a.topicIds),
      repo.existingIds('image', [...(a.leadImageId ? [a.leadImageId] : []), ...bodyImageIds(body)]),
    ])
    if (!refs[0].has(a.sectionId)) problems.push(`sectionId: no section ${a.sectionId}`)
    for (const c of credits) {
      if (c.kind === 'author' && !refs[1].has(c.authorId))
        problems.push(`credits: no author ${c.authorId}`)
      if (c.kind === 'agency' && !refs[2].has(c.agencyId))
        problems.push(`credits: no agency ${c.agencyId}`)
    }
    for (const t of a.topicIds) if (!refs[3].has(t)) problems.push(`topicIds: no topic ${t}`)
    if (a.leadImageId && !refs[4].has(a.leadImageId))
      problems.push(`leadImageId: no image ${a.leadImageId}`)
    for (const id of bodyImageIds(body)) if (!refs[4].has(id)) problems.push(`body: no image ${id}`)
    if (problems.length) {
      throw new AppError(
        problems.some((p) => p.includes(': no ')) ? 'UNKNOWN_REFERENCE' : 'VALIDATION_FAILED',
        {
          status: 422,
          message: 'The article has problems',
          details: problems,
        },
      )
    }
    return {
      row: {
        slug,
        sectionId: a.sectionId,
        kicker: a.kicker,
        headline: a.headline,
        standfirst: a.standfirst,
        body,
        summary: summarize(a.standfirst, plain),
        wordCount: countWords(plain),
        status: a.status,
        // An edit that names no language keeps the story's own (an imported one, say).
        language: a.language ?? before?.language ?? deps.defaultLanguage,
        leadImageId: a.leadImageId ?? null,
        publishedAt,
        unpublishAt,
        updatedAt: now,
        createdAt: now,
      },
      credits,
      topicIds: [...new Set(a.topicIds)],
    }
  }

  return {
    async createArticle(input, meta = {}) {
      const p = await prepare(input)
      const row = { ...p.row, createdBy: meta.createdBy ?? null }
      const id = await uniquely(() => repo.insertArticle(row, p.credits, p.topicIds), 'article')
      const saved = (await repo.findArticleById(id))!
      await recordRevision(saved, meta.createdBy ?? null)
      deps.changed(keysFor(saved))
      return saved
    },

    async updateArticle(id, input, expectedVersion, meta = {}) {
      const before = await repo.findArticleById(id)
      if (!before) throw new AppError('NOT_FOUND', { status: 404, message: `No article ${id}` })
      if (expectedVersion !== undefined && before.updatedAt.getTime() !== expectedVersion) {
        throw new AppError('EDIT_CONFLICT', {
          status: 409,
          message: `Someone saved this article at ${before.updatedAt.toISOString()}, after you opened it`,
        })
      }
      const p = await prepare(input, before)
      const written = await uniquely(
        () => repo.updateArticle(id, p.row, p.credits, p.topicIds, expectedVersion),
        'article',
      )
      if (!written) {
        throw new AppError('EDIT_CONFLICT', {
          status: 409,
          message: 'Someone saved this article while you were editing it',
        })
      }
      const after = (await repo.findArticleById(id))!
      await recordRevision(after, meta.staffId ?? null)
      // Saved for real: the kept copy has done its work.
      await repo.deleteAutosave(id)
      deps.changed([...keysFor(before), ...keysFor(after)])
      return after
    },

    async addCorrection(articleId, kind, text) {
      const article = await repo.findArticleById(articleId)
      if (!article)
        throw new AppError('NOT_FOUND', { status: 404, message: `No article ${articleId}` })
      const t = parseOrThrow(CorrectionText, text, 'The note has problems')
      await repo.insertCorrection({ articleId, at: clock.now(), kind, text: t })
      deps.changed(keysFor(article))
    },
  }
}
