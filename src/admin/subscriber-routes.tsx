import { Readable } from 'node:stream'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { VNode } from 'preact'
import { AppError, isAppError } from '../lib/errors.js'
import { type SubscriberService, growthStart } from '../newsletter/index.js'
import type { AdminRoute } from './admin-plugin.js'
import { type FormBody, field } from './http-forms.js'
import type { AdminContext } from './views/shell.js'
import { ImportPage, SubscriberView, SubscribersPage } from './views/subscribers.js'

/** Addresses per page of search results. */
const PAGE = 50

export interface SubscriberRouteHelpers {
  page: (reply: FastifyReply, node: VNode, status?: number) => unknown
  audit: (ctx: AdminContext, action: string, subject: string, detail?: string) => Promise<unknown>
}

/**
 * The admin's subscriber pages: search, counts and growth, one reader's record, CSV export and
 * import, bounce import. Routes only; the rules are in newsletter/.
 */
export function subscriberRoutes(
  subscribers: SubscriberService | undefined,
  h: SubscriberRouteHelpers,
): AdminRoute[] {
  const service = () => {
    if (!subscribers)
      throw new AppError('NOT_FOUND', { status: 404, message: 'Newsletters are off' })
    return subscribers
  }
  const idParam = (req: FastifyRequest) => {
    const id = (req.params as { id: string }).id
    if (!/^[1-9][0-9]{0,11}$/.test(id))
      throw new AppError('NOT_FOUND', { status: 404, message: 'No such subscriber' })
    return Number(id)
  }
  const detail = async (
    reply: FastifyReply,
    ctx: AdminContext,
    id: number,
    extra: { notice?: string; problems?: string[]; status?: number } = {},
  ) => {
    const s = await service().subscriber(id)
    if (!s) throw new AppError('NOT_FOUND', { status: 404, message: 'No such subscriber' })
    return h.page(
      reply,
      <SubscriberView ctx={ctx} subscriber={s} notice={extra.notice} problems={extra.problems} />,
      extra.status ?? 200,
    )
  }
  /** The uploaded file as text: UTF-8 only, so nothing is silently mangled. */
  const uploaded = (req: FastifyRequest): string | null => {
    const file = (req.body as Record<string, unknown> | undefined)?.['file']
    if (!Buffer.isBuffer(file) || file.length === 0) return null
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(file)
    } catch {
      throw new AppError('CSV_INVALID', {
        status: 422,
        message: 'The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.',
      })
    }
  }
  const importFailed = (reply: FastifyReply, ctx: AdminContext, err: unknown) => {
    if (isAppError(err) && err.status < 500)
      return h.page(
        reply,
        <ImportPage ctx={ctx} problems={[`${err.message} (${err.code})`, ...err.details]} />,
        err.status,
      )
    throw err
  }

  return [
    {
      method: 'GET',
      url: '/admin/subscribers',
      permission: 'newsletter.manage',
      handler: async (req, reply, ctx) => {
        const query = req.query as Record<string, unknown>
        const q = typeof query['q'] === 'string' ? query['q'].slice(0, 254) : ''
        const after = typeof query['after'] === 'string' ? query['after'].slice(0, 254) : ''
        const s = service()
        const [overview, found] = await Promise.all([
          s.overview(),
          q || after ? s.search(q, after, PAGE + 1) : Promise.resolve([]),
        ])
        const results = found.slice(0, PAGE)
        const last = results.at(-1)
        const next =
          found.length > PAGE && last
            ? `/admin/subscribers?${new URLSearchParams({ q, after: last.email }).toString()}`
            : undefined
        return h.page(
          reply,
          <SubscribersPage
            ctx={ctx}
            overview={overview}
            growthStart={growthStart(Date.now())}
            q={q}
            results={results}
            next={next}
          />,
        )
      },
    },
    {
      method: 'GET',
      url: '/admin/subscribers/export.csv',
      permission: 'newsletter.manage',
      handler: async (_req, reply, ctx) => {
        const s = service()
        // A list of readers leaving the building: who took it is kept.
        await h.audit(ctx, 'subscribers.export', 'subscribers')
        const name = `subscribers-${new Date().toISOString().slice(0, 10)}.csv`
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(Readable.from(s.exportCsv()))
      },
    },
    {
      method: 'GET',
      url: '/admin/subscribers/import',
      permission: 'newsletter.manage',
      handler: async (_req, reply, ctx) => h.page(reply, <ImportPage ctx={ctx} />),
    },
    {
      method: 'POST',
      url: '/admin/subscribers/import',
      permission: 'newsletter.manage',
      upload: true,
      handler: async (req, reply, ctx) => {
        try {
          const text = uploaded(req)
          if (text === null)
            return h.page(
              reply,
              <ImportPage ctx={ctx} problems={['File: choose a CSV file']} />,
              422,
            )
          const r = await service().importCsv(text)
          await h.audit(
            ctx,
            'subscribers.import',
            'subscribers',
            `added ${r.added}, updated ${r.updated}, skipped ${r.skipped}, suppressed ${r.suppressed}`,
          )
          return h.page(
            reply,
            <ImportPage
              ctx={ctx}
              notice={`Imported: ${r.added} added, ${r.updated} updated, ${r.skipped} skipped (already there or would downgrade), ${r.suppressed} skipped as suppressed.`}
            />,
          )
        } catch (err) {
          return importFailed(reply, ctx, err)
        }
      },
    },
    {
      method: 'POST',
      url: '/admin/suppressions/import',
      permission: 'newsletter.manage',
      upload: true,
      handler: async (req, reply, ctx) => {
        try {
          const text = uploaded(req)
          if (text === null)
            return h.page(
              reply,
              <ImportPage ctx={ctx} problems={['File: choose a CSV file']} />,
              422,
            )
          const r = await service().importSuppressions(text)
          await h.audit(ctx, 'suppressions.import', 'suppressions', `${r.added} of ${r.rows}`)
          return h.page(
            reply,
            <ImportPage
              ctx={ctx}
              notice={`Read ${r.rows} bounces and complaints: ${r.added} addresses newly suppressed, the others already were.`}
            />,
          )
        } catch (err) {
          return importFailed(reply, ctx, err)
        }
      },
    },
    {
      method: 'GET',
      url: '/admin/subscribers/:id',
      permission: 'newsletter.manage',
      handler: async (req, reply, ctx) => detail(reply, ctx, idParam(req)),
    },
    {
      method: 'POST',
      url: '/admin/subscribers/:id/unsubscribe',
      permission: 'newsletter.manage',
      handler: async (req, reply, ctx) => {
        const id = idParam(req)
        const nl = field(req.body as FormBody, 'newsletter')
        if (!/^[1-9][0-9]{0,11}$/.test(nl))
          return detail(reply, ctx, id, { problems: ['Newsletter: choose one'], status: 422 })
        const done = await service().unsubscribe(id, Number(nl))
        if (done)
          await h.audit(ctx, 'subscriber.unsubscribe', `subscriber:${id}`, `newsletter:${nl}`)
        return detail(reply, ctx, id, {
          notice: done
            ? 'Unsubscribed. Nothing more of that newsletter goes to this address.'
            : 'Already unsubscribed.',
        })
      },
    },
    {
      method: 'POST',
      url: '/admin/subscribers/:id/suppress',
      permission: 'newsletter.manage',
      handler: async (req, reply, ctx) => {
        const id = idParam(req)
        const s = await service().subscriber(id)
        if (!s) throw new AppError('NOT_FOUND', { status: 404, message: 'No such subscriber' })
        const why = field(req.body as FormBody, 'detail').trim()
        if (!why)
          return detail(reply, ctx, id, {
            problems: ['Why: say why, for whoever reads this record later'],
            status: 422,
          })
        const added = await service().suppressManually(s.email, why)
        if (added) await h.audit(ctx, 'subscriber.suppress', `subscriber:${id}`, why.slice(0, 200))
        return detail(reply, ctx, id, {
          notice: added ? 'Suppressed: no more mail goes to this address.' : 'Already suppressed.',
        })
      },
    },
  ]
}
