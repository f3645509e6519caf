import { isAppError } from '../../lib/errors.js'
import { canAssignRole, isRole } from '../../staff/policy.js'
import { IdParams } from '../../http/schemas.js'
import type { AdminDeps, AdminTools } from '../deps.js'
import { page, problemsOf } from '../pipeline/page.js'
import { type AdminRoute, adminRoute } from '../route.js'
import { Field, formBody } from '../schemas.js'
import { StaffList } from '../views/staff.js'

const NewStaffBody = formBody({ email: Field, name: Field, role: Field, password: Field })
const EMPTY = { email: '', name: '', role: 'author' }
const DISABLED = {
  done: 'Disabled: signed out everywhere, and cannot sign in again.',
  self: 'You cannot disable your own account.',
  'not-allowed': 'Only an owner can disable an owner.',
  unknown: 'No such account.',
} as const

/** Staff accounts: the list, adding (with a password or by emailed invitation), disabling. */
export function staffRoutes(deps: AdminDeps, tools: AdminTools): AdminRoute[] {
  const { staff: service } = deps
  return [
    adminRoute({
      method: 'GET',
      url: '/admin/staff',
      permission: 'staff.manage',
      area: 'staff',
      nav: { label: 'Staff' },
      handler: async (_req, reply, ctx) =>
        page(
          reply,
          <StaffList ctx={ctx} staff={await service.listStaff()} problems={[]} values={EMPTY} />,
        ),
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/staff',
      permission: 'staff.manage',
      area: 'staff',
      schema: { body: NewStaffBody },
      handler: async (req, reply, ctx) => {
        const { password, ...values } = req.body
        const show = async (problems: string[], status: number, notice?: string) =>
          page(
            reply,
            <StaffList
              ctx={ctx}
              staff={await service.listStaff()}
              problems={problems}
              values={values}
              notice={notice}
            />,
            status,
          )
        const { role } = values
        if (!isRole(role)) return show(['Role: choose one of the listed roles'], 422)
        if (!canAssignRole(ctx.staff!.role, role))
          return show(['Role: only an owner can add an owner'], 403)
        try {
          if (password) {
            await service.addStaff({ ...values, role, password }, ctx.staff!.id)
          } else {
            // No password typed: they choose their own from an emailed link.
            const origin = tools.linkOrigin(req)
            if (!origin) {
              return show(
                ['Invitations need PUBLIC_URL set, so the emailed link points at your site.'],
                422,
              )
            }
            const id = await service.inviteStaff({ ...values, role }, ctx.staff!.id)
            try {
              // The worker sends it (and tries again if the mail server is away).
              await tools.queueStaffMail({
                kind: 'invite',
                staffId: id,
                email: values.email.trim().toLowerCase(),
                name: values.name.trim(),
                origin,
              })
            } catch (err) {
              // No email, no account: a half-made invitation would block a retry.
              await service.removeUnusedAccount(id)
              req.log.error({ err }, 'invitation email could not be queued')
              return show(
                [
                  'The invitation email could not be sent, so no account was made. Try again later.',
                ],
                502,
              )
            }
            return show([], 201, `${values.name} was invited by email; the link works for 7 days.`)
          }
        } catch (err) {
          if (isAppError(err) && err.status < 500) return show(problemsOf(err), err.status)
          throw err
        }
        return show([], 201, `${values.name} can now sign in.`)
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/staff/:id/disable',
      permission: 'staff.manage',
      area: 'staff',
      missing: DISABLED.unknown,
      schema: { params: IdParams },
      handler: async (req, reply, ctx) => {
        const outcome = await service.disableStaff(ctx.staff!, req.params.id)
        const status = outcome === 'done' ? 200 : outcome === 'unknown' ? 404 : 403
        return page(
          reply,
          <StaffList
            ctx={ctx}
            staff={await service.listStaff()}
            problems={outcome === 'done' ? [] : [DISABLED[outcome]]}
            notice={outcome === 'done' ? DISABLED.done : undefined}
            values={EMPTY}
          />,
          status,
        )
      },
    }),
  ]
}
