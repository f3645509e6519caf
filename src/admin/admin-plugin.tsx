import crypto from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import {
  ARTICLE_STATUSES,
  type Article,
  type ArticleStatus,
  type ContentRepository,
  type ContentService,
  isDraftingStatus,
} from '../content/index.js'

const isArticleStatus = (s: string): s is ArticleStatus =>
  (ARTICLE_STATUSES as readonly string[]).includes(s)
import {
  DEFAULT_MAX_UPLOAD_BYTES,
  type MediaStore,
  processUpload,
  removeStoredImage,
} from '../files/index.js'
import type { MailTransport, Message } from '../email/index.js'
import type { EditionService, NewsletterService, SubscriberService } from '../newsletter/index.js'
import { editionRoutes } from './edition-routes.js'
import { subscriberRoutes } from './subscriber-routes.js'
import { privacyRoutes } from './privacy-routes.js'
import type { SiteTextService } from '../content/index.js'
import { CSV_HEADER, type ContributionsService, csvRow } from '../contributions/index.js'
import { appealFormValues, appealFromForm } from './appeal-form.js'
import { AppealForm, ContributionsDashboard } from './views/contributions.js'
import { AppError, isAppError } from '../lib/errors.js'
import { mailOrigin } from '../http/origin.js'
import { invitationEmail, resetEmail } from '../staff/staff-emails.js'
import { slugify } from '../lib/slug.js'
import { loadAsset, loadBuiltAsset, loadStylesheet, serveAsset } from '../http/assets.js'
import { type Permission, can, canAssignRole, isRole } from '../staff/policy.js'
import type { StaffMember } from '../staff/staff-repository.js'
import type { StaffService } from '../staff/staff-service.js'
import { SESSION_MAX_MS } from '../staff/staff-service.js'
import { articleInputFrom, formValuesFrom, formValuesOf } from './article-form.js'
import { navFor } from './nav.js'
import {
  type FormBody,
  cookie,
  csrfToken,
  csrfValid,
  field,
  parseCookies,
  parseForm,
} from './http-forms.js'
import {
  type AdminContext,
  AccountView,
  AdminMessage,
  ArticleForm,
  CodeView,
  ForgotView,
  SetPasswordView,
  MediaView,
  NewslettersAdmin,
  PhonePreview,
  RevisionView,
  ArticleList,
  AuditLog,
  SignInView,
  StaffList,
} from './views/admin-views.js'
import { TAXONOMY_FIELDS, type TaxonomyKind, TaxonomyEdit, TaxonomyPage } from './views/taxonomy.js'

export interface AdminDeps {
  /** The banner and appeal editor and the revenue dashboard, when contributions are on. */
  contributions?: ContributionsService
  /** Called after the appeal is saved: reader pages show the new text. */
  onAppealChanged?: () => void
  newsletters?: NewsletterService
  editions?: EditionService
  /** Subscriber search, counts, import and export, suppression. */
  subscribers?: SubscriberService
  /** The privacy page's text. */
  siteText?: SiteTextService
  /** Called after a newsletter is added: reader pages show its box. */
  onNewslettersChanged?: () => void
  /** PUBLIC_URL and ALLOWED_HOSTS: where emailed links may point (see http/origin.ts). */
  publicUrl?: string | undefined
  allowedHosts?: readonly string[]
  /** Where the admin's own emails go (invitations, password resets). */
  mail?: MailTransport
  mailFrom?: string
  /** The reader page of an article whatever its status (site plugin), for previews. */
  renderPreview?: (req: FastifyRequest, article: Article, note: string) => Promise<string>
  /** Set by registerAdmin: the admin stylesheet's address. */
  cssHref?: string
  content: ContentService
  repo: ContentRepository
  media: MediaStore
  staff: StaffService
  siteName: string
}

declare module 'fastify' {
  interface FastifyRequest {
    admin?: {
      staff: StaffMember | null
      sessionId: string | null
      token: string | null
      preSession: string | null
    }
  }
}

type Handler = (req: FastifyRequest, reply: FastifyReply, ctx: AdminContext) => Promise<unknown>

/** One admin route: the permission it needs (null: open to anyone, e.g. the sign-in form). */
export interface AdminRoute {
  method: 'GET' | 'POST'
  url: string
  permission: Permission | null
  handler: Handler
  /** Takes a file (multipart/form-data): parsed in the uploads scope only. */
  upload?: boolean
}

const ADMIN_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
const PREVIEW_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'self'"
/** Recent photos offered as the lead image in the article form (others by number). */
const LEAD_CHOICES = 12
const SESSION_COOKIE = 'mh_session'
/** Forms whose text is carried through a new sign-in when the session has ended. */
const RESUMABLE = /^\/admin\/articles(\/[1-9][0-9]{0,11})?$/
const PRE_COOKIE = 'mh_pre'
const CODE_COOKIE = 'mh_2fa'
const WEBAUTHN_COOKIE = 'mh_wa'
const HTML = 'text/html; charset=utf-8'
const LIST_SIZE = 50
const MAX_LIST_PAGE = 2000

