import { AppError, isAppError } from '../../lib/errors.js'
import { type AddressRow, MAX_ADDRESSES, type ReachList } from '../../reach/index.js'
import type { AdminDeps, AdminTools } from '../deps.js'
import { type FormBody, field } from '../http-forms.js'
import { page } from '../pipeline/page.js'
import { type AdminRoute, adminRoute } from '../route.js'
import { Field, formBody, WholeForm } from '../schemas.js'
import type { AdminContext } from '../views/shell.js'
import { ReachAdmin } from '../views/reach.js'
import { type EmergencyPanelModel, SosConfirm } from '../views/sos.js'
import { emergencyRoutes } from './emergency.js'

/** `to=on` or `to=off`; anything else names no change. */
const SosTo = formBody({ to: Field })
const sosTarget = (to: string): boolean => {
  if (to === 'on' || to === 'off') return to === 'on'
  throw new AppError('SOS_TARGET_INVALID', {
    status: 400,
    message: 'Say whether SOS mode should be on or off',
  })
}

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
  /** While SOS mode is on: who an emergency edition would reach, and the latest ones. */
  const emergency = async (): Promise<EmergencyPanelModel | undefined> => {
    if (!deps.editions) return undefined
    const e = deps.editions.emergency
    const recent = await e.list()
    const counts = await deps.editions.deliveryCounts(recent.map((r) => r.id))
    return {
      readers: await e.readers(),
      recent: recent.map((r) => ({ ...r, sent: counts.get(r.id)?.sent ?? 0 })),
    }
  }
  const view = async (
    ctx: AdminContext,
    rows: readonly AddressRow[],
    list: ReachList,
    more: { notice?: string; problems?: readonly string[]; message?: string } = {},
  ) => {
    const sos = await service().sos.status()
    return (
      <ReachAdmin
        ctx={ctx}
        rows={rows}
        publicKey={service().publicKey}
        updatedAt={list.updatedAt}
        sos={sos}
        emergency={sos.on ? await emergency() : undefined}
        {...more}
      />
    )
  }
  const addressesPage: Parameters<typeof emergencyRoutes>[2] = async (reply, ctx, more, status) => {
    const list = await service().list()
    return page(reply, await view(ctx, list.addresses, list, more), status)
  }
  return [
    adminRoute({
      method: 'GET',
      url: '/admin/reach',
      permission: 'settings.manage',
      area: 'reach',
      nav: { label: 'Addresses' },
      handler: async (_req, reply, ctx) => {
        const list = await service().list()
        return page(reply, await view(ctx, list.addresses, list))
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
            return page(reply, await view(ctx, rows, list, { problems: err.details }), err.status)
          }
          throw err
        }
        await tools.audit(ctx, 'reach.update', 'reach', auditDetail(saved))
        return page(
          reply,
          await view(ctx, saved.addresses, saved, {
            notice: 'Saved. Readers see the new list now.',
          }),
        )
      },
    }),
    // SOS mode (ADR 022): a link to a page saying what will happen, then a form that does it.
    adminRoute({
      method: 'GET',
      url: '/admin/reach/sos',
      permission: 'settings.manage',
      area: 'reach',
      schema: { querystring: SosTo },
      handler: async (req, reply, ctx) => {
        const to = sosTarget(req.query.to)
        return page(reply, <SosConfirm ctx={ctx} to={to} state={await service().sos.status()} />)
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/reach/sos',
      permission: 'settings.manage',
      area: 'reach',
      schema: { body: SosTo },
      handler: async (req, reply, ctx) => {
        const to = sosTarget(req.body.to)
        const { changed } = await service().sos.set(to)
        if (changed) await tools.audit(ctx, to ? 'sos.on' : 'sos.off', 'sos', 'from the admin')
        const list = await service().list()
        const notice = !changed
          ? `SOS mode was already ${to ? 'on' : 'off'}.`
          : to
            ? 'SOS mode is on: reader pages are text-first now.'
            : 'SOS mode is off: reader pages are as usual again.'
        return page(reply, await view(ctx, list.addresses, list, { notice }))
      },
    }),
    ...emergencyRoutes(deps, tools, addressesPage),
  ]
}
