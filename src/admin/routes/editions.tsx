import type { FastifyReply } from 'fastify'
import { z } from 'zod'
import { type ArticleSummary, articlePath } from '../../content/index.js'
import { IdParams, parseId } from '../../http/schemas.js'
import { AppError, isAppError } from '../../lib/errors.js'
import {
  type EditionService,
  type NewsletterService,
  isTimeZone,
  zonedInstant,
} from '../../newsletter/index.js'
import type { AdminDeps, AdminTools } from '../deps.js'
import { type FormBody, field, fields } from '../http-forms.js'
import { page, problemsOf } from '../pipeline/page.js'
import { type AdminRoute, adminRoute } from '../route.js'
import { Field, WholeForm, formBody, lenient } from '../schemas.js'
import type { AdminContext } from '../views/shell.js'
import {
  type ArticleChoice,
  type EditionFormValues,
  EditionPage,
  NewsletterPage,
} from '../views/editions.js'

const SettingsBody = formBody({
  senderName: Field,
  senderAddress: Field,
  scheduleMode: Field,
  scheduleDay: Field,
  scheduleTime: Field,
  scheduleTz: Field,
})
const StartBody = formBody({ start: Field })
const DoneQuery = z.object({ done: lenient((v) => (typeof v === 'string' ? v : undefined)) })
const NOTICES: Record<string, string> = {
  saved: 'Saved.',
  sending: 'Approved: the edition is on its way. This page shows its progress.',
  scheduled: 'Approved: it goes out at the time shown.',
}

const choice = (a: ArticleSummary): ArticleChoice => ({
  id: a.id,
  headline: a.headline,
  path: articlePath(a),
  publishedAt: a.publishedAt,
})

/** The items as the form sent them: ordered by the position typed, taken-out ones dropped. */
export function itemsFromForm(body: FormBody): { articleId: number; blurb: string }[] {
  const ids = fields(body, 'item_id')
  const orders = fields(body, 'item_order')
  const blurbs = fields(body, 'item_blurb')
  const removed = new Set(fields(body, 'item_remove'))
  const rows = ids
    .map((id, i) => ({
      id,
      order: Number(orders[i] ?? i + 1),
      index: i,
      blurb: blurbs[i] ?? '',
    }))
    .filter((r) => parseId(r.id) !== undefined && !removed.has(r.id))
    .sort(
      (a, b) =>
        (Number.isFinite(a.order) ? a.order : 999) - (Number.isFinite(b.order) ? b.order : 999) ||
        a.index - b.index,
    )
    .map((r) => ({ articleId: Number(r.id), blurb: r.blurb }))
  const add = parseId(field(body, 'add'))
  if (add && !rows.some((r) => r.articleId === add)) rows.push({ articleId: add, blurb: '' })
  return rows
}

