import crypto from 'node:crypto'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { AppError, isAppError } from '../../lib/errors.js'
import { type Permission, can } from '../../staff/policy.js'
import type { StaffMember } from '../../staff/staff-repository.js'
import type { StaffService } from '../../staff/staff-service.js'
import { csrfToken, csrfValid, field, type FormBody } from '../http-forms.js'
import { type NavEntry, navFor } from '../nav.js'
import type { AdminRoute } from '../route.js'
import { type AdminContext } from '../views/shell.js'
import { SignInView } from '../views/auth.js'
import { messagePage, page } from './page.js'
import { isResumable, keepForm } from './resume.js'
import { PRE_COOKIE, SESSION_COOKIE, adminCookie } from './session.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the admin's pipeline before a route's schemas are checked. */
    admin?: {
      staff: StaffMember | null
      sessionId: string | null
      token: string | null
      preSession: string | null
      /** What every admin page is drawn with. */
      ctx: AdminContext
      /** The context for someone who has just signed in, in this request, with that session. */
      contextFor(staff: StaffMember, sessionId: string): AdminContext
    }
  }
}

/** Where someone signed in with a one-time password chooses their own. */
export const NEW_PASSWORD_PATH = '/admin/password/new'

const ADMIN_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

/** The admin's stylesheet and scripts, as every page links them. */
export interface AdminAssets {
  cssHref: string
  scriptHref: string
  editor?: { js: string; css: string }
  editionJs?: string
}

export interface PipelineDeps {
  staff: Pick<StaffService, 'fromSession' | 'secret'>
  siteName: string
  /** TIME_ZONE: staff read and type times in it. */
  timeZone: string
  assets: AdminAssets
  /** The navigation's links, from the route table (nav.ts navEntries). */
  nav: readonly NavEntry[]
}

/** What stands before every admin route, and what an admin route's error becomes. */
export interface AdminPipeline {
  /**
   * The route's preValidation hook: who is asking (session or pre-session), the CSRF check on
   * a form, keeping the text of a form whose session ended, and the route's permission. It runs
   * before the schemas, so a refused request learns nothing about what its path names.
   */
  gate(route: AdminRoute): (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>
  /** Not allowed and not found as admin pages; every other error goes on to http/errors.ts. */
  onError(err: FastifyError, req: FastifyRequest, reply: FastifyReply): Promise<unknown>
}

export function createPipeline(deps: PipelineDeps): AdminPipeline {
  const { staff: service, assets } = deps

  async function identify(req: FastifyRequest, reply: FastifyReply) {
    const token = req.cookies[SESSION_COOKIE]
    const session = await service.fromSession(token)
    const staff = session?.staff ?? null
    const kept = req.cookies[PRE_COOKIE]
    let pre = kept && /^[A-Za-z0-9_-]{20,64}$/.test(kept) ? kept : null
    if (!session && !pre) {
      pre = crypto.randomBytes(18).toString('base64url')
      reply.header('set-cookie', adminCookie(req, PRE_COOKIE, pre, 3600 * 12))
    }
    const bind = session?.sessionId ?? pre!
    const secret = await service.secret()
    const contextFor = (who: StaffMember | null, bindTo: string): AdminContext => {
      const may = (p: Permission) => !!who && can(who.role, p)
      return {
        siteName: deps.siteName,
        timeZone: deps.timeZone,
        cssHref: assets.cssHref,
        scriptHref: assets.scriptHref,
        ...(assets.editor ? { editor: assets.editor } : {}),
        ...(assets.editionJs ? { editionJs: assets.editionJs } : {}),
        staff: who,
        csrf: csrfToken(secret, bindTo),
        can: may,
        nav: navFor(may, deps.nav),
      }
    }
    const ctx = contextFor(staff, bind)
    req.admin = {
      staff,
      sessionId: session?.sessionId ?? null,
      token: token ?? null,
      preSession: pre,
      ctx,
      contextFor,
    }
    return { staff, ctx, secret, bind }
  }

  return {
    gate: (route) => async (req, reply) => {
      reply.header('cache-control', 'no-store')
      // Unlike reader pages (no-referrer), the admin lets the browser send its Origin on
      // same-site form posts, which the CSRF check below relies on.
      reply.header('referrer-policy', 'same-origin')
      // The admin's script talks back to the admin (passkeys); reader pages cannot connect anywhere.
      reply.header('content-security-policy', ADMIN_CSP)
      const { staff, ctx, secret, bind } = await identify(req, reply)
      if (route.method === 'POST') {
        const body = (req.body ?? {}) as FormBody
        const origin = req.headers.origin
        const sameOrigin = !origin || origin === req.origin
        // The session ended while someone was writing: keep their text through sign-in
        // instead of refusing the form. Nothing is saved until they press Save again.
        if (!staff && sameOrigin && isResumable(req.url)) {
          return page(
            reply,
            <SignInView
              ctx={ctx}
              email=""
              next={req.url}
              resume={keepForm(req.url, body)}
              message="Your session ended while you were working. Sign in again: your text is kept and comes back in the form."
            />,
            401,
          )
        }
        if (!sameOrigin || !csrfValid(secret, bind, field(body, '_csrf'))) {
          return messagePage(
            reply,
            ctx,
            'This form has expired',
            'For your safety the form could not be sent (CSRF_FAILED). Go back, reload the page and send it again; what you typed may still be in the form.',
            403,
          )
        }
      }
      if (!route.permission) return
      if (!staff) {
        if (route.method === 'GET')
          return reply.redirect(`/admin/sign-in?next=${encodeURIComponent(req.url)}`, 303)
        throw new AppError('UNAUTHENTICATED', { status: 401, message: 'Sign in first' })
      }
      // The demo's owner signed in with a password printed in a log: nothing else until they
      // choose their own (routes/auth.tsx). Signing out needs no permission and stays open.
      if (staff.mustChangePassword && route.url !== NEW_PASSWORD_PATH) {
        if (route.method === 'GET') return reply.redirect(NEW_PASSWORD_PATH, 303)
        return messagePage(
          reply,
          ctx,
          'Choose your own password first',
          'You signed in with a one-time password. Choose a new one before anything else.',
          403,
        )
      }
      if (!can(staff.role, route.permission))
        return messagePage(
          reply,
          ctx,
          'Not allowed',
          'Your role cannot do this. Ask an admin if you need it.',
          403,
        )
    },

    async onError(err, req, reply) {
      const ctx = req.admin?.ctx
      const part = err.validationContext
      if (!ctx || !isAppError(err) || (err.code !== 'FORBIDDEN' && err.code !== 'NOT_FOUND'))
        throw err
      // A path that fails its schema names nothing: the route says what it looked for.
      const missing = part === 'params' && req.routeOptions.config.admin?.missing
      return messagePage(
        reply,
        ctx,
        err.code === 'FORBIDDEN' ? 'Not allowed' : 'Not found',
        missing || err.message,
        err.status,
      )
    },
  }
}
