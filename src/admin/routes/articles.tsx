import { staffTime } from '../../lib/time-zone.js'
import { z } from 'zod'
import { ARTICLE_STATUSES } from '../../content/index.js'
import { Id, IdParams, IdString, parseId } from '../../http/schemas.js'
import { AppError, isAppError } from '../../lib/errors.js'
import { formValuesOf } from '../article-form.js'
import type { AdminDeps, AdminTools } from '../deps.js'
import { HTML, page, refused } from '../pipeline/page.js'
import { type AdminRoute, adminRoute } from '../route.js'
import { Anything, Field, StoryForm, formBody, lenient } from '../schemas.js'
import { ArticleList, PhonePreview } from '../views/articles.js'
import { RevisionView } from '../views/revision.js'
import { ArticleForm } from '../views/article-form.js'
import { formLists, loadOwned, saveArticle } from './article-editing.js'
import { translationPanel } from './translations.js'

const PREVIEW_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'self'"
const LIST_SIZE = 50
const MAX_LIST_PAGE = 2000

const text = lenient((v): string => (typeof v === 'string' ? v : ''))
const ListQuery = z.object({
  status: text,
  section: text,
  author: text,
  language: text,
  q: text,
  page: lenient((v) =>
    typeof v === 'string' && /^[1-9][0-9]{0,5}$/.test(v) ? Math.min(Number(v), MAX_LIST_PAGE) : 1,
  ),
})
const EditQuery = z.object({ saved: Anything, autosave: Anything })
const AutosaveBody = formBody({ headline: Anything, body: Anything })
// The version is looked for after the article is found to be theirs: someone else's article
// is refused the same whatever version the path names.
const RevisionParams = z.object({ id: Id, rid: lenient(parseId) })
/** The text as readers see it unless the HTML is asked for; anything else reads as text. */
const RevisionQuery = z.object({ view: lenient((v) => (v === 'html' ? 'html' : 'text')) })
const CorrectionBody = formBody({ kind: Field, text: Field })
/** A shared preview link: the article, when it stops working, and the signature over both. */
const SharedPreviewParams = z.object({
  id: IdString,
  exp: z.string().regex(/^[0-9]{13}$/, 'a time in milliseconds'),
  sig: z.string(),
})
const NO_SUCH_ARTICLE = 'No such article'