/** Newsletter settings, and building, testing and sending editions. */
export function editionRoutes(deps: AdminDeps, tools: AdminTools): AdminRoute[] {
  const services = (): { editions: EditionService; newsletters: NewsletterService } => {
    if (!deps.editions || !deps.newsletters)
      throw new AppError('NOT_FOUND', { status: 404, message: 'Newsletters are off' })
    return { editions: deps.editions, newsletters: deps.newsletters }
  }
  const recentArticles = async (limit: number) =>
    (await deps.repo.listPublished({ kind: 'all' }, { limit, offset: 0 }, new Date())).items
  const articlesByIds = (ids: number[]) => deps.repo.summariesByIds(ids, new Date())
  const mailFrom = deps.mailFrom ?? ''

  async function loadNewsletter(id: number) {
    const { newsletters } = services()
    const n = (await newsletters.listNewsletters()).find((x) => x.id === id)
    if (!n) throw new AppError('NOT_FOUND', { status: 404, message: 'No such newsletter' })
    return n
  }
  async function loadEdition(id: number) {
    const { editions, newsletters } = services()
    const e = await editions.findEdition(id)
    if (!e) throw new AppError('NOT_FOUND', { status: 404, message: 'No such edition' })
    const n = (await newsletters.listNewsletters()).find((x) => x.id === e.newsletterId)
    if (!n) throw new AppError('NOT_FOUND', { status: 404, message: 'No such newsletter' })
    return { e, n }
  }

  async function newsletterView(
    reply: FastifyReply,
    ctx: AdminContext,
    n: Awaited<ReturnType<typeof loadNewsletter>>,
    extra: { problems?: string[]; notice?: string; values?: Record<string, string> } = {},
    status = 200,
  ) {
    const { editions } = services()
    const list = await editions.listEditions(n.id)
    const counts = await editions.deliveryCounts(list.map((e) => e.id))
    return page(
      reply,
      <NewsletterPage
        ctx={ctx}
        newsletter={n}
        editions={list.map((e) => ({ ...e, counts: counts.get(e.id)! }))}
        mailFrom={mailFrom}
        blocked={editions.sendBlocked()}
        {...extra}
      />,
      status,
    )
  }

  async function editionView(
    reply: FastifyReply,
    ctx: AdminContext,
    loaded: Awaited<ReturnType<typeof loadEdition>>,
    values: EditionFormValues,
    extra: { problems?: string[]; notice?: string } = {},
    status = 200,
  ) {
    const { editions } = services()
    const [inEdition, recent, counts] = await Promise.all([
      articlesByIds(values.items.map((i) => i.articleId)),
      recentArticles(40),
      editions.deliveryCounts([loaded.e.id]),
    ])
    const articles = new Map([...inEdition, ...recent].map((a) => [a.id, choice(a)]))
    return page(
      reply,
      <EditionPage
        ctx={ctx}
        newsletter={loaded.n}
        edition={loaded.e}
        counts={counts.get(loaded.e.id)!}
        articles={articles}
        recent={recent.map(choice)}
        values={values}
        blocked={editions.sendBlocked()}
        {...extra}
      />,
      status,
    )
  }

  return [
    adminRoute({
      method: 'GET',
      url: '/admin/newsletters/:id',
      permission: 'newsletter.manage',
      area: 'editions',
      schema: { params: IdParams },
      handler: async (req, reply, ctx) =>
        newsletterView(reply, ctx, await loadNewsletter(req.params.id)),
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/newsletters/:id/settings',
      permission: 'newsletter.manage',
      area: 'editions',
      schema: { params: IdParams, body: SettingsBody },
      handler: async (req, reply, ctx) => {
        const n = await loadNewsletter(req.params.id)
        const values = Object.fromEntries(Object.entries(req.body).map(([k, v]) => [k, v.trim()]))
        try {
          await services().newsletters.updateSettings(n.id, values)
        } catch (err) {
          if (isAppError(err) && err.status < 500)
            return newsletterView(reply, ctx, n, { problems: problemsOf(err), values }, err.status)
          throw err
        }
        await tools.audit(ctx, 'newsletter.settings', `newsletter:${n.id}`, values['scheduleMode'])
        return newsletterView(reply, ctx, await loadNewsletter(n.id), {
          notice: 'Saved the sender and schedule.',
        })
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/newsletters/:id/editions',
      permission: 'newsletter.manage',
      area: 'editions',
      schema: { params: IdParams, body: StartBody },
      handler: async (req, reply, ctx) => {
        const n = await loadNewsletter(req.params.id)
        const suggested = req.body.start === 'suggested'
        const id = await services().editions.createDraft(n.id, {
          suggested,
          staffId: ctx.staff?.id ?? null,
        })
        await tools.audit(ctx, 'edition.create', `edition:${id}`, suggested ? 'suggested' : 'empty')
        return reply.redirect(`/admin/editions/${id}`, 303)
      },
    }),
    adminRoute({
      method: 'GET',
      url: '/admin/editions/:id',
      permission: 'newsletter.manage',
      area: 'editions',
      schema: { params: IdParams, querystring: DoneQuery },
      handler: async (req, reply, ctx) => {
        const loaded = await loadEdition(req.params.id)
        const { done } = req.query
        const notice = done === undefined ? undefined : NOTICES[done]
        return editionView(
          reply,
          ctx,
          loaded,
          { subject: loaded.e.subject, intro: loaded.e.intro, items: loaded.e.items, sendAt: '' },
          notice ? { notice } : {},
        )
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/editions/:id',
      permission: 'newsletter.manage',
      area: 'editions',
      schema: { params: IdParams, body: WholeForm },
      handler: async (req, reply, ctx) => {
        const loaded = await loadEdition(req.params.id)
        const { editions } = services()
        const body = req.body
        const action = field(body, 'action') || 'save'
        const values: EditionFormValues = {
          subject: field(body, 'subject'),
          intro: field(body, 'intro'),
          items: itemsFromForm(body),
          sendAt: field(body, 'sendAt'),
        }
        const show = (problems: string[], status: number, notice?: string) =>
          editionView(
            reply,
            ctx,
            loaded,
            values,
            { problems, ...(notice ? { notice } : {}) },
            status,
          )
        try {
          if (action === 'cancel') {
            await editions.withdraw(loaded.e.id, 'cancelled')
            await tools.audit(ctx, 'edition.cancel', `edition:${loaded.e.id}`)
            return reply.redirect(`/admin/newsletters/${loaded.n.id}`, 303)
          }
          if (action === 'withdraw') {
            await editions.withdraw(loaded.e.id, 'draft')
            return reply.redirect(`/admin/editions/${loaded.e.id}?done=saved`, 303)
          }
          await editions.update(loaded.e.id, values)
          if (action === 'test') {
            const to = ctx.staff!.email
            await editions.sendTest(loaded.e.id, to)
            return show([], 200, `Saved, and a test went to ${to}.`)
          }
          if (action === 'send' || action === 'schedule') {
            let at: Date | null = null
            if (action === 'schedule') {
              const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(values.sendAt)
              if (!m || !isTimeZone(loaded.n.scheduleTz))
                return show(['Send at: pick a date and time.'], 422)
              at = zonedInstant(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, loaded.n.scheduleTz)
              if (at.getTime() < Date.now() - 60_000)
                return show(['Send at: that time has passed; pick a later one or send now.'], 422)
            }
            await editions.approve(loaded.e.id, at)
            await tools.audit(
              ctx,
              'edition.approve',
              `edition:${loaded.e.id}`,
              at ? at.toISOString() : 'now',
            )
            return reply.redirect(
              `/admin/editions/${loaded.e.id}?done=${at ? 'scheduled' : 'sending'}`,
              303,
            )
          }
          return reply.redirect(`/admin/editions/${loaded.e.id}?done=saved`, 303)
        } catch (err) {
          if (isAppError(err) && err.status < 500) return show(problemsOf(err), err.status)
          throw err
        }
      },
    }),
  ]
}
