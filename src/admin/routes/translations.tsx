import type { Article } from '../../content/index.js'
import { IdParams, parseId } from '../../http/schemas.js'
import { AppError, isAppError } from '../../lib/errors.js'
import type { AdminDeps, AdminTools } from '../deps.js'
import { refused } from '../pipeline/page.js'
import { type AdminRoute, adminRoute } from '../route.js'
import { Field, formBody } from '../schemas.js'
import type { TranslationPanel } from '../views/translations.js'
import { loadOwned } from './article-editing.js'

/** Stories offered in the translation picker: the newest in the other languages. */
const CANDIDATES = 100

/** The panel of `a`'s form, or undefined on a site with one language. */
export async function translationPanel(
  deps: AdminDeps,
  a: Article,
): Promise<TranslationPanel | undefined> {
  if ((deps.languages ?? []).length < 2) return undefined
  const [linked, recent] = await Promise.all([
    deps.content.translationsOf(a.id),
    deps.repo.listForAdmin({ notLanguage: a.language }, { limit: CANDIDATES, offset: 0 }),
  ])
  const taken = new Set([a.id, ...linked.map((t) => t.id)])
  return {
    linked,
    candidates: recent.items
      .filter((c) => !taken.has(c.id))
      .map((c) => ({ id: c.id, headline: c.headline, language: c.language })),
  }
}

/** Linking and unlinking translations from the story form (ADR 026). */
export function translationRoutes(deps: AdminDeps, tools: AdminTools): AdminRoute[] {
  const missing = 'No such article'
  return [
    adminRoute({
      method: 'POST',
      url: '/admin/articles/:id/translations',
      permission: 'article.publish',
      area: 'articles',
      missing,
      // Lenient: the permission is checked before a body is read (a bad id is refused below).
      schema: { params: IdParams, body: formBody({ otherId: Field }) },
      handler: async (req, reply, ctx) => {
        const a = await loadOwned(deps, req.params.id, ctx)
        const otherId = parseId(req.body.otherId)
        const title = 'The translation was not linked'
        if (!otherId) {
          const message = 'Choose the story to link from the list.'
          return refused(reply, ctx, title, new AppError('VALIDATION_FAILED', { message }))
        }
        try {
          await deps.content.linkTranslation(a.id, otherId)
        } catch (err) {
          if (isAppError(err) && err.status < 500) return refused(reply, ctx, title, err)
          throw err
        }
        await tools.audit(ctx, 'article.translation.link', `article:${a.id}`, `article:${otherId}`)
        return reply.redirect(`/admin/articles/${a.id}?saved=1`, 303)
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/articles/:id/translations/unlink',
      permission: 'article.publish',
      area: 'articles',
      missing,
      schema: { params: IdParams, body: formBody({}) },
      handler: async (req, reply, ctx) => {
        const a = await loadOwned(deps, req.params.id, ctx)
        await deps.content.unlinkTranslation(a.id)
        await tools.audit(ctx, 'article.translation.unlink', `article:${a.id}`)
        return reply.redirect(`/admin/articles/${a.id}?saved=1`, 303)
      },
    }),
  ]
}
