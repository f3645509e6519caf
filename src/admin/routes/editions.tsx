import type { FastifyReply } from 'fastify'
import { z } from 'zod'
import { type ArticleSummary, articlePath } from '../../content/index.js'
import { staffTime } from '../../lib/time-zone.js'
import { IdParams } from '../../http/schemas.js'
import { AppError, isAppError } from '../../lib/errors.js'
import {
  type EditionService,
  type NewsletterService,
  isTimeZone,
  zonedInstant,
} from '../../newsletter/index.js'
import type { AdminDeps, AdminTools } from '../deps.js'
import { itemsFromForm, parseMove, parseSendAt } from '../edition-form.js'
import { field } from '../http-forms.js'
import { HTML, page, problemsOf } from '../pipeline/page.js'
import { type AdminRoute, adminRoute } from '../route.js'
import { Field, WholeForm, formBody, lenient } from '../schemas.js'
import type { AdminContext } from '../views/shell.js'
import { NewsletterPage } from '../views/editions.js'
import {
  type ArticleChoice,
  type EditionFormValues,
  EditionPage,
  EditionSendConfirm,
} from '../views/edition-page.js'

const SettingsBody = formBody({
  senderName: Field,
  senderAddress: Field,
  scheduleMode: Field,
  scheduleDay: Field,
  scheduleTime: Field,
  scheduleTz: Field,
})
const StartBody = formBody({ start: Field })
const SendBody = formBody({ sendAt: Field })
const EMAIL_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'none'; base-uri 'none'; frame-ancestors 'self'"

/** The time typed for a scheduled send, in the newsletter's zone, or why it will not do. */
function sendTime(typed: string, tz: string): Date | string {
  const t = parseSendAt(typed)
  if (!t || !isTimeZone(tz)) return 'Send at: pick a date and time.'
  const at = zonedInstant(t.y, t.mo, t.d, t.h, t.mi, tz)
  if (at.getTime() < Date.now() - 60_000)
    return 'Send at: that time has passed; pick a later one or send now.'
  return at
}

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
    const [inEdition, recent, counts, email] = await Promise.all([
      articlesByIds(values.items.map((i) => i.articleId)),
      recentArticles(40),
      editions.deliveryCounts([loaded.e.id]),
      loaded.e.status === 'cancelled'
        ? undefined
        : editions.preview(loaded.e.id, ctx.staff?.email ?? ''),
    ])
    const articles = new Map([...inEdition, ...recent].map((a) => [a.id, choice(a)]))
    // The email is framed from /admin/editions/:id/email: this page may hold a frame of its own.
    reply.header(
      'content-security-policy',
      `${reply.getHeader('content-security-policy')}; frame-src 'self'`,
    )
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
        emailText={email?.text}
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
            const at = action === 'schedule' ? sendTime(values.sendAt, loaded.n.scheduleTz) : null
            if (typeof at === 'string') return show([at], 422)
            // Saved; nothing goes out until the confirmation that names the count is sent.
            const count = await editions.checkSend(loaded.e.id)
            return page(
              reply,
              <EditionSendConfirm
                ctx={ctx}
                newsletter={loaded.n}
                edition={(await editions.findEdition(loaded.e.id)) ?? loaded.e}
                {...count}
                sendAt={at ? values.sendAt : ''}
                sendAtText={at ? staffTime(at, loaded.n.scheduleTz) : null}
              />,
            )
          }
          const move = parseMove(field(body, 'move'))
          if (move)
            return reply.redirect(
              `/admin/editions/${loaded.e.id}?done=saved#story-${move.articleId}`,
              303,
            )
          return reply.redirect(`/admin/editions/${loaded.e.id}?done=saved`, 303)
        } catch (err) {
          if (isAppError(err) && err.status < 500) return show(problemsOf(err), err.status)
          throw err
        }
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/editions/:id/send',
      permission: 'newsletter.manage',
      area: 'editions',
      schema: { params: IdParams, body: SendBody },
      handler: async (req, reply, ctx) => {
        const loaded = await loadEdition(req.params.id)
        const { e } = loaded
        const values = { subject: e.subject, intro: e.intro, items: e.items, sendAt: '' }
        const asked = req.body.sendAt.trim()
        const at = asked === '' ? null : sendTime(asked, loaded.n.scheduleTz)
        if (typeof at === 'string')
          return editionView(
            reply,
            ctx,
            loaded,
            { ...values, sendAt: asked },
            { problems: [at] },
            422,
          )
        try {
          await services().editions.approve(e.id, at)
        } catch (err) {
          if (isAppError(err) && err.status < 500)
            return editionView(
              reply,
              ctx,
              loaded,
              values,
              { problems: problemsOf(err) },
              err.status,
            )
          throw err
        }
        await tools.audit(ctx, 'edition.approve', `edition:${e.id}`, at ? at.toISOString() : 'now')
        return reply.redirect(`/admin/editions/${e.id}?done=${at ? 'scheduled' : 'sending'}`, 303)
      },
    }),
    adminRoute({
      method: 'GET',
      url: '/admin/editions/:id/email',
      permission: 'newsletter.manage',
      area: 'editions',
      schema: { params: IdParams },
      handler: async (req, reply, ctx) => {
        const email = await services().editions.preview(req.params.id, ctx.staff?.email ?? '')
        if (!email) throw new AppError('NOT_FOUND', { status: 404, message: 'No such edition' })
        // Framed by the edition page only; the email's own inline styles, nothing else.
        reply.header('x-frame-options', 'SAMEORIGIN')
        reply.header('content-security-policy', EMAIL_CSP)
        return reply.type(HTML).send(email.html)
      },
    }),
  ]
}
