import { z } from 'zod'
import type { AdminDeps } from '../deps.js'
import { page } from '../pipeline/page.js'
import { type AdminRoute, adminRoute } from '../route.js'
import { OptionalId } from '../schemas.js'
import { AuditLog } from '../views/audit.js'

const PAGE = 100
const AuditQuery = z.object({ before: OptionalId })

/** The audit log, newest first, a hundred entries a page. */
export function auditRoutes(deps: AdminDeps): AdminRoute[] {
  return [
    adminRoute({
      method: 'GET',
      url: '/admin/audit',
      permission: 'audit.read',
      area: 'audit',
      nav: { label: 'Audit log' },
      schema: { querystring: AuditQuery },
      handler: async (req, reply, ctx) => {
        const entries = await deps.staff.listAudit(PAGE, req.query.before)
        const last = entries.at(-1)
        return page(
          reply,
          <AuditLog
            ctx={ctx}
            entries={entries}
            next={entries.length === PAGE && last ? `/admin/audit?before=${last.id}` : undefined}
          />,
        )
      },
    }),
  ]
}