/** The admin's routes. Exported so tests check every route against every role. */
export function adminRoutes(deps: AdminDeps): AdminRoute[] {
  const page = (reply: FastifyReply, node: VNode, status = 200) =>
    reply
      .code(status)
      .type(HTML)
      .send(`<!doctype html>${renderToString(node)}`)

  /** The contributions service, or a 404 where contributions are not wired in. */
  const contributionsOn = () => {
    if (!deps.contributions)
      throw new AppError('NOT_FOUND', { status: 404, message: 'Contributions are off' })
    return deps.contributions
  }

  const audit = (ctx: AdminContext, action: string, subject: string, detail = '') =>
    deps.staff.audit({ staffId: ctx.staff?.id ?? null, action, subject, detail })

  async function formLists() {
    const [sections, topics, authors, agencies, images] = await Promise.all([
      deps.content.listSections(),
      deps.repo.listTopics(),
      deps.repo.listAuthors(),
      deps.repo.listAgencies(),
      deps.repo.searchImages('', LEAD_CHOICES),
    ])
    return { sections, topics, authors, agencies, images }
  }

  /** Contributors and authors edit their own work; editors and above anything. */
  function mayEdit(ctx: AdminContext, a: Article): boolean {
    if (ctx.can('article.edit-any')) return true
    const me = ctx.staff!
    return (
      a.createdBy === me.id ||
      (me.authorId !== null &&
        a.credits.some((c) => c.kind === 'author' && c.author.id === me.authorId))
    )
  }

  async function saveArticle(
    req: FastifyRequest,
    reply: FastifyReply,
    ctx: AdminContext,
    existing: Article | null,
  ) {
    const body = req.body as FormBody
    const values = formValuesFrom(body)
    const lists = await formLists()
    const show = (problems: string[], status: number, theirs?: Article) =>
      page(
        reply,
        <ArticleForm
          ctx={ctx}
          article={existing}
          values={values}
          problems={problems}
          theirs={theirs}
          {...lists}
        />,
        status,
      )
    if (
      !ctx.can('article.publish') &&
      isArticleStatus(values.status) &&
      !isDraftingStatus(values.status)
    ) {
      return show(
        ['Status: your role saves drafts and sends them for review; an editor publishes them.'],
        403,
      )
    }
    const parsed = articleInputFrom(values, lists)
    if ('problems' in parsed) return show(parsed.problems, 422)
    // Topics named in the form that do not exist yet are made now (an existing slug is reused).
    const newTopics = field(body, 'newTopics')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean)
    if (newTopics.length && !ctx.can('taxonomy.manage')) {
      return show(
        ['New topics: your role picks from the existing topics; an editor can add new ones.'],
        403,
      )
    }
    if (newTopics.length > 5) return show(['New topics: at most five at a time'], 422)
    if (newTopics.some((t) => t.length > 120))
      return show(['New topics: each name at most 120 characters'], 422)
    for (const name of newTopics) {
      const slug = slugify(name)
      const id =
        (await deps.repo.findTopicBySlug(slug))?.id ??
        (await deps.content.createTopic({ slug, name }))
      parsed.input.topicIds = [...new Set([...(parsed.input.topicIds ?? []), id])]
    }
    try {
      const saved = existing
        ? await deps.content.updateArticle(
            existing.id,
            parsed.input,
            values.version ? Number(values.version) : undefined,
            { staffId: ctx.staff!.id },
          )
        : await deps.content.createArticle(parsed.input, { createdBy: ctx.staff!.id })
      const action = existing ? 'article.update' : 'article.create'
      await audit(
        ctx,
        action,
        `article:${saved.id}`,
        existing && existing.status !== saved.status
          ? `${existing.status} -> ${saved.status}`
          : saved.status,
      )
      return reply.redirect(`/admin/articles/${saved.id}?saved=1`, 303)
    } catch (err) {
      if (isAppError(err) && err.code === 'EDIT_CONFLICT' && existing) {
        const theirs = await deps.repo.findArticleById(existing.id)
        values.version = theirs ? String(theirs.updatedAt.getTime()) : values.version
        return show([], 409, theirs)
      }
      if (isAppError(err) && err.status < 500) {
        return show(problemsOf(err), err.status)
      }
      throw err
    }
  }

  async function taxonomyLists() {
    const [sections, topics, authors, agencies] = await Promise.all([
      deps.content.listSections(),
      deps.repo.listTopics(),
      deps.repo.listAuthors(),
      deps.repo.listAgencies(),
    ])
    return { sections, topics, authors, agencies }
  }

  function taxonomyKind(req: FastifyRequest): TaxonomyKind {
    const k = (req.params as { kind: string }).kind
    if (k === 'section' || k === 'topic' || k === 'author' || k === 'agency') return k
    throw new AppError('NOT_FOUND', { status: 404, message: 'No such list' })
  }

  function taxonomyId(req: FastifyRequest): number {
    const id = (req.params as { id: string }).id
    if (!/^[1-9][0-9]{0,11}$/.test(id))
      throw new AppError('NOT_FOUND', { status: 404, message: 'No such item' })
    return Number(id)
  }

  function taxonomyValues(kind: TaxonomyKind, body: FormBody): Record<string, string> {
    return Object.fromEntries(TAXONOMY_FIELDS[kind].map((f) => [f.name, field(body, f.name)]))
  }

  /** Form strings as the content service's input: numbers as numbers, empty optional URL as null. */
  function taxonomyInput(kind: TaxonomyKind, v: Record<string, string>): Record<string, unknown> {
    const out: Record<string, unknown> = { ...v }
    if (kind === 'section') out['position'] = v['position']?.trim() ? Number(v['position']) : 0
    if (kind === 'agency') out['url'] = v['url']?.trim() ? v['url'].trim() : null
    return out
  }

  /** A refused action, told in one page: what failed and why, with the status that says so. */
  function refused(reply: FastifyReply, ctx: AdminContext, title: string, err: AppError) {
    return page(
      reply,
      <AdminMessage ctx={ctx} title={title} message={[err.message, ...err.details].join(' ')} />,
      err.status,
    )
  }

  function linkGone(reply: FastifyReply, ctx: AdminContext) {
    const message = 'It has expired or was already used. Ask for a new one from the sign-in page.'
    return page(
      reply,
      <AdminMessage ctx={ctx} title="This link no longer works" message={message} />,
      404,
    )
  }

  function linkOrigin(req: FastifyRequest): string | null {
    return mailOrigin(req.origin, req.hostname, {
      publicUrl: deps.publicUrl,
      allowedHosts: deps.allowedHosts ?? [],
    })
  }

  async function sendMail(m: Message) {
    if (!deps.mail) throw new AppError('INTERNAL', { message: 'No mail transport configured' })
    await deps.mail.send(m)
  }

  async function newsletterRows() {
    const service = deps.newsletters
    const list = service ? await service.listNewsletters() : []
    return Promise.all(
      list.map(async (n) => ({ ...n, counts: await service!.countByStatus(n.id) })),
    )
  }

  async function shareLink(req: FastifyRequest, id: number) {
    const exp = Date.now() + 7 * 24 * 3600_000
    return `${req.origin}/preview/${id}/${exp}/${await deps.staff.sign(`preview:${id}:${exp}`)}`
  }

  /** Signed in again with a form that outlived its session: show it filled in, ready to save. */
  async function resumeForm(
    req: FastifyRequest,
    reply: FastifyReply,
    staff: StaffMember,
    token: string,
    resume: string,
  ) {
    let saved: { url?: unknown; form?: unknown } = {}
    try {
      saved = JSON.parse(Buffer.from(resume, 'base64url').toString('utf8')) as typeof saved
    } catch {
      saved = {}
    }
    const url = typeof saved.url === 'string' && RESUMABLE.test(saved.url) ? saved.url : null
    if (!url || typeof saved.form !== 'object' || saved.form === null) {
      return startSession(req, reply, token, '/admin/articles')
    }
    const form = Object.fromEntries(
      Object.entries(saved.form as Record<string, unknown>).flatMap(
        ([k, v]): [string, string | string[]][] =>
          typeof v === 'string'
            ? [[k, v]]
            : Array.isArray(v)
              ? [[k, v.filter((x): x is string => typeof x === 'string')]]
              : [],
      ),
    ) as FormBody
    reply.header('set-cookie', [
      cookie(SESSION_COOKIE, token, {
        secure: req.protocol === 'https',
        maxAgeS: SESSION_MAX_MS / 1000,
      }),
      cookie(PRE_COOKIE, '', { secure: req.protocol === 'https', maxAgeS: 0 }),
    ])
    const ctx: AdminContext = {
      siteName: deps.siteName,
      cssHref: deps.cssHref ?? '',
      staff,
      csrf: csrfToken(await deps.staff.secret(), deps.staff.sessionIdOf(token)),
      can: (p) => can(staff.role, p),
      nav: navFor((p) => can(staff.role, p)),
    }
    const id = /\/admin\/articles\/([1-9][0-9]*)$/.exec(url)?.[1]
    const existing = id ? ((await deps.repo.findArticleById(Number(id))) ?? null) : null
    if (existing && !mayEdit(ctx, existing))
      return startSession(req, reply, token, '/admin/articles')
    const lists = await formLists()
    return page(
      reply,
      <ArticleForm
        ctx={ctx}
        article={existing}
        values={formValuesFrom(form)}
        problems={[]}
        notice="You are signed in again and your text is back. Check it and press Save."
        {...lists}
      />,
    )
  }

  async function loadOwned(req: FastifyRequest, ctx: AdminContext): Promise<Article> {
    const id = (req.params as { id: string }).id
    const a = /^[1-9][0-9]{0,11}$/.test(id)
      ? await deps.repo.findArticleById(Number(id))
      : undefined
    if (!a) throw new AppError('NOT_FOUND', { status: 404, message: 'No such article' })
    if (!mayEdit(ctx, a))
      throw new AppError('FORBIDDEN', {
        status: 403,
        message: 'This article belongs to someone else; an editor can change it.',
      })
    if (!ctx.can('article.publish') && !isDraftingStatus(a.status)) {
      throw new AppError('FORBIDDEN', {
        status: 403,
        message: 'This article is scheduled or live; an editor changes it now.',
      })
    }
    return a
  }

  return [
    {
      method: 'GET',
      url: '/admin',
      permission: null,
      handler: async (_req, reply) => reply.redirect('/admin/articles', 303),
    },
    {
      method: 'GET',
      url: '/admin/sign-in',
      permission: null,
      handler: async (req, reply, ctx) => {
        const next = safeNext((req.query as Record<string, unknown>)['next'])
        if (ctx.staff) return reply.redirect(next, 303)
        return page(reply, <SignInView ctx={ctx} email="" next={next} />)
      },
    },
    {
      method: 'POST',
      url: '/admin/sign-in',
      permission: null,
      handler: async (req, reply, ctx) => {
        const body = req.body as FormBody
        const email = field(body, 'email')
        const next = safeNext(field(body, 'next'))
        const result = await deps.staff.signIn(email, field(body, 'password'), req.ip)
        // Carried through every retry, so a mistyped password does not lose the kept text.
        const resume = field(body, 'resume') || undefined
        if (!result.ok) {
          const message =
            result.reason === 'throttled'
              ? `Too many failed attempts. Try again after ${result.retryAt.toISOString().slice(11, 16)} UTC.`
              : 'That email and password do not match an account.'
          return page(
            reply,
            <SignInView ctx={ctx} email={email} next={next} message={message} resume={resume} />,
            result.reason === 'throttled' ? 429 : 401,
          )
        }
        if (result.ok === 'needs-code') {
          reply.header(
            'set-cookie',
            cookie(CODE_COOKIE, result.pending, { secure: req.protocol === 'https', maxAgeS: 300 }),
          )
          return page(reply, <CodeView ctx={ctx} next={next} resume={resume} />)
        }
        if (resume) return resumeForm(req, reply, result.staff, result.token, resume)
        return startSession(req, reply, result.token, next)
      },
    },
    {
      method: 'POST',
      url: '/admin/sign-in/code',
      permission: null,
      handler: async (req, reply, ctx) => {
        const body = req.body as FormBody
        const next = safeNext(field(body, 'next'))
        const pending = parseCookies(req.headers.cookie)[CODE_COOKIE] ?? ''
        const result = await deps.staff.completeSignIn(pending, field(body, 'code'), req.ip)
        const resume = field(body, 'resume') || undefined
        if (result.ok === true) {
          reply.header(
            'set-cookie',
            cookie(CODE_COOKIE, '', { secure: req.protocol === 'https', maxAgeS: 0 }),
          )
          if (resume) return resumeForm(req, reply, result.staff, result.token, resume)
          return startSession(req, reply, result.token, next)
        }
        if (result.ok === false && result.reason === 'throttled') {
          return page(
            reply,
            <CodeView
              ctx={ctx}
              next={next}
              resume={resume}
              message={`Too many wrong codes. Try again after ${result.retryAt.toISOString().slice(11, 16)} UTC.`}
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
    },
    {
      method: 'GET',
      url: '/admin/password/forgot',
      permission: null,
      handler: async (_req, reply, ctx) => page(reply, <ForgotView ctx={ctx} />),
    },
    {
      method: 'POST',
      url: '/admin/password/forgot',
      permission: null,
      handler: async (req, reply, ctx) => {
        const email = field(req.body as FormBody, 'email')
        const staff = await deps.staff.findByEmail(email)
        if (staff && !staff.disabledAt && (await deps.staff.allowResetRequest(email))) {
          const origin = linkOrigin(req)
          if (!origin) {
            req.log.error(
              'PUBLIC_URL is not set: password-reset emails are not sent (their links could point anywhere)',
            )
            return page(reply, <ForgotView ctx={ctx} sent />)
          }
          const link = await deps.staff.passwordLink(staff.id, 'reset', origin)
          const message = resetEmail({
            to: staff.email,
            name: staff.name,
            siteName: deps.siteName,
            link,
            from: deps.mailFrom ?? '',
          })
          // Sent after answering: how long the mail server takes must not tell who has an account.
          setImmediate(() => {
            sendMail(message)
              .then(() => audit({ ...ctx, staff }, 'password.reset-requested', `staff:${staff.id}`))
              .catch((err: unknown) => req.log.error({ err }, 'password-reset email failed'))
          })
        }
        // The same answer whether or not the account exists: the page must not tell who works here.
        return page(reply, <ForgotView ctx={ctx} sent />)
      },
    },
    {
      method: 'GET',
      url: '/admin/password/set/:id/:exp/:sig',
      permission: null,
      handler: async (req, reply, ctx) => {
        const { id, exp, sig } = req.params as { id: string; exp: string; sig: string }
        const staff = await deps.staff.checkPasswordLink(id, exp, sig)
        if (!staff) return linkGone(reply, ctx)
        return page(
          reply,
          <SetPasswordView ctx={ctx} name={staff.name} action={req.url} problems={[]} />,
        )
      },
    },
    {
      method: 'POST',
      url: '/admin/password/set/:id/:exp/:sig',
      permission: null,
      handler: async (req, reply, ctx) => {
        const { id, exp, sig } = req.params as { id: string; exp: string; sig: string }
        const staff = await deps.staff.checkPasswordLink(id, exp, sig)
        if (!staff) return linkGone(reply, ctx)
        const body = req.body as FormBody
        const password = field(body, 'password')
        if (password !== field(body, 'again')) {
          return page(
            reply,
            <SetPasswordView
              ctx={ctx}
              name={staff.name}
              action={req.url}
              problems={['The two passwords differ: type the same one twice.']}
            />,
            422,
          )
        }
        try {
          await deps.staff.setPassword(staff, password)
        } catch (err) {
          if (isAppError(err) && err.status < 500) {
            return page(
              reply,
              <SetPasswordView
                ctx={ctx}
                name={staff.name}
                action={req.url}
                problems={problemsOf(err)}
              />,
              err.status,
            )
          }
          throw err
        }
        return page(
          reply,
          <AdminMessage
            ctx={ctx}
            title="Your password is set"
            message="Sign in with it now. Any other signed-in devices were signed out."
          />,
        )
      },
    },
    {
      method: 'GET',
      url: '/admin/account',
      permission: 'admin.enter',
      handler: async (_req, reply, ctx) =>
        page(
          reply,
          <AccountView ctx={ctx} passkeys={await deps.staff.listPasskeys(ctx.staff!.id)} />,
        ),
    },
    {
      method: 'POST',
      url: '/admin/account/passkeys/options',
      permission: 'admin.enter',
      handler: async (req, reply, ctx) => {
        // A passkey is both factors at once: a borrowed session alone must not be able to add one.
        const password = (req.body as { password?: unknown }).password
        if (
          typeof password !== 'string' ||
          !(await deps.staff.checkPassword(ctx.staff!, password))
        ) {
          await audit(ctx, 'passkey.add-refused', `staff:${ctx.staff!.id}`)
          return reply.code(422).send({
            error: {
              code: 'VALIDATION_FAILED',
              message: 'Type your current password to add a passkey.',
            },
          })
        }
        const { options, token } = await deps.staff.passkeyRegistrationOptions(ctx.staff!, {
          id: req.hostname,
          name: deps.siteName,
        })
        reply.header(
          'set-cookie',
          cookie(WEBAUTHN_COOKIE, token, { secure: req.protocol === 'https', maxAgeS: 300 }),
        )
        return reply.send({ options })
      },
    },
    {
      method: 'POST',
      url: '/admin/account/passkeys',
      permission: 'admin.enter',
      handler: async (req, reply, ctx) => {
        const body = req.body as { response?: unknown; name?: unknown }
        const token = parseCookies(req.headers.cookie)[WEBAUTHN_COOKIE] ?? ''
        const ok = await deps.staff.finishPasskeyRegistration(
          ctx.staff!,
          body.response,
          token,
          { id: req.hostname, origin: req.origin },
          typeof body.name === 'string' ? body.name : '',
        )
        reply.header(
          'set-cookie',
          cookie(WEBAUTHN_COOKIE, '', { secure: req.protocol === 'https', maxAgeS: 0 }),
        )
        return ok
          ? reply.send({ ok: true })
          : reply.code(422).send({
              error: {
                code: 'VALIDATION_FAILED',
                message: 'The passkey could not be checked; try again.',
              },
            })
      },
    },
    {
      method: 'POST',
      url: '/admin/account/passkeys/:id/delete',
      permission: 'admin.enter',
      handler: async (req, reply, ctx) => {
        await deps.staff.removePasskey(ctx.staff!, (req.params as { id: string }).id)
        return reply.redirect('/admin/account', 303)
      },
    },
    {
      method: 'POST',
      url: '/admin/sign-in/passkey/options',
      permission: null,
      handler: async (req, reply) => {
        const { options, token } = await deps.staff.passkeySignInOptions(req.hostname)
        reply.header(
          'set-cookie',
          cookie(WEBAUTHN_COOKIE, token, { secure: req.protocol === 'https', maxAgeS: 300 }),
        )
        return reply.send({ options })
      },
    },
    {
      method: 'POST',
      url: '/admin/sign-in/passkey',
      permission: null,
      handler: async (req, reply) => {
        const body = req.body as { response?: unknown; next?: unknown }
        const token = parseCookies(req.headers.cookie)[WEBAUTHN_COOKIE] ?? ''
        const result = await deps.staff.finishPasskeySignIn(body.response, token, {
          id: req.hostname,
          origin: req.origin,
        })
        if (result.ok !== true) {
          return reply
            .code(401)
            .send({ error: { code: 'UNAUTHENTICATED', message: 'That passkey was not accepted' } })
        }
        reply.header('set-cookie', [
          cookie(SESSION_COOKIE, result.token, {
            secure: req.protocol === 'https',
            maxAgeS: SESSION_MAX_MS / 1000,
          }),
          cookie(PRE_COOKIE, '', { secure: req.protocol === 'https', maxAgeS: 0 }),
          cookie(WEBAUTHN_COOKIE, '', { secure: req.protocol === 'https', maxAgeS: 0 }),
        ])
        return reply.send({ ok: true, next: safeNext(body.next) })
      },
    },
    {
      method: 'POST',
      url: '/admin/account/two-factor/begin',
      permission: 'admin.enter',
      handler: async (_req, reply, ctx) =>
        page(
          reply,
          <AccountView
            ctx={ctx}
            enrolment={await deps.staff.beginTwoFactor(ctx.staff!, deps.siteName)}
          />,
        ),
    },
    {
      method: 'POST',
      url: '/admin/account/two-factor/enable',
      permission: 'admin.enter',
      handler: async (req, reply, ctx) => {
        const body = req.body as FormBody
        const secret = field(body, 'secret')
        const proof = field(body, 'proof')
        if (await deps.staff.enableTwoFactor(ctx.staff!, secret, proof, field(body, 'code'))) {
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
    },
    {
      method: 'POST',
      url: '/admin/account/two-factor/disable',
      permission: 'admin.enter',
      handler: async (req, reply, ctx) => {
        if (await deps.staff.disableTwoFactor(ctx.staff!, field(req.body as FormBody, 'code'))) {
          const me = { ...ctx, staff: { ...ctx.staff!, twoFactor: false } }
          return page(reply, <AccountView ctx={me} notice="Two-factor sign-in is off." />)
        }
        return page(
          reply,
          <AccountView ctx={ctx} problems={['That code is not right, or it was already used.']} />,
          422,
        )
      },
    },
    {
      method: 'POST',
      url: '/admin/sign-out',
      permission: 'admin.enter',
      handler: async (req, reply, ctx) => {
        await deps.staff.signOut(req.admin?.token ?? undefined, ctx.staff?.id ?? null)
        return signedOut(req, reply)
      },
    },
    {
      method: 'POST',
      url: '/admin/sign-out-everywhere',
      permission: 'admin.enter',
      handler: async (req, reply, ctx) => {
        await deps.staff.signOutEverywhere(ctx.staff!.id)
        return signedOut(req, reply)
      },
    },
    {
      method: 'GET',
      url: '/admin/articles',
      permission: 'admin.enter',
      handler: async (req, reply, ctx) => {
        const q = req.query as Record<string, unknown>
        const str = (k: string) => (typeof q[k] === 'string' ? (q[k] as string) : '')
        const filter = {
          status: str('status'),
          section: str('section'),
          author: str('author'),
          q: str('q').slice(0, 200),
        }
        const n = /^[1-9][0-9]{0,5}$/.test(str('page'))
          ? Math.min(Number(str('page')), MAX_LIST_PAGE)
          : 1
        const idOf = (v: string) => (/^[1-9][0-9]{0,11}$/.test(v) ? Number(v) : undefined)
        const status = ARTICLE_STATUSES.find((s) => s === filter.status)
        const [{ items, hasMore }, sections, authors] = await Promise.all([
          deps.repo.listForAdmin(
            {
              ...(status ? { status } : {}),
              ...(idOf(filter.section) ? { sectionId: idOf(filter.section)! } : {}),
              ...(idOf(filter.author) ? { authorId: idOf(filter.author)! } : {}),
              ...(filter.q.trim() ? { q: filter.q.trim() } : {}),
            },
            { limit: LIST_SIZE, offset: (n - 1) * LIST_SIZE },
          ),
          deps.content.listSections(),
          deps.repo.listAuthors(),
        ])
        const href = (p: number) => {
          const params = new URLSearchParams(Object.entries(filter).filter(([, v]) => v))
          if (p > 1) params.set('page', String(p))
          const s = params.toString()
          return `/admin/articles${s ? `?${s}` : ''}`
        }
        return page(
          reply,
          <ArticleList
            ctx={ctx}
            items={items}
            sections={sections}
            authors={authors}
            filter={filter}
            page={n}
            prev={n > 1 ? href(n - 1) : undefined}
            next={hasMore && n < MAX_LIST_PAGE ? href(n + 1) : undefined}
          />,
        )
      },
    },
    {
      method: 'GET',
      url: '/admin/articles/new',
      permission: 'article.draft',
      handler: async (_req, reply, ctx) => {
        const lists = await formLists()
        return page(
          reply,
          <ArticleForm
            ctx={ctx}
            article={null}
            values={formValuesOf(null, lists.sections[0]?.id)}
            problems={[]}
            {...lists}
          />,
        )
      },
    },
    {
      method: 'POST',
      url: '/admin/articles',
      permission: 'article.draft',
      handler: async (req, reply, ctx) => saveArticle(req, reply, ctx, null),
    },
    {
      method: 'GET',
      url: '/admin/articles/:id',
      permission: 'article.draft',
      handler: async (req, reply, ctx) => {
        const a = await loadOwned(req, ctx)
        const lists = await formLists()
        const saved = (req.query as Record<string, unknown>)['saved'] === '1'
        const [revisions, kept] = await Promise.all([
          deps.content.listRevisions(a.id),
          deps.content.findAutosave(a.id),
        ])
        const values = formValuesOf(a, undefined)
        // A copy kept by the editor after the last save: offered, and used only when asked.
        const newer = kept && kept.savedAt > a.updatedAt ? kept : undefined
        const useKept = newer && (req.query as Record<string, unknown>)['autosave'] === '1'
        if (useKept) Object.assign(values, { headline: newer.headline, body: newer.body })
        return page(
          reply,
          <ArticleForm
            ctx={ctx}
            article={a}
            values={values}
            problems={[]}
            notice={
              useKept
                ? `This is the text kept automatically at ${newer.savedAt.toISOString().slice(11, 16)} UTC. Press Save to keep it.`
                : saved
                  ? 'Saved.'
                  : undefined
            }
            autosaved={
              !useKept && newer
                ? { at: newer.savedAt, href: `/admin/articles/${a.id}?autosave=1` }
                : undefined
            }
            revisions={revisions}
            {...lists}
          />,
        )
      },
    },
    {
      method: 'POST',
      url: '/admin/articles/:id/autosave',
      permission: 'article.draft',
      handler: async (req, reply, ctx) => {
        const a = await loadOwned(req, ctx)
        const body = req.body as { headline?: unknown; body?: unknown }
        if (typeof body.headline !== 'string' || typeof body.body !== 'string') {
          return reply
            .code(422)
            .send({ error: { code: 'VALIDATION_FAILED', message: 'headline and body are needed' } })
        }
        try {
          await deps.content.autosave(a.id, ctx.staff!.id, {
            headline: body.headline,
            body: body.body,
          })
        } catch (err) {
          if (isAppError(err) && err.status < 500) {
            return reply.code(err.status).send({ error: { code: err.code, message: err.message } })
          }
          throw err
        }
        return reply.send({ ok: true })
      },
    },
    {
      method: 'POST',
      url: '/admin/articles/:id',
      permission: 'article.draft',
      handler: async (req, reply, ctx) => saveArticle(req, reply, ctx, await loadOwned(req, ctx)),
    },
    {
      method: 'GET',
      url: '/admin/articles/:id/preview',
      permission: 'article.draft',
      handler: async (req, reply, ctx) => {
        const a = await loadOwned(req, ctx)
        const link = await shareLink(req, a.id)
        const note = `Preview (${a.status}): readers see this only once it is published. Link for someone outside the newsroom, valid 7 days: ${link}`
        // This page may sit in the admin's phone-width frame, and nowhere else.
        reply.header('x-frame-options', 'SAMEORIGIN')
        reply.header('content-security-policy', PREVIEW_CSP)
        return reply.type(HTML).send(await deps.renderPreview!(req, a, note))
      },
    },
    {
      method: 'GET',
      url: '/admin/articles/:id/preview/phone',
      permission: 'article.draft',
      handler: async (req, reply, ctx) => {
        const a = await loadOwned(req, ctx)
        reply.header('content-security-policy', `${PREVIEW_CSP}; frame-src 'self'`)
        return page(reply, <PhonePreview ctx={ctx} article={a} />)
      },
    },
    {
      method: 'GET',
      url: '/preview/:id/:exp/:sig',
      permission: null,
      handler: async (req, reply) => {
        const { id, exp, sig } = req.params as { id: string; exp: string; sig: string }
        const valid =
          /^[1-9][0-9]{0,11}$/.test(id) &&
          /^[0-9]{13}$/.test(exp) &&
          Number(exp) > Date.now() &&
          (await deps.staff.verifySigned(`preview:${id}:${exp}`, sig))
        const a = valid ? await deps.repo.findArticleById(Number(id)) : undefined
        if (!a)
          throw new AppError('NOT_FOUND', {
            status: 404,
            message: 'This preview link is wrong or has expired. Ask the newsroom for a new one.',
          })
        reply.header('x-robots-tag', 'noindex, nofollow')
        return reply
          .type(HTML)
          .send(
            await deps.renderPreview!(
              req,
              a,
              'Shared preview of an unpublished article. Please do not pass this link on.',
            ),
          )
      },
    },
    {
      method: 'GET',
      url: '/admin/articles/:id/revisions/:rid',
      permission: 'article.draft',
      handler: async (req, reply, ctx) => {
        const a = await loadOwned(req, ctx)
        const rid = (req.params as { rid: string }).rid
        const rev = /^[1-9][0-9]{0,11}$/.test(rid)
          ? await deps.content.findRevision(a.id, Number(rid))
          : undefined
        if (!rev)
          throw new AppError('NOT_FOUND', {
            status: 404,
            message: 'No such version of this article',
          })
        return page(reply, <RevisionView ctx={ctx} article={a} revision={rev} />)
      },
    },
    {
      method: 'POST',
      url: '/admin/articles/:id/revisions/:rid/restore',
      permission: 'article.draft',
      handler: async (req, reply, ctx) => {
        const a = await loadOwned(req, ctx)
        const rid = (req.params as { rid: string }).rid
        if (!/^[1-9][0-9]{0,11}$/.test(rid))
          throw new AppError('NOT_FOUND', { status: 404, message: 'No such version' })
        try {
          await deps.content.restoreRevision(a.id, Number(rid), { staffId: ctx.staff!.id })
        } catch (err) {
          if (isAppError(err) && err.status < 500 && err.status !== 404) {
            return refused(reply, ctx, 'Could not restore', err)
          }
          throw err
        }
        await audit(ctx, 'article.restore', `article:${a.id}`, `revision ${rid}`)
        return reply.redirect(`/admin/articles/${a.id}?saved=1`, 303)
      },
    },
    {
      method: 'POST',
      url: '/admin/articles/:id/corrections',
      permission: 'article.publish',
      handler: async (req, reply, ctx) => {
        const a = await loadOwned(req, ctx)
        const body = req.body as FormBody
        const kind = field(body, 'kind') === 'update' ? 'update' : 'correction'
        try {
          await deps.content.addCorrection(a.id, kind, field(body, 'text'))
        } catch (err) {
          if (isAppError(err) && err.status < 500) {
            return refused(reply, ctx, 'Nothing was added', err)
          }
          throw err
        }
        await audit(ctx, `article.${kind}`, `article:${a.id}`)
        return reply.redirect(`/admin/articles/${a.id}?saved=1`, 303)
      },
    },
    {
      method: 'GET',
      url: '/admin/media',
      permission: 'article.draft',
      handler: async (req, reply, ctx) => {
        const q = String((req.query as Record<string, unknown>)['q'] ?? '').slice(0, 200)
        return page(
          reply,
          <MediaView ctx={ctx} images={await deps.repo.searchImages(q, 60)} q={q} />,
        )
      },
    },
    {
      method: 'POST',
      url: '/admin/media',
      permission: 'article.draft',
      handler: async (req, reply, ctx) => {
        const body = req.body as Record<string, unknown>
        const text = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '')
        const values = { alt: text('alt'), caption: text('caption'), credit: text('credit') }
        const show = async (problems: string[], status: number, notice?: string) =>
          page(
            reply,
            <MediaView
              ctx={ctx}
              images={await deps.repo.searchImages('', 60)}
              q=""
              problems={problems}
              notice={notice}
              values={problems.length ? values : undefined}
            />,
            status,
          )
        const file = body['file']
        if (!Buffer.isBuffer(file) || file.length === 0)
          return show(['File: choose a photo to upload'], 422)
        // Words first: a refused form must leave no files behind.
        if (!values.alt.trim())
          return show(
            ['Alt text: describe what the picture shows, for readers who cannot see it'],
            422,
          )
        let stored: Awaited<ReturnType<typeof processUpload>>
        try {
          stored = await processUpload(deps.media, file)
        } catch (err) {
          if (isAppError(err) && err.status < 500) return show([err.message], err.status)
          throw err
        }
        try {
          const id = await deps.content.createImage(stored, values)
          await audit(
            ctx,
            'image.upload',
            `image:${id}`,
            `${stored.sourceType} ${stored.width}x${stored.height}`,
          )
          return show(
            [],
            201,
            `Uploaded as image ${id}${stored.animated ? ' (first frame of an animation)' : ''}. Location and camera data were removed.`,
          )
        } catch (err) {
          await removeStoredImage(deps.media, stored.storageKey)
          if (isAppError(err) && err.status < 500) return show(problemsOf(err), err.status)
          throw err
        }
      },
    },
    {
      method: 'GET',
      url: '/admin/taxonomy',
      permission: 'taxonomy.manage',
      handler: async (_req, reply, ctx) =>
        page(reply, <TaxonomyPage ctx={ctx} {...await taxonomyLists()} />),
    },
    {
      method: 'POST',
      url: '/admin/taxonomy/:kind',
      permission: 'taxonomy.manage',
      handler: async (req, reply, ctx) => {
        const kind = taxonomyKind(req)
        const values = taxonomyValues(kind, req.body as FormBody)
        try {
          const input = taxonomyInput(kind, values)
          const id =
            kind === 'section'
              ? await deps.content.createSection(input as never)
              : kind === 'topic'
                ? await deps.content.createTopic(input as never)
                : kind === 'author'
                  ? await deps.content.createAuthor(input as never)
                  : await deps.content.createAgency(input as never)
          await audit(ctx, `${kind}.create`, `${kind}:${id}`, values['name'] ?? '')
          return page(
            reply,
            <TaxonomyPage
              ctx={ctx}
              {...await taxonomyLists()}
              notice={`Added ${values['name']}.`}
            />,
            201,
          )
        } catch (err) {
          if (isAppError(err) && err.status < 500) {
            const list = problemsOf(err)
            return page(
              reply,
              <TaxonomyPage
                ctx={ctx}
                {...await taxonomyLists()}
                problems={{ kind, list, values }}
              />,
              err.status,
            )
          }
          throw err
        }
      },
    },
    {
      method: 'GET',
      url: '/admin/taxonomy/:kind/:id',
      permission: 'taxonomy.manage',
      handler: async (req, reply, ctx) => {
        const kind = taxonomyKind(req)
        const id = taxonomyId(req)
        const row = await deps.repo.findTaxonomy(kind, id)
        if (!row) throw new AppError('NOT_FOUND', { status: 404, message: `No such ${kind}` })
        const values = Object.fromEntries(
          TAXONOMY_FIELDS[kind].map((f) => [
            f.name,
            row[f.name] === null || row[f.name] === undefined ? '' : String(row[f.name]),
          ]),
        )
        return page(
          reply,
          <TaxonomyEdit ctx={ctx} kind={kind} id={id} values={values} problems={[]} />,
        )
      },
    },
    {
      method: 'POST',
      url: '/admin/taxonomy/:kind/:id',
      permission: 'taxonomy.manage',
      handler: async (req, reply, ctx) => {
        const kind = taxonomyKind(req)
        const id = taxonomyId(req)
        const values = taxonomyValues(kind, req.body as FormBody)
        try {
          await deps.content.updateTaxonomy(kind, id, taxonomyInput(kind, values))
        } catch (err) {
          if (isAppError(err) && err.status < 500 && err.status !== 404) {
            return page(
              reply,
              <TaxonomyEdit
                ctx={ctx}
                kind={kind}
                id={id}
                values={values}
                problems={problemsOf(err)}
              />,
              err.status,
            )
          }
          throw err
        }
        await audit(ctx, `${kind}.update`, `${kind}:${id}`, values['name'] ?? '')
        return page(
          reply,
          <TaxonomyEdit
            ctx={ctx}
            kind={kind}
            id={id}
            values={values}
            problems={[]}
            notice="Saved. Pages showing it are refreshed."
          />,
        )
      },
    },
    {
      method: 'GET',
      url: '/admin/staff',
      permission: 'staff.manage',
      handler: async (_req, reply, ctx) =>
        page(
          reply,
          <StaffList
            ctx={ctx}
            staff={await deps.staff.listStaff()}
            problems={[]}
            values={{ email: '', name: '', role: 'author' }}
          />,
        ),
    },
    {
      method: 'POST',
      url: '/admin/staff',
      permission: 'staff.manage',
      handler: async (req, reply, ctx) => {
        const body = req.body as FormBody
        const values = {
          email: field(body, 'email'),
          name: field(body, 'name'),
          role: field(body, 'role'),
        }
        const show = async (problems: string[], status: number, notice?: string) =>
          page(
            reply,
            <StaffList
              ctx={ctx}
              staff={await deps.staff.listStaff()}
              problems={problems}
              values={values}
              notice={notice}
            />,
            status,
          )
        if (!isRole(values.role)) return show(['Role: choose one of the listed roles'], 422)
        if (!canAssignRole(ctx.staff!.role, values.role))
          return show(['Role: only an owner can add an owner'], 403)
        const password = field(body, 'password')
        try {
          if (password) {
            await deps.staff.addStaff({ ...values, role: values.role, password }, ctx.staff!.id)
          } else {
            // No password typed: they choose their own from an emailed link.
            const origin = linkOrigin(req)
            if (!origin) {
              return show(
                ['Invitations need PUBLIC_URL set, so the emailed link points at your site.'],
                422,
              )
            }
            const id = await deps.staff.inviteStaff({ ...values, role: values.role }, ctx.staff!.id)
            const link = await deps.staff.passwordLink(id, 'invite', origin)
            try {
              await sendMail(
                invitationEmail({
                  to: values.email.trim().toLowerCase(),
                  name: values.name.trim(),
                  siteName: deps.siteName,
                  link,
                  from: deps.mailFrom ?? '',
                }),
              )
            } catch (err) {
              // No email, no account: a half-made invitation would block a retry.
              await deps.staff.removeUnusedAccount(id)
              req.log.error({ err }, 'invitation email failed')
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
    },
    {
      method: 'POST',
      url: '/admin/staff/:id/disable',
      permission: 'staff.manage',
      handler: async (req, reply, ctx) => {
        const id = (req.params as { id: string }).id
        const outcome = /^[1-9][0-9]{0,11}$/.test(id)
          ? await deps.staff.disableStaff(ctx.staff!, Number(id))
          : 'unknown'
        const messages = {
          done: 'Disabled: signed out everywhere, and cannot sign in again.',
          self: 'You cannot disable your own account.',
          'not-allowed': 'Only an owner can disable an owner.',
          unknown: 'No such account.',
        } as const
        const status = outcome === 'done' ? 200 : outcome === 'unknown' ? 404 : 403
        return page(
          reply,
          <StaffList
            ctx={ctx}
            staff={await deps.staff.listStaff()}
            problems={outcome === 'done' ? [] : [messages[outcome]]}
            notice={outcome === 'done' ? messages.done : undefined}
            values={{ email: '', name: '', role: 'author' }}
          />,
          status,
        )
      },
    },
    {
      method: 'GET',
      url: '/admin/newsletters',
      permission: 'newsletter.manage',
      handler: async (_req, reply, ctx) =>
        page(reply, <NewslettersAdmin ctx={ctx} newsletters={await newsletterRows()} />),
    },
    {
      method: 'POST',
      url: '/admin/newsletters',
      permission: 'newsletter.manage',
      handler: async (req, reply, ctx) => {
        const body = req.body as FormBody
        const values = Object.fromEntries(
          ['name', 'slug', 'description', 'cadence', 'language'].map((k) => [k, field(body, k)]),
        )
        if (!deps.newsletters)
          throw new AppError('NOT_FOUND', { status: 404, message: 'Newsletters are off' })
        const show = async (status: number, problems: string[], notice?: string) =>
          page(
            reply,
            <NewslettersAdmin
              ctx={ctx}
              newsletters={await newsletterRows()}
              problems={problems}
              notice={notice}
              values={problems.length ? values : undefined}
            />,
            status,
          )
        try {
          const id = await deps.newsletters.createNewsletter({
            name: values['name'] ?? '',
            slug: values['slug'] ?? '',
            description: values['description'] ?? '',
            cadence: values['cadence'] ?? '',
            language: values['language'] ?? '',
          })
          await audit(ctx, 'newsletter.create', `newsletter:${id}`, values['name'] ?? '')
          deps.onNewslettersChanged?.()
        } catch (err) {
          if (isAppError(err) && err.status < 500) return show(err.status, problemsOf(err))
          throw err
        }
        return show(201, [], `Added ${values['name']}. Its sign-up box now shows under articles.`)
      },
    },
    {
      method: 'GET',
      url: '/admin/contributions',
      permission: 'revenue.read',
      handler: async (_req, reply, ctx) => {
        const c = contributionsOn()
        return page(
          reply,
          <ContributionsDashboard
            ctx={ctx}
            dashboard={await c.dashboard()}
            testMode={c.testMode}
            canEditAppeal={ctx.can('appeal.manage')}
          />,
        )
      },
    },
    {
      method: 'GET',
      url: '/admin/contributions.csv',
      permission: 'revenue.read',
      handler: async (_req, reply, ctx) => {
        const c = contributionsOn()
        const lines = [CSV_HEADER]
        // In pages, so a large history is not one query holding every row.
        let before: number | undefined
        for (;;) {
          const batch = await c.listPage(1000, before)
          lines.push(...batch.map(csvRow))
          if (batch.length < 1000) break
          before = batch.at(-1)!.id
        }
        await audit(ctx, 'contributions.export', 'contributions', `${lines.length - 1} rows`)
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="contributions.csv"')
          .send(`${lines.join('\r\n')}\r\n`)
      },
    },
    {
      method: 'GET',
      url: '/admin/appeal',
      permission: 'appeal.manage',
      handler: async (req, reply, ctx) => {
        const c = contributionsOn()
        const all = await c.listAppeals()
        const asked = String((req.query as Record<string, unknown>)['language'] ?? '')
        const language = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(asked)
          ? asked
          : (all[0]?.language ?? 'en')
        const current = all.find((a) => a.language === language) ?? c.draftAppeal(language)
        return page(
          reply,
          <AppealForm
            ctx={ctx}
            values={appealFormValues(current)}
            languages={all.map((a) => a.language)}
          />,
        )
      },
    },
    {
      method: 'POST',
      url: '/admin/appeal',
      permission: 'appeal.manage',
      handler: async (req, reply, ctx) => {
        const c = contributionsOn()
        const body = req.body as FormBody
        const { settings, problems } = appealFromForm(body)
        const languages = async () => (await c.listAppeals()).map((a) => a.language)
        const again = async (status: number, list: string[]) =>
          page(
            reply,
            <AppealForm
              ctx={ctx}
              values={Object.fromEntries(
                Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]),
              )}
              languages={await languages()}
              problems={list}
            />,
            status,
          )
        if (problems.length) return again(422, problems)
        try {
          const saved = await c.saveAppeal(settings)
          await audit(ctx, 'appeal.save', `appeal:${saved.language}`, saved.headline)
          deps.onAppealChanged?.()
          return page(
            reply,
            <AppealForm
              ctx={ctx}
              values={appealFormValues(saved)}
              languages={await languages()}
              notice={`Saved. Reader pages in ${saved.language} show it now.`}
            />,
          )
        } catch (err) {
          if (isAppError(err) && err.status < 500) return again(err.status, problemsOf(err))
          throw err
        }
      },
    },
    {
      method: 'GET',
      url: '/admin/audit',
      permission: 'audit.read',
      handler: async (req, reply, ctx) => {
        const before = String((req.query as Record<string, unknown>)['before'] ?? '')
        const entries = await deps.staff.listAudit(
          100,
          /^[1-9][0-9]{0,11}$/.test(before) ? Number(before) : undefined,
        )
        const last = entries.at(-1)
        return page(
          reply,
          <AuditLog
            ctx={ctx}
            entries={entries}
            next={entries.length === 100 && last ? `/admin/audit?before=${last.id}` : undefined}
          />,
        )
      },
    },
    ...editionRoutes(
      {
        editions: deps.editions,
        newsletters: deps.newsletters,
        mailFrom: deps.mailFrom ?? '',
        recentArticles: async (limit) =>
          (await deps.repo.listPublished({ kind: 'all' }, { limit, offset: 0 }, new Date())).items,
        articlesByIds: (ids) => deps.repo.summariesByIds(ids, new Date()),
      },
      { page, audit, problemsOf },
    ),
    ...subscriberRoutes(deps.subscribers, { page, audit }),
    ...privacyRoutes(deps.siteText, { page, audit }),
  ]
}

function signedOut(req: FastifyRequest, reply: FastifyReply) {
  reply.header(
    'set-cookie',
    cookie(SESSION_COOKIE, '', { secure: req.protocol === 'https', maxAgeS: 0 }),
  )
  return reply.redirect('/admin/sign-in', 303)
}

function startSession(req: FastifyRequest, reply: FastifyReply, token: string, next: string) {
  reply.header('set-cookie', [
    cookie(SESSION_COOKIE, token, {
      secure: req.protocol === 'https',
      maxAgeS: SESSION_MAX_MS / 1000,
    }),
    cookie(PRE_COOKIE, '', { secure: req.protocol === 'https', maxAgeS: 0 }),
  ])
  return reply.redirect(next, 303)
}

/** What a person reads when a save is refused: the sentence for a taken address, else each field. */
function problemsOf(err: AppError): string[] {
  if (err.code === 'SLUG_TAKEN' || err.code === 'EMAIL_TAKEN' || err.details.length === 0)
    return [err.message]
  return [...err.details]
}

/** Only paths inside the admin: a sign-in link must not send anyone elsewhere. */
function safeNext(v: unknown): string {
  return typeof v === 'string' && /^\/admin(\/[A-Za-z0-9/_?=&%-]*)?$/.test(v) && !v.startsWith('//')
    ? v
    : '/admin/articles'
}

/**
 * The admin as an encapsulated plugin: its form parser, session lookup, CSRF check and
 * permission check apply to /admin routes only, so reader pages pay nothing for them.
 */
export async function registerAdmin(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const css = loadStylesheet(new URL('.', import.meta.url), 'admin', '/admin/assets')
  // The rich editor is built by `npm run build`; without it the form's textarea is the editor.
  const built = (name: string) => [
    new URL(`../../admin-assets/${name}`, import.meta.url),
    new URL(`../../dist/admin-assets/${name}`, import.meta.url),
  ]
  const editorJs = loadBuiltAsset(
    built('editor.js'),
    '/admin/assets',
    'text/javascript; charset=utf-8',
  )
  const editorCss = loadBuiltAsset(built('editor.css'), '/admin/assets', 'text/css; charset=utf-8')
  const passkeyJs = loadAsset(
    new URL('.', import.meta.url),
    'passkey.js',
    '/admin/assets',
    'text/javascript; charset=utf-8',
  )
  const page = (reply: FastifyReply, node: VNode, status = 200) =>
    reply
      .code(status)
      .type(HTML)
      .send(`<!doctype html>${renderToString(node)}`)
  const routes = adminRoutes({ ...deps, cssHref: css.href })
  const { default: multipart } = await import('@fastify/multipart')
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 2 * 1024 * 1024 },
      (_req, body, done) => {
        done(null, parseForm(String(body)))
      },
    )
    serveAsset(scope, css)
    serveAsset(scope, passkeyJs)
    if (editorJs && editorCss) {
      serveAsset(scope, editorJs)
      serveAsset(scope, editorCss)
    }
    const isUpload = (r: AdminRoute) =>
      r.method === 'POST' && (r.upload === true || r.url === '/admin/media')
    for (const route of routes.filter((r) => !isUpload(r))) {
      scope.route({ method: route.method, url: route.url, handler: handlerFor(route) })
    }
    // Uploads only, in a scope of their own: nobody else's form is buffered as a file. One file,
    // a few fields, held in memory (20 MB at most) and checked by processUpload before anything
    // is written.
    await scope.register(async (uploads) => {
      await uploads.register(multipart, {
        attachFieldsToBody: 'keyValues',
        limits: {
          fileSize: DEFAULT_MAX_UPLOAD_BYTES,
          files: 1,
          fields: 8,
          parts: 10,
          fieldSize: 100_000,
        },
      })
      for (const route of routes.filter(isUpload)) {
        uploads.route({ method: route.method, url: route.url, handler: handlerFor(route) })
      }
    })

    function handlerFor(route: AdminRoute) {
      return async (req: FastifyRequest, reply: FastifyReply) => {
        reply.header('cache-control', 'no-store')
        // Unlike reader pages (no-referrer), the admin lets the browser send its Origin on
        // same-site form posts, which the CSRF check below relies on.
        reply.header('referrer-policy', 'same-origin')
        // The admin's script talks back to the admin (passkeys); reader pages cannot connect anywhere.
        reply.header('content-security-policy', ADMIN_CSP)
        const cookies = parseCookies(req.headers.cookie)
        const session = await deps.staff.fromSession(cookies[SESSION_COOKIE])
        const staff = session?.staff ?? null
        // Before sign-in, CSRF tokens bind to a random pre-session cookie.
        let pre =
          cookies[PRE_COOKIE] && /^[A-Za-z0-9_-]{20,64}$/.test(cookies[PRE_COOKIE]!)
            ? cookies[PRE_COOKIE]!
            : null
        if (!session && !pre) {
          pre = crypto.randomBytes(18).toString('base64url')
          reply.header(
            'set-cookie',
            cookie(PRE_COOKIE, pre, { secure: req.protocol === 'https', maxAgeS: 3600 * 12 }),
          )
        }
        const bind = session?.sessionId ?? pre!
        const secret = await deps.staff.secret()
        req.admin = {
          staff,
          sessionId: session?.sessionId ?? null,
          token: cookies[SESSION_COOKIE] ?? null,
          preSession: pre,
        }
        const ctx: AdminContext = {
          siteName: deps.siteName,
          cssHref: css.href,
          scriptHref: passkeyJs.href,
          ...(editorJs && editorCss ? { editor: { js: editorJs.href, css: editorCss.href } } : {}),
          staff,
          csrf: csrfToken(secret, bind),
          can: (p) => !!staff && can(staff.role, p),
          nav: navFor((p) => !!staff && can(staff.role, p)),
        }
        if (route.method === 'POST') {
          const body = (req.body ?? {}) as FormBody
          const origin = req.headers.origin
          const sameOrigin = !origin || origin === req.origin
          // The session ended while someone was writing: keep their text through sign-in
          // instead of refusing the form. Nothing is saved until they press Save again.
          if (!staff && sameOrigin && RESUMABLE.test(req.url)) {
            // Text fields only, and not without bound: this page goes back to whoever posted.
            const texts = Object.fromEntries(
              Object.entries(body).filter(([, v]) => typeof v === 'string' || Array.isArray(v)),
            )
            const json = JSON.stringify({ url: req.url, form: texts })
            const resume =
              json.length <= 2_000_000 ? Buffer.from(json).toString('base64url') : undefined
            return page(
              reply,
              <SignInView
                ctx={ctx}
                email=""
                next={req.url}
                resume={resume}
                message="Your session ended while you were working. Sign in again: your text is kept and comes back in the form."
              />,
              401,
            )
          }
          if (!sameOrigin || !csrfValid(secret, bind, field(body, '_csrf'))) {
            return reply
              .code(403)
              .type(HTML)
              .send(
                `<!doctype html>${renderToString(
                  <AdminMessage
                    ctx={ctx}
                    title="This form has expired"
                    message="For your safety the form could not be sent (CSRF_FAILED). Go back, reload the page and send it again; what you typed may still be in the form."
                  />,
                )}`,
              )
          }
        }
        if (route.permission) {
          if (!staff) {
            if (route.method === 'GET')
              return reply.redirect(`/admin/sign-in?next=${encodeURIComponent(req.url)}`, 303)
            throw new AppError('UNAUTHENTICATED', { status: 401, message: 'Sign in first' })
          }
          if (!can(staff.role, route.permission)) {
            return reply
              .code(403)
              .type(HTML)
              .send(
                `<!doctype html>${renderToString(<AdminMessage ctx={ctx} title="Not allowed" message="Your role cannot do this. Ask an admin if you need it." />)}`,
              )
          }
        }
        try {
          return await route.handler(req, reply, ctx)
        } catch (err) {
          if (isAppError(err) && (err.code === 'FORBIDDEN' || err.code === 'NOT_FOUND')) {
            return reply
              .code(err.status)
              .type(HTML)
              .send(
                `<!doctype html>${renderToString(<AdminMessage ctx={ctx} title={err.code === 'FORBIDDEN' ? 'Not allowed' : 'Not found'} message={err.message} />)}`,
              )
          }
          throw err
        }
      }
    }
  })
}
