import { staffTime } from '../../lib/time-zone.js'
import { z } from 'zod'
import { isAppError } from '../../lib/errors.js'
import type { AdminDeps, AdminTools } from '../deps.js'
import { NEW_PASSWORD_PATH } from '../pipeline/gate.js'
import { messagePage, page, problemsOf } from '../pipeline/page.js'
import {
  CODE_COOKIE,
  WEBAUTHN_COOKIE,
  adminCookie,
  clientOf,
  keepDevice,
  safeNext,
  sessionCookies,
  signedOut,
  startSession,
} from '../pipeline/session.js'
import { type AdminRoute, adminRoute } from '../route.js'
import { Anything, Field, formBody } from '../schemas.js'
import { CodeView, ForgotView, SetPasswordView, SignInView } from '../views/auth.js'
import type { AdminContext } from '../views/shell.js'
import type { FastifyReply } from 'fastify'
import { resumeArticleForm } from './article-editing.js'

const NextQuery = z.object({ next: Anything })
const SignInBody = formBody({ email: Field, password: Field, next: Field, resume: Field })
const CodeBody = formBody({ code: Field, next: Field, resume: Field })
const EmailBody = formBody({ email: Field })
const PasswordBody = formBody({ password: Field, again: Field })
/** A password link's parts as they came: the service checks them, so a malformed link gets
 * the same page as an expired one. */
const LinkParams = z.object({ id: z.string(), exp: z.string(), sig: z.string() })
const PasskeyBody = formBody({ response: Anything, next: Anything })

// Seconds matter: the first delays are a second or two long.
const hhmmss = (d: Date, tz: string) => staffTime(d, tz, { seconds: true }).slice(11)

const ONE_TIME_INTRO =
  'You signed in with a one-time password, which was shown where others may see it. Choose one only you know before going on.'

function linkGone(reply: FastifyReply, ctx: AdminContext) {
  const message = 'It has expired or was already used. Ask for a new one from the sign-in page.'
  return messagePage(reply, ctx, 'This link no longer works', message, 404)
}

