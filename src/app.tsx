import crypto from 'node:crypto'
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
} from 'fastify'
import type { Logger } from 'pino'
import { type Config, trustProxyOption } from './config.js'
import {
  createContentRepository,
  createContentService,
  type ContentService,
  type ContentRepository,
} from './content/index.js'
import { createMediaStore, type MediaStore } from './files/index.js'
import { type ErrorResponder, registerErrorHandling } from './http/errors.js'
import { PageCache } from './http/page-cache.js'
import { registerRequestBasics } from './http/responses.js'
import { type Clock, systemClock } from './lib/clock.js'
import { createSite } from './site/site-plugin.js'
import { registerAdmin } from './admin/admin-plugin.js'
import { type MailTransport, silentLog, transportFromUrls } from './email/index.js'
import {
  createNewsletterRepository,
  createNewsletterService,
  type NewsletterService,
} from './newsletter/index.js'
import { createStaffRepository } from './staff/staff-repository.js'
import { createStaffService, type StaffService } from './staff/staff-service.js'
import type { Storage } from './storage/index.js'

export interface AppOptions {
  config: Config
  storage: Storage
  clock?: Clock
  logger?: Logger | false
  /** Outgoing email; tests pass a memory transport. Default: SMTP_URL, else files in MAIL_DIR. */
  mail?: MailTransport
  /** Sitemap page size; tests lower it to see pagination without 50,000 articles. */
  sitemapPerFile?: number
}

export interface App {
  http: FastifyInstance
  content: ContentService
  repo: ContentRepository
  media: MediaStore
  staff: StaffService
  newsletters: NewsletterService
  cache: PageCache | null
  /** Publishes due scheduled articles now and arms the timer for the next one. */
  runScheduler(): Promise<void>
  /**
   * Stops taking requests, waits up to `graceMs` for those in flight, then returns. The
   * caller closes the database after this.
   */
  shutdown(graceMs: number): Promise<{ abandoned: number }>
}

const PURGE_CHANNEL = 'masthead_purge'
/** How often the scheduler also sweeps expired sessions and old counters. */
const CLEAN_UP_EVERY_MS = 60 * 60_000

/** Longest sleep between checks for scheduled articles, in case one was added elsewhere. */
const SCHEDULER_MAX_SLEEP_MS = 60_000

