import type { FastifyRequest } from 'fastify'
import type {
  Article,
  ContentRepository,
  ContentService,
  SiteTextService,
} from '../content/index.js'
import type { ContributionsService } from '../contributions/index.js'
import type { MediaStore } from '../files/index.js'
import { mailOrigin } from '../http/origin.js'
import { AppError } from '../lib/errors.js'
import type { EditionService, NewsletterService, SubscriberService } from '../newsletter/index.js'
import type { ReachService } from '../reach/index.js'
import type { RedirectService } from '../imports/index.js'
import type { ImportRuns } from '../imports/import-runs.js'
import type { StaffMail } from '../staff/staff-mail.job.js'
import type { StaffService } from '../staff/staff-service.js'
import type { AdminContext } from './views/shell.js'

/** What the admin is built from, as app.ts passes it. */
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
  /** The newsroom's addresses (it purges /reach and /reach.json itself on save). */
  reach?: ReachService
  /** Redirects from old addresses (the list, add, delete, CSV). */
  redirects?: RedirectService
  /** Imports started here and run by the worker (ADR 029). */
  imports?: ImportRuns
  /** Called after a newsletter is added: reader pages show its box. */
  onNewslettersChanged?: () => void
  /** PUBLIC_URL and ALLOWED_HOSTS: where emailed links may point (see http/origin.ts). */
  publicUrl?: string | undefined
  allowedHosts?: readonly string[]
  /** Queues one of the staff emails (invitations, password resets) for the worker to send. */
  queueStaffMail?: (m: StaffMail) => Promise<void>
  /** MAIL_FROM: the sender editions show before they are sent. */
  mailFrom?: string
  /** The reader page of an article whatever its status (site plugin), for previews. */
  renderPreview?: (req: FastifyRequest, article: Article, note: string) => Promise<string>
  content: ContentService
  repo: ContentRepository
  media: MediaStore
  staff: StaffService
  siteName: string
  /** TIME_ZONE: times in the admin are shown and typed in it. */
  timeZone: string
  /** SITE_LANGUAGES: a story's language is one of them; with several, translations link. */
  languages?: readonly string[]
}

/** What several areas' routes share. */
export interface AdminTools {
  /** Writes the audit log entry for what the signed-in person (or nobody) just did. */
  audit(ctx: AdminContext, action: string, subject: string, detail?: string): Promise<unknown>
  /** Where a link in an email may point for this request; null: PUBLIC_URL is not set. */
  linkOrigin(req: FastifyRequest): string | null
  /** Queues one of the staff emails (INTERNAL when nothing can send them). */
  queueStaffMail(m: StaffMail): Promise<void>
}

export function createAdminTools(deps: AdminDeps): AdminTools {
  return {
    audit: (ctx, action, subject, detail = '') =>
      deps.staff.audit({ staffId: ctx.staff?.id ?? null, action, subject, detail }),
    linkOrigin: (req) =>
      mailOrigin(req.origin, req.hostname, {
        publicUrl: deps.publicUrl,
        allowedHosts: deps.allowedHosts ?? [],
      }),
    async queueStaffMail(m) {
      if (!deps.queueStaffMail) {
        throw new AppError('INTERNAL', { message: 'No mail transport configured' })
      }
      await deps.queueStaffMail(m)
    },
  }
}