/** Signing in and out: password, second factor, passkey, and password links. */
export function authRoutes(deps: AdminDeps, tools: AdminTools): AdminRoute[] {
  const { staff: service } = deps
  /**
   * A new password typed twice, checked by the rule every password meets; setting it ends every
   * session of the account. Problems to show with the form, or null when it is set.
   */
  async function setPassword(
    staff: Parameters<typeof service.setPassword>[0],
    body: { password: string; again: string },
  ): Promise<{ problems: string[]; status: number } | null> {
    if (body.password !== body.again)
      return { problems: ['The two passwords differ: type the same one twice.'], status: 422 }
    try {
      await service.setPassword(staff, body.password)
      return null
    } catch (err) {
      if (isAppError(err) && err.status < 500)
        return { problems: problemsOf(err), status: err.status }
      throw err
    }
  }
  return [
    adminRoute({
      method: 'GET',
      url: '/admin',
      permission: null,
      area: 'auth',
      handler: async (_req, reply) => reply.redirect('/admin/articles', 303),
    }),
    adminRoute({
      method: 'GET',
      url: '/admin/sign-in',
      permission: null,
      area: 'auth',
      schema: { querystring: NextQuery },
      handler: async (req, reply, ctx) => {
        const next = safeNext(req.query.next)
        if (ctx.staff) return reply.redirect(next, 303)
        return page(reply, <SignInView ctx={ctx} email="" next={next} />)
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/sign-in',
      permission: null,
      area: 'auth',
      schema: { body: SignInBody },
      handler: async (req, reply, ctx) => {
        const { email, password } = req.body
        const next = safeNext(req.body.next)
        const result = await service.signIn(email, password, clientOf(req))
        // Carried through every retry, so a mistyped password does not lose the kept text.
        const resume = req.body.resume || undefined
        if (!result.ok) {
          const throttled = result.reason === 'throttled'
          const message = throttled
            ? `Too many failed attempts from here. Try again after ${hhmmss(result.retryAt, ctx.timeZone)}.`
            : 'That email and password do not match an account.'
          return page(
            reply,
            <SignInView ctx={ctx} email={email} next={next} message={message} resume={resume} />,
            throttled ? 429 : 401,
          )
        }
        if (result.ok === 'needs-code') {
          reply.header('set-cookie', adminCookie(req, CODE_COOKIE, result.pending, 300))
          return page(reply, <CodeView ctx={ctx} next={next} resume={resume} />)
        }
        keepDevice(req, reply, result.device)
        if (resume) return resumeArticleForm(deps, req, reply, result, resume)
        return startSession(req, reply, result.token, next)
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/sign-in/code',
      permission: null,
      area: 'auth',
      schema: { body: CodeBody },
      handler: async (req, reply, ctx) => {
        const next = safeNext(req.body.next)
        const pending = req.cookies[CODE_COOKIE] ?? ''
        const result = await service.completeSignIn(pending, req.body.code, clientOf(req))
        const resume = req.body.resume || undefined
        if (result.ok === true) {
          reply.header('set-cookie', adminCookie(req, CODE_COOKIE, '', 0))
          keepDevice(req, reply, result.device)
          if (resume) return resumeArticleForm(deps, req, reply, result, resume)
          return startSession(req, reply, result.token, next)
        }
        if (result.ok === false && result.reason === 'throttled') {
          return page(
            reply,
            <CodeView
              ctx={ctx}
              next={next}
              resume={resume}
              message={`Too many wrong codes. Try again after ${hhmmss(result.retryAt, ctx.timeZone)}.`}
            />,
            429,
          )
        }
        if (!pending) return reply.redirect('/admin/sign-in', 303)
        return page(
          reply,
          <CodeView
            ctx={ctx}
            next={next}
            resume={resume}
            message="That code is not right, or it was already used. Wait for the next one."
          />,
          401,
        )
      },
    }),
    adminRoute({
      method: 'GET',
      url: '/admin/password/forgot',
      permission: null,
      area: 'auth',
      handler: async (_req, reply, ctx) => page(reply, <ForgotView ctx={ctx} />),
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/password/forgot',
      permission: null,
      area: 'auth',
      schema: { body: EmailBody },
      handler: async (req, reply, ctx) => {
        const origin = tools.linkOrigin(req)
        if (!origin) {
          req.log.error(
            'PUBLIC_URL is not set: password-reset emails are not sent (their links could point anywhere)',
          )
        } else {
          // Queued for every address alike, known or not: the worker looks the account up and
          // sends, so the answer takes the same time either way.
          await tools.queueStaffMail({ kind: 'reset', email: req.body.email.slice(0, 254), origin })
        }
        // The same answer whether or not the account exists: the page must not tell who works here.
        return page(reply, <ForgotView ctx={ctx} sent />)
      },
    }),
    adminRoute({
      method: 'GET',
      url: '/admin/password/set/:id/:exp/:sig',
      permission: null,
      area: 'auth',
      schema: { params: LinkParams },
      handler: async (req, reply, ctx) => {
        const { id, exp, sig } = req.params
        const staff = await service.checkPasswordLink(id, exp, sig)
        if (!staff) return linkGone(reply, ctx)
        return page(
          reply,
          <SetPasswordView ctx={ctx} name={staff.name} action={req.url} problems={[]} />,
        )
      },
    }),
    adminRoute({
      method: 'GET',
      url: NEW_PASSWORD_PATH,
      permission: 'admin.enter',
      area: 'auth',
      handler: async (_req, reply, ctx) =>
        page(
          reply,
          <SetPasswordView
            ctx={ctx}
            name={ctx.staff!.name}
            action={NEW_PASSWORD_PATH}
            problems={[]}
            intro={ONE_TIME_INTRO}
          />,
        ),
    }),
    adminRoute({
      method: 'POST',
      url: NEW_PASSWORD_PATH,
      permission: 'admin.enter',
      area: 'auth',
      schema: { body: PasswordBody },
      handler: async (req, reply, ctx) => {
        const staff = ctx.staff!
        const form = (problems: string[], status: number) =>
          page(
            reply,
            <SetPasswordView
              ctx={ctx}
              name={staff.name}
              action={NEW_PASSWORD_PATH}
              problems={problems}
              intro={staff.mustChangePassword ? ONE_TIME_INTRO : undefined}
            />,
            status,
          )
        const { password } = req.body
        const refused = await setPassword(staff, req.body)
        if (refused) return form(refused.problems, refused.status)
        await tools.audit(
          ctx,
          'staff.password',
          `staff:${staff.id}`,
          'replaced a one-time password',
        )
        // Signed in again with the new password, so the person carries on where they were.
        const result = await service.signIn(staff.email, password, clientOf(req))
        if (result.ok !== true)
          return messagePage(reply, ctx, 'Your password is set', 'Sign in with it now.')
        keepDevice(req, reply, result.device)
        return startSession(req, reply, result.token, '/admin/articles')
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/password/set/:id/:exp/:sig',
      permission: null,
      area: 'auth',
      schema: { params: LinkParams, body: PasswordBody },
      handler: async (req, reply, ctx) => {
        const { id, exp, sig } = req.params
        const staff = await service.checkPasswordLink(id, exp, sig)
        if (!staff) return linkGone(reply, ctx)
        const form = (problems: string[], status: number) =>
          page(
            reply,
            <SetPasswordView ctx={ctx} name={staff.name} action={req.url} problems={problems} />,
            status,
          )
        const refused = await setPassword(staff, req.body)
        if (refused) return form(refused.problems, refused.status)
        return messagePage(
          reply,
          ctx,
          'Your password is set',
          'Sign in with it now. Any other signed-in devices were signed out.',
        )
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/sign-in/passkey/options',
      permission: null,
      area: 'auth',
      handler: async (req, reply) => {
        const { options, token } = await service.passkeySignInOptions(req.hostname)
        reply.header('set-cookie', adminCookie(req, WEBAUTHN_COOKIE, token, 300))
        return reply.send({ options })
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/sign-in/passkey',
      permission: null,
      area: 'auth',
      schema: { body: PasskeyBody },
      handler: async (req, reply) => {
        const token = req.cookies[WEBAUTHN_COOKIE] ?? ''
        const result = await service.finishPasskeySignIn(req.body.response, token, {
          id: req.hostname,
          origin: req.origin,
        })
        if (result.ok !== true) {
          return reply
            .code(401)
            .send({ error: { code: 'UNAUTHENTICATED', message: 'That passkey was not accepted' } })
        }
        reply.header('set-cookie', [
          ...sessionCookies(req, result.token),
          adminCookie(req, WEBAUTHN_COOKIE, '', 0),
        ])
        return reply.send({ ok: true, next: safeNext(req.body.next) })
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/sign-out',
      permission: 'admin.enter',
      area: 'auth',
      handler: async (req, reply, ctx) => {
        await service.signOut(req.admin?.token ?? undefined, ctx.staff?.id ?? null)
        return signedOut(req, reply)
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/sign-out-everywhere',
      permission: 'admin.enter',
      area: 'auth',
      handler: async (req, reply, ctx) => {
        await service.signOutEverywhere(ctx.staff!.id)
        return signedOut(req, reply)
      },
    }),
  ]
}
