import type { FastifyReply, FastifyRequest } from 'fastify'
import type { VNode } from 'preact'
import { articlePath, type ArticleSummary } from '../content/index.js'
import { AppError, isAppError } from '../lib/errors.js'
import {
  type EditionService,
  type NewsletterService,
  isTimeZone,
  zonedInstant,
} from '../newsletter/index.js'
import { type FormBody, field, fields } from './http-forms.js'
import type { AdminContext } from './views/shell.js'
import {
  type ArticleChoice,
  type EditionFormValues,
  EditionPage,
  NewsletterPage,
} from './views/editions.js'

export interface EditionRouteDeps {
  editions?: EditionService
  newsletters?: NewsletterService
  recentArticles: (limit: number) => Promise<ArticleSummary[]>
  articlesByIds: (ids: number[]) => Promise<ArticleSummary[]>
  mailFrom: string
}

export interface RouteTools {
  page(reply: FastifyReply, node: VNode, status?: number): unknown
  audit(ctx: AdminContext, action: string, subject: string, detail?: string): Promise<unknown>
  problemsOf(err: AppError): string[]
}

type Handler = (req: FastifyRequest, reply: FastifyReply, ctx: AdminContext) => Promise<unknown>

const ID = /^[1-9][0-9]{0,11}$/

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
    .filter((r) => ID.test(r.id) && !removed.has(r.id))
    .sort(
      (a, b) =>
        (Number.isFinite(a.order) ? a.order : 999) - (Number.isFinite(b.order) ? b.order : 999) ||
        a.index - b.index,
    )
    .map((r) => ({ articleId: Number(r.id), blurb: r.blurb }))
  const add = field(body, 'add')
  if (ID.test(add) && !rows.some((r) => r.articleId === Number(add)))
    rows.push({ articleId: Number(add), blurb: '' })
  return rows
}

/** Newsletter settings, and building, testing and sending editions. */
export function editionRoutes(
  deps: EditionRouteDeps,
  tools: RouteTools,
): { method: 'GET' | 'POST'; url: string; permission: 'newsletter.manage'; handler: Handler }[] {
  const { page } = tools
  const services = () => {
    if (!deps.editions || !deps.newsletters)
      throw new AppError('NOT_FOUND', { status: 404, message: 'Newsletters are off' })
    return { editions: deps.editions, newsletters: deps.newsletters }
  }
  const idOf = (req: FastifyRequest) => {
    const id = (req.params as { id: string }).id
    if (!ID.test(id)) throw new AppError('NOT_FOUND', { status: 404, message: 'Not found' })
    return Number(id)
  }
  async function loadNewsletter(req: FastifyRequest) {
    const { newsletters } = services()
    const id = idOf(req)
    const n = (await newsletters.listNewsletters()).find((x) => x.id === id)
    if (!n) throw new AppError('NOT_FOUND', { status: 404, message: 'No such newsletter' })
    return n
  }
  async function loadEdition(req: FastifyRequest) {
    const { editions, newsletters } = services()
    const e = await editions.findEdition(idOf(req))
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
        mailFrom={deps.mailFrom}
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
      deps.articlesByIds(values.items.map((i) => i.articleId)),
      deps.recentArticles(40),
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
        {...extra}
      />,
      status,
    )
  }

  return [
    {
      method: 'GET',
      url: '/admin/newsletters/:id',
      permission: 'newsletter.manage',
      handler: async (req, reply, ctx) => newsletterView(reply, ctx, await loadNewsletter(req)),
    },
    {
      method: 'POST',
      url: '/admin/newsletters/:id/settings',
      permission: 'newsletter.manage',
      handler: async (req, reply, ctx) => {
        const n = await loadNewsletter(req)
        const body = req.body as FormBody
        const values = Object.fromEntries(
          [
            'senderName',
            'senderAddress',
            'scheduleMode',
            'scheduleDay',
            'scheduleTime',
            'scheduleTz',
          ].map((k) => [k, field(body, k).trim()]),
        )
        try {
          await services().newsletters.updateSettings(n.id, values)
        } catch (err) {
          if (isAppError(err) && err.status < 500)
            return newsletterView(
              reply,
              ctx,
              n,
              { problems: tools.problemsOf(err), values },
              err.status,
            )
          throw err
        }
        await tools.audit(ctx, 'newsletter.settings', `newsletter:${n.id}`, values['scheduleMode'])
        return newsletterView(reply, ctx, await loadNewsletter(req), {
          notice: 'Saved the sender and schedule.',
        })
      },
    },
    {
      method: 'POST',
      url: '/admin/newsletters/:id/editions',
      permission: 'newsletter.manage',
      handler: async (req, reply, ctx) => {
        const n = await loadNewsletter(req)
        const suggested = field(req.body as FormBody, 'start') === 'suggested'
        const id = await services().editions.createDraft(n.id, {
          suggested,
          staffId: ctx.staff?.id ?? null,
        })
        await tools.audit(ctx, 'edition.create', `edition:${id}`, suggested ? 'suggested' : 'empty')
        return reply.redirect(`/admin/editions/${id}`, 303)
      },
    },
    {
      method: 'GET',
      url: '/admin/editions/:id',
      permission: 'newsletter.manage',
      handler: async (req, reply, ctx) => {
        const loaded = await loadEdition(req)
        const q = req.query as Record<string, unknown>
        const notices: Record<string, string> = {
          saved: 'Saved.',
          sending: 'Approved: the edition is on its way. This page shows its progress.',
          scheduled: 'Approved: it goes out at the time shown.',
        }
        const notice = typeof q['done'] === 'string' ? notices[q['done']] : undefined
        return editionView(
          reply,
          ctx,
          loaded,
          { subject: loaded.e.subject, intro: loaded.e.intro, items: loaded.e.items, sendAt: '' },
          notice ? { notice } : {},
        )
      },
    },
    {
      method: 'POST',
      url: '/admin/editions/:id',
      permission: 'newsletter.manage',
      handler: async (req, reply, ctx) => {
        const loaded = await loadEdition(req)
        const { editions } = services()
        const body = req.body as FormBody
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
          if (isAppError(err) && err.status < 500) return show(tools.problemsOf(err), err.status)
          throw err
        }
      },
    },
  ]
}
