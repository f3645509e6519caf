import { AppError, isAppError } from '../../lib/errors.js'
import { type AddressRow, MAX_ADDRESSES, type ReachList } from '../../reach/index.js'
import type { AdminDeps, AdminTools } from '../deps.js'
import { type FormBody, field } from '../http-forms.js'
import { page } from '../pipeline/page.js'
import { type AdminRoute, adminRoute } from '../route.js'
import { WholeForm } from '../schemas.js'
import type { AdminContext } from '../views/shell.js'
import { ReachAdmin } from '../views/reach.js'

/**
 * The form's rows, in order: `kind_N`, `label_N`, `value_N` for N from 0. Read a little past the
 * limit so a list that is too long is refused by the rule (REACH_TOO_MANY), not cut silently.
 */
export function rowsOf(form: FormBody): AddressRow[] {
  const rows: AddressRow[] = []
  for (let i = 0; i < MAX_ADDRESSES + 20; i++) {
    if (!(`kind_${i}` in form) && !(`value_${i}` in form) && !(`label_${i}` in form)) continue
    rows.push({
      kind: field(form, `kind_${i}`),
      label: field(form, `label_${i}`),
      value: field(form, `value_${i}`),
    })
  }
  return rows
}

/** What the audit log keeps of a saved list: every address, so a change can be traced. */
function auditDetail(list: ReachList): string {
  const text = list.addresses.map((a) => `${a.kind} ${a.value}`).join('; ')
  return `${list.addresses.length} addresses${text ? `: ${text}` : ''}`.slice(0, 2000)
}

/** The newsroom's addresses (/reach, /reach.json, email footers): owners and admins. */
export function reachRoutes(deps: AdminDeps, tools: AdminTools): AdminRoute[] {
  const service = () => {
    if (!deps.reach) throw new AppError('NOT_FOUND', { status: 404, message: 'Not available' })
    return deps.reach
  }
  const view = (ctx: AdminContext, rows: readonly AddressRow[], list: ReachList, more = {}) => (
    <ReachAdmin
      ctx={ctx}
      rows={rows}
      publicKey={service().publicKey}
      updatedAt={list.updatedAt}
      {...more}
    />
  )
  return [
    adminRoute({
      method: 'GET',
      url: '/admin/reach',
      permission: 'settings.manage',
      area: 'reach',
      nav: { label: 'Addresses' },
      handler: async (_req, reply, ctx) => {
        const list = await service().list()
        return page(reply, view(ctx, list.addresses, list))
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/reach',
      permission: 'settings.manage',
      area: 'reach',
      schema: { body: WholeForm },
      handler: async (req, reply, ctx) => {
        const rows = rowsOf(req.body)
        let saved: ReachList
        try {
          saved = await service().save(rows)
        } catch (err) {
          if (isAppError(err) && err.status < 500) {
            const list = await service().list()
            return page(reply, view(ctx, rows, list, { problems: err.details }), err.status)
          }
          throw err
        }
        await tools.audit(ctx, 'reach.update', 'reach', auditDetail(saved))
        return page(
          reply,
          view(ctx, saved.addresses, saved, { notice: 'Saved. Readers see the new list now.' }),
        )
      },
    }),
  ]
}
