import { AppError } from '../../lib/errors.js'
import type { Clock } from '../../lib/clock.js'
import type { Article } from '../article.js'
import type { ArticleReads } from '../repositories/article-reads.js'
import type { Autosave, RevisionRepository } from '../repositories/revisions.js'
import { type Revision, inputFromSnapshot } from '../revision.js'
import type { ArticleSaves } from './article-saves.js'

/** An article's saved versions, restoring one, and the editor's unsaved copy. */
export interface ArticleVersions {
  /** The newest hundred versions, newest first. */
  listRevisions(articleId: number): Promise<Revision[]>
  findRevision(articleId: number, revisionId: number): Promise<Revision | undefined>
  /** Saves an old version as the newest one (the current status stays). A new revision records it. */
  restoreRevision(
    articleId: number,
    revisionId: number,
    meta?: { staffId?: number },
  ): Promise<Article>
  /** Keeps the editor's unsaved text on the server; nothing readers see changes. */
  autosave(
    articleId: number,
    staffId: number,
    text: { headline: string; body: string },
  ): Promise<void>
  findAutosave(articleId: number): Promise<Autosave | undefined>
}

export interface ArticleVersionsDeps {
  repo: Pick<ArticleReads, 'findArticleById'> & RevisionRepository
  clock: Clock
  /** Restoring is saving: it goes through the same checks and records a version. */
  saves: Pick<ArticleSaves, 'updateArticle'>
}

/** How many versions the history shows. */
const HISTORY_LENGTH = 100

export function createArticleVersions(deps: ArticleVersionsDeps): ArticleVersions {
  const { repo, clock } = deps
  return {
    listRevisions: (articleId) => repo.listRevisions(articleId, HISTORY_LENGTH),

    findRevision: (articleId, revisionId) => repo.findRevision(articleId, revisionId),

    async restoreRevision(articleId, revisionId, meta = {}) {
      const [current, rev] = await Promise.all([
        repo.findArticleById(articleId),
        repo.findRevision(articleId, revisionId),
      ])
      if (!current || !rev)
        throw new AppError('NOT_FOUND', { status: 404, message: 'No such version' })
      const input = inputFromSnapshot(rev.snapshot, current.status)
      // The publication time and takedown stay as they are now: restoring words, not history.
      return deps.saves.updateArticle(
        articleId,
        { ...input, publishedAt: current.publishedAt, unpublishAt: current.unpublishAt },
        current.updatedAt.getTime(),
        meta,
      )
    },

    async autosave(articleId, staffId, text) {
      if (text.body.length > 1_000_000 || text.headline.length > 1000) {
        throw new AppError('VALIDATION_FAILED', {
          status: 422,
          message: 'Too long to keep',
          details: ['body: too long'],
        })
      }
      await repo.putAutosave({ articleId, staffId, savedAt: clock.now(), ...text })
    },

    findAutosave: (articleId) => repo.findAutosave(articleId),
  }
}
