import { Readable } from 'node:stream'
import { z } from 'zod'
import { IdParams } from '../../http/schemas.js'
import { AppError, isAppError } from '../../lib/errors.js'
import type { AdminDeps, AdminTools } from '../deps.js'
import { page } from '../pipeline/page.js'
import { type AdminRoute, adminRoute } from '../route.js'
import { Field, formBody } from '../schemas.js'
import { RedirectsAdmin } from '../views/redirects.js'
import type { AdminContext } from '../views/shell.js'

const ListQuery = z.object({
  q: Field,
  page: Field.transform((p) => (/^[1-9][0-9]{0,5}$/.test(p) ? Number(p) : 1)),
})

/** Redirects from old addresses (ADR 025): owners and admins. */
export function redirectRoutes(deps: AdminDeps, tools: AdminTools): AdminRoute[] {
  const service = () => {
    if (!deps.redirects) throw new AppError('NOT_FOUND', { status: 404, message: 'Not available' })
    return deps.redirects
  }
  const listed = async (ctx: AdminContext, q: string, p: number, more = {}) => {
    const list = await service().list(q, p)
    return <RedirectsAdmin ctx={ctx} q={q} page={p} {...list} {...more} />
  }
  return [
    adminRoute({
      method: 'GET',
      url: '/admin/redirects',
      permission: 'settings.manage',
      area: 'redirects',
      nav: { label: 'Redirects' },
      schema: { querystring: ListQuery },
      handler: async (req, reply, ctx) =>
        page(reply, await listed(ctx, req.query.q, req.query.page)),
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/redirects',
      permission: 'settings.manage',
      area: 'redirects',
      schema: { body: formBody({ from: Field, to: Field }) },
      handler: async (req, reply, ctx) => {
        const { from, to } = req.body
        try {
          const made = await service().add(from, to)
          await tools.audit(ctx, 'redirect.add', made.from, `to ${made.to}`)
          return page(
            reply,
            await listed(ctx, '', 1, { notice: `Added: ${made.from} now leads to ${made.to}.` }),
          )
        } catch (err) {
          if (isAppError(err) && err.status < 500) {
            const problems = err.details.length ? err.details : [err.message]
            return page(reply, await listed(ctx, '', 1, { from, to, problems }), err.status)
          }
          throw err
        }
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/redirects/:id/delete',
      permission: 'settings.manage',
      area: 'redirects',
      schema: { params: IdParams },
      handler: async (req, reply, ctx) => {
        const gone = await service().remove(req.params.id)
        if (!gone) throw new AppError('NOT_FOUND', { message: 'No such redirect' })
        await tools.audit(ctx, 'redirect.delete', gone.from, `was to ${gone.to}`)
        return page(
          reply,
          await listed(ctx, '', 1, { notice: `Deleted the redirect from ${gone.from}.` }),
        )
      },
    }),
    adminRoute({
      method: 'GET',
      url: '/admin/redirects/export.csv',
      permission: 'settings.manage',
      area: 'redirects',
      handler: async (_req, reply) => {
        const name = `redirects-${new Date().toISOString().slice(0, 10)}.csv`
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(Readable.from(service().exportCsv()))
      },
    }),
  ]
}
