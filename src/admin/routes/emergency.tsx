import { AppError, isAppError } from '../../lib/errors.js'
import type { AdminDeps, AdminTools } from '../deps.js'
import { page } from '../pipeline/page.js'
import { type AdminRoute, adminRoute } from '../route.js'
import { Field, formBody } from '../schemas.js'
import { EmergencyReview } from '../views/sos.js'

const MessageForm = formBody({ message: Field })

/**
 * SOS mode's emergency edition (ADR 022): the message is written on the Addresses page, shown
 * back with the number of readers, and sent on the second form. Owners and admins.
 */
export function emergencyRoutes(
  deps: AdminDeps,
  tools: AdminTools,
  /** The Addresses page with a notice or problems (routes/reach.tsx). */
  addresses: (
    reply: Parameters<AdminRoute['handler']>[1],
    ctx: Parameters<AdminRoute['handler']>[2],
    more: { notice?: string; problems?: string[]; message?: string },
    status?: number,
  ) => Promise<unknown>,
): AdminRoute[] {
  const service = () => {
    if (!deps.editions) throw new AppError('NOT_FOUND', { status: 404, message: 'Not available' })
    return deps.editions.emergency
  }
  return [
    adminRoute({
      method: 'POST',
      url: '/admin/reach/emergency/review',
      permission: 'settings.manage',
      area: 'reach',
      schema: { body: MessageForm },
      handler: async (req, reply, ctx) => {
        try {
          // The same refusals as the send, before the editor is asked to confirm.
          const ok = await service().check(req.body.message)
          return page(
            reply,
            <EmergencyReview ctx={ctx} message={ok.message} readers={ok.readers} />,
          )
        } catch (err) {
          if (isAppError(err) && err.status < 500)
            return addresses(
              reply,
              ctx,
              { problems: [err.message], message: req.body.message },
              err.status,
            )
          throw err
        }
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/reach/emergency',
      permission: 'settings.manage',
      area: 'reach',
      schema: { body: MessageForm },
      handler: async (req, reply, ctx) => {
        const message = req.body.message
        try {
          const sent = await service().send({ message, staffId: ctx.staff?.id ?? null })
          await tools.audit(
            ctx,
            'emergency.send',
            `edition ${sent.id}`,
            `${sent.readers} readers: ${message.trim().slice(0, 200)}`,
          )
          return addresses(reply, ctx, {
            notice: `The emergency edition is on its way to ${sent.readers} readers.`,
          })
        } catch (err) {
          if (isAppError(err) && err.status < 500)
            return addresses(reply, ctx, { problems: [err.message], message }, err.status)
          throw err
        }
      },
    }),
  ]
}
