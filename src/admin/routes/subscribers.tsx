import { Readable } from 'node:stream'
import type { FastifyReply } from 'fastify'
import { z } from 'zod'
import { IdParams, parseId } from '../../http/schemas.js'
import { AppError, isAppError } from '../../lib/errors.js'
import { growthStart } from '../../newsletter/index.js'
import type { AdminDeps, AdminTools } from '../deps.js'
import { page } from '../pipeline/page.js'
import { type AdminRoute, adminRoute } from '../route.js'
import { Anything, Field, formBody, lenient } from '../schemas.js'
import type { AdminContext } from '../views/shell.js'
import { ImportPage, SubscriberView, SubscribersPage } from '../views/subscribers.js'

/** Addresses per page of search results. */
const PAGE = 50

const text = (max: number) => lenient((v) => (typeof v === 'string' ? v.slice(0, max) : ''))
const SearchQuery = z.object({ q: text(254), after: text(254) })
/** A multipart form with one CSV file. */
const FileBody = formBody({ file: Anything })
const UnsubscribeBody = formBody({ newsletter: lenient(parseId) })
const SuppressBody = formBody({ detail: Field })
const NO_SUCH_SUBSCRIBER = 'No such subscriber'

/**
 * The admin's subscriber pages: search, counts and growth, one reader's record, CSV export and
 * import, bounce import. Routes only; the rules are in newsletter/.
 */
export function subscriberRoutes(deps: AdminDeps, tools: AdminTools): AdminRoute[] {
  const service = () => {
    if (!deps.subscribers)
      throw new AppError('NOT_FOUND', { status: 404, message: 'Newsletters are off' })
    return deps.subscribers
  }
  const detail = async (
    reply: FastifyReply,
    ctx: AdminContext,
    id: number,
    extra: { notice?: string; problems?: string[]; status?: number } = {},
  ) => {
    const s = await service().subscriber(id)
    if (!s) throw new AppError('NOT_FOUND', { status: 404, message: NO_SUCH_SUBSCRIBER })
    return page(
      reply,
      <SubscriberView ctx={ctx} subscriber={s} notice={extra.notice} problems={extra.problems} />,
      extra.status ?? 200,
    )
  }
  /** The uploaded file as text: UTF-8 only, so nothing is silently mangled. */
  const uploaded = (file: unknown): string | null => {
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
      return page(
        reply,
        <ImportPage ctx={ctx} problems={[`${err.message} (${err.code})`, ...err.details]} />,
        err.status,
      )
    throw err
  }

  return [
    adminRoute({
      method: 'GET',
      url: '/admin/subscribers',
      permission: 'newsletter.manage',
      area: 'subscribers',
      nav: { label: 'Subscribers' },
      schema: { querystring: SearchQuery },
      handler: async (req, reply, ctx) => {
        const { q, after } = req.query
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
        return page(
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
    }),
    adminRoute({
      method: 'GET',
      url: '/admin/subscribers/export.csv',
      permission: 'newsletter.manage',
      area: 'subscribers',
      handler: async (_req, reply, ctx) => {
        const s = service()
        // A list of readers leaving the building: who took it is kept.
        await tools.audit(ctx, 'subscribers.export', 'subscribers')
        const name = `subscribers-${new Date().toISOString().slice(0, 10)}.csv`
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(Readable.from(s.exportCsv()))
      },
    }),
    adminRoute({
      method: 'GET',
      url: '/admin/subscribers/import',
      permission: 'newsletter.manage',
      area: 'subscribers',
      handler: async (_req, reply, ctx) => page(reply, <ImportPage ctx={ctx} />),
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/subscribers/import',
      permission: 'newsletter.manage',
      area: 'subscribers',
      schema: { body: FileBody },
      upload: true,
      handler: async (req, reply, ctx) => {
        try {
          const text = uploaded(req.body.file)
          if (text === null)
            return page(reply, <ImportPage ctx={ctx} problems={['File: choose a CSV file']} />, 422)
          const r = await service().importCsv(text)
          await tools.audit(
            ctx,
            'subscribers.import',
            'subscribers',
            `added ${r.added}, updated ${r.updated}, skipped ${r.skipped}, suppressed ${r.suppressed}`,
          )
          return page(
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
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/suppressions/import',
      permission: 'newsletter.manage',
      area: 'subscribers',
      schema: { body: FileBody },
      upload: true,
      handler: async (req, reply, ctx) => {
        try {
          const text = uploaded(req.body.file)
          if (text === null)
            return page(reply, <ImportPage ctx={ctx} problems={['File: choose a CSV file']} />, 422)
          const r = await service().importSuppressions(text)
          await tools.audit(ctx, 'suppressions.import', 'suppressions', `${r.added} of ${r.rows}`)
          return page(
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
    }),
    adminRoute({
      method: 'GET',
      url: '/admin/subscribers/:id',
      permission: 'newsletter.manage',
      area: 'subscribers',
      missing: NO_SUCH_SUBSCRIBER,
      schema: { params: IdParams },
      handler: async (req, reply, ctx) => detail(reply, ctx, req.params.id),
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/subscribers/:id/unsubscribe',
      permission: 'newsletter.manage',
      area: 'subscribers',
      missing: NO_SUCH_SUBSCRIBER,
      schema: { params: IdParams, body: UnsubscribeBody },
      handler: async (req, reply, ctx) => {
        const { id } = req.params
        const nl = req.body.newsletter
        if (!nl)
          return detail(reply, ctx, id, { problems: ['Newsletter: choose one'], status: 422 })
        const done = await service().unsubscribe(id, nl)
        if (done)
          await tools.audit(ctx, 'subscriber.unsubscribe', `subscriber:${id}`, `newsletter:${nl}`)
        return detail(reply, ctx, id, {
          notice: done
            ? 'Unsubscribed. Nothing more of that newsletter goes to this address.'
            : 'Already unsubscribed.',
        })
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/subscribers/:id/suppress',
      permission: 'newsletter.manage',
      area: 'subscribers',
      missing: NO_SUCH_SUBSCRIBER,
      schema: { params: IdParams, body: SuppressBody },
      handler: async (req, reply, ctx) => {
        const { id } = req.params
        const s = await service().subscriber(id)
        if (!s) throw new AppError('NOT_FOUND', { status: 404, message: NO_SUCH_SUBSCRIBER })
        const why = req.body.detail.trim()
        if (!why)
          return detail(reply, ctx, id, {
            problems: ['Why: say why, for whoever reads this record later'],
            status: 422,
          })
        const added = await service().suppressManually(s.email, why)
        if (added)
          await tools.audit(ctx, 'subscriber.suppress', `subscriber:${id}`, why.slice(0, 200))
        return detail(reply, ctx, id, {
          notice: added ? 'Suppressed: no more mail goes to this address.' : 'Already suppressed.',
        })
      },
    }),
  ]
}