/** The one composition root: every service is built here from its dependencies. */
export async function buildApp(opts: AppOptions): Promise<App> {
  const { config, storage } = opts
  const clock = opts.clock ?? systemClock
  const cache = config.PAGE_CACHE ? new PageCache(config.PAGE_CACHE_MAX_MB * 1024 * 1024) : null
  const repo = createContentRepository(storage.db, storage.dialect)
  // Every instance on the same PostgreSQL database hears every other's purges.
  const instance = crypto.randomUUID()
  const purgeChannel = storage.channel(PURGE_CHANNEL)
  const content = createContentService({
    repo,
    clock,
    defaultLanguage: config.SITE_LANGUAGE,
    onChange: (keys) => {
      cache?.purge(keys)
      // A new or moved scheduled article may be due sooner than the timer knows.
      armSchedulerSoon()
      const payload = JSON.stringify({ from: instance, keys })
      storage
        .notify(
          purgeChannel,
          payload.length < 7900 ? payload : JSON.stringify({ from: instance, keys: ['all'] }),
        )
        .catch((err: unknown) => http.log.error({ err }, 'could not tell other instances to purge'))
    },
  })
  const media = createMediaStore(config.MEDIA_DIR)
  const staffRepo = createStaffRepository(storage.db)
  const staff = createStaffService({
    repo: staffRepo,
    clock,
    audit: async (e) =>
      staffRepo.insertAudit({
        at: clock.now(),
        staffId: e.staffId,
        action: e.action,
        subject: e.subject ?? '',
        detail: e.detail ?? '',
      }),
  })

  let respondToError: ErrorResponder = async (_e, _q, reply) => reply.code(400).send()
  const common = {
    trustProxy: trustProxyOption(config.TRUST_PROXY),
    // Readers' addresses are not logged: for this newsroom's readers, a log is a risk.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
    // Malformed percent-encoding and the like go to the error handler, which shows a 400 page.
    // Errors found before routing (malformed percent-encoding) get the same 400 page.
    frameworkErrors: (err, req, reply) => {
      void respondToError(err, req, reply)
    },
  } satisfies FastifyServerOptions
  const http: FastifyInstance = opts.logger
    ? Fastify({ ...common, loggerInstance: opts.logger as FastifyBaseLogger })
    : Fastify({ ...common, logger: false })

  const mail =
    opts.mail ??
    transportFromUrls(config.SMTP_URL ? [config.SMTP_URL] : [], {
      dir: config.MAIL_DIR,
      log: opts.logger ? http.log : silentLog,
    })
  http.addHook('onClose', async () => {
    await mail.close()
  })
  const newsletters = createNewsletterService({
    repo: createNewsletterRepository(storage.db),
    clock,
    signer: staff,
    mail,
    mailFrom: config.MAIL_FROM,
    siteName: config.SITE_NAME,
  })
  const site = createSite({
    newsletters,
    allowedHosts: config.ALLOWED_HOSTS,
    deps: {
      repo,
      content,
      clock,
      newsletters: () => newsletters.listNewsletters(),
      site: {
        name: config.SITE_NAME,
        description: config.SITE_DESCRIPTION,
        language: config.SITE_LANGUAGE,
      },
    },
    media,
    cache,
    publicUrl: config.PUBLIC_URL,
    ...(opts.sitemapPerFile ? { sitemapPerFile: opts.sitemapPerFile } : {}),
  })
  respondToError = registerErrorHandling(http, site)
  const requests = registerRequestBasics(http, {
    cache,
    onionUrl: config.ONION_URL,
    allowedHosts: config.ALLOWED_HOSTS,
  })
  site.register(http)
  await registerAdmin(http, {
    content,
    repo,
    media,
    staff,
    mail,
    mailFrom: config.MAIL_FROM,
    siteName: config.SITE_NAME,
    renderPreview: site.renderPreview,
    publicUrl: config.PUBLIC_URL,
    allowedHosts: config.ALLOWED_HOSTS,
    newsletters,
    onNewslettersChanged: () => cache?.purge(['all']),
  })

  let timer: NodeJS.Timeout | null = null
  let closed = false
  let started = false
  let lastCleanUp = 0
  function armSchedulerSoon() {
    if (!started || closed) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => void runScheduler(), 0)
    timer.unref()
  }
  async function runScheduler() {
    started = true
    if (timer) clearTimeout(timer)
    timer = null
    if (closed) return
    let sleep = SCHEDULER_MAX_SLEEP_MS
    try {
      const { published, unpublished, next } = await content.publishDue()
      if (Date.now() - lastCleanUp > CLEAN_UP_EVERY_MS) {
        lastCleanUp = Date.now()
        await staff.cleanUp()
      }
      if (published.length) http.log.info({ published }, 'scheduled articles went live')
      if (unpublished.length) http.log.info({ unpublished }, 'articles came down as scheduled')
      if (next) sleep = Math.min(sleep, Math.max(50, next.getTime() - clock.now().getTime()))
    } catch (err) {
      http.log.error({ err }, 'scheduler failed; retrying')
    }
    if (!closed) {
      timer = setTimeout(() => void runScheduler(), sleep)
      timer.unref()
    }
  }
  const unlisten = cache
    ? await storage.listen(
        purgeChannel,
        (payload) => {
          try {
            const msg = JSON.parse(payload) as { from?: string; keys?: unknown }
            if (msg.from === instance || !Array.isArray(msg.keys)) return
            const keys = msg.keys.filter((k): k is string => typeof k === 'string')
            content.forget(keys)
            cache.purge(keys)
          } catch {
            http.log.warn('ignored a malformed purge notification')
          }
        },
        {
          onError: (err) => http.log.error({ err }, 'lost the purge channel; reconnecting'),
          // Purges sent while we were away are lost: start again from nothing.
          onReconnect: () => {
            http.log.info('purge channel back; clearing the page cache')
            content.forget(['all'])
            cache.purge(['all'])
          },
        },
      )
    : async () => {}
  http.addHook('onClose', async () => {
    closed = true
    if (timer) clearTimeout(timer)
    await unlisten()
  })

  async function shutdown(graceMs: number) {
    await http.close()
    const deadline = Date.now() + graceMs
    while (requests.inFlight() > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20))
    }
    return { abandoned: requests.inFlight() }
  }

  return { http, content, repo, media, staff, newsletters, cache, runScheduler, shutdown }
}
