import { AppError } from '../../lib/errors.js'
import { keysFor } from '../content-keys.js'
import type { ContentKey } from '../content-keys.js'
import type { ContentRepository } from '../content-repository.js'
import type { TranslationLink } from '../repositories/translations.js'
import { joinProblem } from '../translation.js'

/** Linking translations of an article (ADR 026). */
export interface TranslationService {
  /** The article's translations, any status (the admin's form; pages filter to published). */
  translationsOf(articleId: number): Promise<TranslationLink[]>
  /**
   * Makes `otherId` (with its own translations) a translation of `articleId`. Refused, changing
   * nothing, when the two already share a group or a language would then appear twice.
   */
  linkTranslation(articleId: number, otherId: number): Promise<void>
  /** Takes the article out of its group of translations. */
  unlinkTranslation(articleId: number): Promise<void>
}

export function createTranslationService(deps: {
  repo: ContentRepository
  changed: (keys: ContentKey[]) => void
}): TranslationService {
  const { repo } = deps

  async function withGroup(id: number) {
    const article = await repo.findArticleById(id)
    if (!article) throw new AppError('NOT_FOUND', { status: 404, message: `No article ${id}` })
    const others = await repo.translationsOf(id)
    return { article, members: [{ id, language: article.language }, ...others] }
  }

  /** Every page that links the group's articles to one another. */
  async function keysOfGroup(ids: readonly number[]): Promise<ContentKey[]> {
    const keys: ContentKey[] = []
    for (const id of ids) {
      const a = await repo.findArticleById(id)
      if (a) keys.push(...keysFor(a))
    }
    return keys
  }

  return {
    translationsOf: (id) => repo.translationsOf(id),

    async linkTranslation(articleId, otherId) {
      const mine = await withGroup(articleId)
      const theirs = await withGroup(otherId)
      const problem = joinProblem(mine.members, theirs.members)
      if (problem?.kind === 'same-article')
        throw new AppError('TRANSLATION_SAME_GROUP', {
          message: 'These two stories are already translations of each other.',
        })
      if (problem?.kind === 'language-taken')
        throw new AppError('TRANSLATION_LANGUAGE_TAKEN', {
          message: `Story ${problem.by} is already the translation in "${problem.language}": a story has one translation per language. Unlink it first.`,
        })
      const ids = [...mine.members, ...theirs.members].map((m) => m.id)
      await repo.setGroup(ids)
      deps.changed(await keysOfGroup(ids))
    },

    async unlinkTranslation(articleId) {
      const { members } = await withGroup(articleId)
      if (members.length < 2) return
      await repo.leaveGroup(articleId)
      deps.changed(await keysOfGroup(members.map((m) => m.id)))
    },
  }
}
