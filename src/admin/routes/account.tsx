import { z } from 'zod'
import type { AdminDeps, AdminTools } from '../deps.js'
import { page } from '../pipeline/page.js'
import { WEBAUTHN_COOKIE, adminCookie } from '../pipeline/session.js'
import { type AdminRoute, adminRoute } from '../route.js'
import { Anything, Field, formBody } from '../schemas.js'
import { AccountView } from '../views/account.js'

const PasswordBody = formBody({ password: Anything })
const PasskeyBody = formBody({ response: Anything, name: Anything })
/** A passkey's credential id, as the browser made it: the service looks it up as it is. */
const PasskeyParams = z.object({ id: z.string() })
const EnableBody = formBody({ secret: Field, proof: Field, code: Field })
const CodeBody = formBody({ code: Field })

/** One's own account: passkeys and two-factor sign-in. */
export function accountRoutes(deps: AdminDeps, tools: AdminTools): AdminRoute[] {
  const { staff: service } = deps
  return [
    adminRoute({
      method: 'GET',
      url: '/admin/account',
      permission: 'admin.enter',
      area: 'account',
      handler: async (_req, reply, ctx) =>
        page(reply, <AccountView ctx={ctx} passkeys={await service.listPasskeys(ctx.staff!.id)} />),
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/account/passkeys/options',
      permission: 'admin.enter',
      area: 'account',
      schema: { body: PasswordBody },
      handler: async (req, reply, ctx) => {
        // A passkey is both factors at once: a borrowed session alone must not be able to add one.
        const { password } = req.body
        if (typeof password !== 'string' || !(await service.checkPassword(ctx.staff!, password))) {
          await tools.audit(ctx, 'passkey.add-refused', `staff:${ctx.staff!.id}`)
          return reply.code(422).send({
            error: {
              code: 'VALIDATION_FAILED',
              message: 'Type your current password to add a passkey.',
            },
          })
        }
        const { options, token } = await service.passkeyRegistrationOptions(ctx.staff!, {
          id: req.hostname,
          name: deps.siteName,
        })
        reply.header('set-cookie', adminCookie(req, WEBAUTHN_COOKIE, token, 300))
        return reply.send({ options })
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/account/passkeys',
      permission: 'admin.enter',
      area: 'account',
      schema: { body: PasskeyBody },
      handler: async (req, reply, ctx) => {
        const { response, name } = req.body
        const ok = await service.finishPasskeyRegistration(
          ctx.staff!,
          response,
          req.cookies[WEBAUTHN_COOKIE] ?? '',
          { id: req.hostname, origin: req.origin },
          typeof name === 'string' ? name : '',
        )
        reply.header('set-cookie', adminCookie(req, WEBAUTHN_COOKIE, '', 0))
        return ok
          ? reply.send({ ok: true })
          : reply.code(422).send({
              error: {
                code: 'VALIDATION_FAILED',
                message: 'The passkey could not be checked; try again.',
              },
            })
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/account/passkeys/:id/delete',
      permission: 'admin.enter',
      area: 'account',
      schema: { params: PasskeyParams },
      handler: async (req, reply, ctx) => {
        await service.removePasskey(ctx.staff!, req.params.id)
        return reply.redirect('/admin/account', 303)
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/account/two-factor/begin',
      permission: 'admin.enter',
      area: 'account',
      handler: async (_req, reply, ctx) =>
        page(
          reply,
          <AccountView
            ctx={ctx}
            enrolment={await service.beginTwoFactor(ctx.staff!, deps.siteName)}
          />,
        ),
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/account/two-factor/enable',
      permission: 'admin.enter',
      area: 'account',
      schema: { body: EnableBody },
      handler: async (req, reply, ctx) => {
        const { secret, proof, code } = req.body
        if (await service.enableTwoFactor(ctx.staff!, secret, proof, code)) {
          const me = { ...ctx, staff: { ...ctx.staff!, twoFactor: true } }
          return page(
            reply,
            <AccountView
              ctx={me}
              notice="Two-factor sign-in is on. Keep the app; you will need it to sign in."
            />,
          )
        }
        return page(
          reply,
          <AccountView
            ctx={ctx}
            enrolment={{ secret, proof, uri: '' }}
            problems={[
              'That code does not match this key. Check the app shows the account you just added, and try the current code.',
            ]}
          />,
          422,
        )
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/account/two-factor/disable',
      permission: 'admin.enter',
      area: 'account',
      schema: { body: CodeBody },
      handler: async (req, reply, ctx) => {
        if (await service.disableTwoFactor(ctx.staff!, req.body.code)) {
          const me = { ...ctx, staff: { ...ctx.staff!, twoFactor: false } }
          return page(reply, <AccountView ctx={me} notice="Two-factor sign-in is off." />)
        }
        return page(
          reply,
          <AccountView ctx={ctx} problems={['That code is not right, or it was already used.']} />,
          422,
        )
      },
    }),
  ]
}