/** The article list, the article form and its saves, previews, versions and corrections. */
export function articleRoutes(deps: AdminDeps, tools: AdminTools): AdminRoute[] {
  const { content, repo } = deps

  async function shareLink(origin: string, id: number) {
    const exp = Date.now() + 7 * 24 * 3600_000
    return `${origin}/preview/${id}/${exp}/${await deps.staff.sign(`preview:${id}:${exp}`)}`
  }

  return [
    adminRoute({
      method: 'GET',
      url: '/admin/articles',
      permission: 'admin.enter',
      area: 'articles',
      nav: { label: 'Articles', everyone: true },
      schema: { querystring: ListQuery },
      handler: async (req, reply, ctx) => {
        const { page: n, ...asked } = req.query
        const filter = { ...asked, q: asked.q.slice(0, 200) }
        const status = ARTICLE_STATUSES.find((s) => s === filter.status)
        const sectionId = parseId(filter.section)
        const authorId = parseId(filter.author)
        const language = (deps.languages ?? []).find((l) => l === filter.language)
        const [{ items, hasMore }, sections, authors] = await Promise.all([
          repo.listForAdmin(
            {
              ...(status ? { status } : {}),
              ...(sectionId ? { sectionId } : {}),
              ...(authorId ? { authorId } : {}),
              ...(language ? { language } : {}),
              ...(filter.q.trim() ? { q: filter.q.trim() } : {}),
            },
            { limit: LIST_SIZE, offset: (n - 1) * LIST_SIZE },
          ),
          content.listSections(),
          repo.listAuthors(),
        ])
        const href = (p: number) => {
          const params = new URLSearchParams(Object.entries(filter).filter(([, v]) => v))
          if (p > 1) params.set('page', String(p))
          const s = params.toString()
          return `/admin/articles${s ? `?${s}` : ''}`
        }
        return page(
          reply,
          <ArticleList
            ctx={ctx}
            items={items}
            sections={sections}
            authors={authors}
            languages={deps.languages ?? []}
            filter={filter}
            page={n}
            prev={n > 1 ? href(n - 1) : undefined}
            next={hasMore && n < MAX_LIST_PAGE ? href(n + 1) : undefined}
          />,
        )
      },
    }),
    adminRoute({
      method: 'GET',
      url: '/admin/articles/new',
      permission: 'article.draft',
      area: 'articles',
      nav: { label: 'New article', everyone: true },
      handler: async (_req, reply, ctx) => {
        const lists = await formLists(deps)
        return page(
          reply,
          <ArticleForm
            ctx={ctx}
            article={null}
            values={formValuesOf(null, lists.sections[0]?.id, ctx.timeZone)}
            problems={[]}
            {...lists}
          />,
        )
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/articles',
      permission: 'article.draft',
      area: 'articles',
      upload: 'story',
      schema: { body: StoryForm },
      handler: async (req, reply, ctx) =>
        saveArticle(deps, tools, req.body.fields, reply, ctx, null, req.body.photo),
    }),
    adminRoute({
      method: 'GET',
      url: '/admin/articles/:id',
      permission: 'article.draft',
      area: 'articles',
      missing: NO_SUCH_ARTICLE,
      schema: { params: IdParams, querystring: EditQuery },
      handler: async (req, reply, ctx) => {
        const a = await loadOwned(deps, req.params.id, ctx)
        const lists = await formLists(deps, a.leadImage ? String(a.leadImage.id) : '')
        const saved = req.query.saved === '1'
        const [revisions, kept, translations] = await Promise.all([
          content.listRevisions(a.id),
          content.findAutosave(a.id),
          translationPanel(deps, a),
        ])
        const values = formValuesOf(a, undefined, ctx.timeZone)
        // A copy kept by the editor after the last save: offered, and used only when asked.
        const newer = kept && kept.savedAt > a.updatedAt ? kept : undefined
        const useKept = newer && req.query.autosave === '1'
        if (useKept) Object.assign(values, { headline: newer.headline, body: newer.body })
        return page(
          reply,
          <ArticleForm
            ctx={ctx}
            article={a}
            values={values}
            problems={[]}
            notice={
              useKept
                ? `This is the text kept automatically at ${staffTime(newer.savedAt, ctx.timeZone)}. Press Save to keep it.`
                : saved
                  ? 'Saved.'
                  : undefined
            }
            autosaved={
              !useKept && newer
                ? { at: newer.savedAt, href: `/admin/articles/${a.id}?autosave=1` }
                : undefined
            }
            revisions={revisions}
            translations={translations}
            {...lists}
          />,
        )
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/articles/:id/autosave',
      permission: 'article.draft',
      area: 'articles',
      missing: NO_SUCH_ARTICLE,
      schema: { params: IdParams, body: AutosaveBody },
      handler: async (req, reply, ctx) => {
        const a = await loadOwned(deps, req.params.id, ctx)
        const { headline, body } = req.body
        if (typeof headline !== 'string' || typeof body !== 'string') {
          return reply
            .code(422)
            .send({ error: { code: 'VALIDATION_FAILED', message: 'headline and body are needed' } })
        }
        try {
          await content.autosave(a.id, ctx.staff!.id, { headline, body })
        } catch (err) {
          if (isAppError(err) && err.status < 500) {
            return reply.code(err.status).send({ error: { code: err.code, message: err.message } })
          }
          throw err
        }
        return reply.send({ ok: true })
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/articles/:id',
      permission: 'article.draft',
      area: 'articles',
      missing: NO_SUCH_ARTICLE,
      upload: 'story',
      schema: { params: IdParams, body: StoryForm },
      handler: async (req, reply, ctx) =>
        saveArticle(
          deps,
          tools,
          req.body.fields,
          reply,
          ctx,
          await loadOwned(deps, req.params.id, ctx),
          req.body.photo,
        ),
    }),
    adminRoute({
      method: 'GET',
      url: '/admin/articles/:id/preview',
      permission: 'article.draft',
      area: 'articles',
      missing: NO_SUCH_ARTICLE,
      schema: { params: IdParams },
      handler: async (req, reply, ctx) => {
        const a = await loadOwned(deps, req.params.id, ctx)
        const link = await shareLink(req.origin, a.id)
        const note = `Preview (${a.status}): readers see this only once it is published. Link for someone outside the newsroom, valid 7 days: ${link}`
        // This page may sit in the admin's phone-width frame, and nowhere else.
        reply.header('x-frame-options', 'SAMEORIGIN')
        reply.header('content-security-policy', PREVIEW_CSP)
        return reply.type(HTML).send(await deps.renderPreview!(req, a, note))
      },
    }),
    adminRoute({
      method: 'GET',
      url: '/admin/articles/:id/preview/phone',
      permission: 'article.draft',
      area: 'articles',
      missing: NO_SUCH_ARTICLE,
      schema: { params: IdParams },
      handler: async (req, reply, ctx) => {
        const a = await loadOwned(deps, req.params.id, ctx)
        reply.header('content-security-policy', `${PREVIEW_CSP}; frame-src 'self'`)
        return page(reply, <PhonePreview ctx={ctx} article={a} />)
      },
    }),
    adminRoute({
      method: 'GET',
      url: '/preview/:id/:exp/:sig',
      permission: null,
      area: 'articles',
      missing: 'This preview link is wrong or has expired. Ask the newsroom for a new one.',
      schema: { params: SharedPreviewParams },
      handler: async (req, reply) => {
        const { id, exp, sig } = req.params
        const valid =
          Number(exp) > Date.now() && (await deps.staff.verifySigned(`preview:${id}:${exp}`, sig))
        const a = valid ? await repo.findArticleById(Number(id)) : undefined
        if (!a)
          throw new AppError('NOT_FOUND', {
            status: 404,
            message: 'This preview link is wrong or has expired. Ask the newsroom for a new one.',
          })
        reply.header('x-robots-tag', 'noindex, nofollow')
        const note = 'Shared preview of an unpublished article. Please do not pass this link on.'
        return reply.type(HTML).send(await deps.renderPreview!(req, a, note))
      },
    }),
    adminRoute({
      method: 'GET',
      url: '/admin/articles/:id/revisions/:rid',
      permission: 'article.draft',
      area: 'articles',
      missing: NO_SUCH_ARTICLE,
      schema: { params: RevisionParams, querystring: RevisionQuery },
      handler: async (req, reply, ctx) => {
        const a = await loadOwned(deps, req.params.id, ctx)
        const { rid } = req.params
        const rev = rid ? await content.findRevision(a.id, rid) : undefined
        if (!rev)
          throw new AppError('NOT_FOUND', {
            status: 404,
            message: 'No such version of this article',
          })
        return page(
          reply,
          <RevisionView ctx={ctx} article={a} revision={rev} view={req.query.view} />,
        )
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/articles/:id/revisions/:rid/restore',
      permission: 'article.draft',
      area: 'articles',
      missing: NO_SUCH_ARTICLE,
      schema: { params: RevisionParams },
      handler: async (req, reply, ctx) => {
        const a = await loadOwned(deps, req.params.id, ctx)
        const { rid } = req.params
        if (!rid) throw new AppError('NOT_FOUND', { status: 404, message: 'No such version' })
        try {
          await content.restoreRevision(a.id, rid, { staffId: ctx.staff!.id })
        } catch (err) {
          if (isAppError(err) && err.status < 500 && err.status !== 404) {
            return refused(reply, ctx, 'Could not restore', err)
          }
          throw err
        }
        await tools.audit(ctx, 'article.restore', `article:${a.id}`, `revision ${rid}`)
        return reply.redirect(`/admin/articles/${a.id}?saved=1`, 303)
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/articles/:id/corrections',
      permission: 'article.publish',
      area: 'articles',
      missing: NO_SUCH_ARTICLE,
      schema: { params: IdParams, body: CorrectionBody },
      handler: async (req, reply, ctx) => {
        const a = await loadOwned(deps, req.params.id, ctx)
        const kind = req.body.kind === 'update' ? 'update' : 'correction'
        try {
          await content.addCorrection(a.id, kind, req.body.text)
        } catch (err) {
          if (isAppError(err) && err.status < 500) {
            return refused(reply, ctx, 'Nothing was added', err)
          }
          throw err
        }
        await tools.audit(ctx, `article.${kind}`, `article:${a.id}`)
        return reply.redirect(`/admin/articles/${a.id}?saved=1`, 303)
      },
    }),
  ]
}
