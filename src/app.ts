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
  createSiteTextRepository,
  createSiteTextService,
  type ContentService,
  type ContentRepository,
} from './content/index.js'
import { createMediaStore, type MediaStore } from './files/index.js'
import { type ErrorResponder, registerErrorHandling } from './http/errors.js'
import { PageCache } from './http/page-cache.js'
import { registerRequestBasics } from './http/responses.js'
import { useZodSchemas } from './http/schemas.js'
import { type Clock, systemClock } from './lib/clock.js'
import { createSite } from './site/site-plugin.js'
import { registerAdmin } from './admin/admin-plugin.js'
import { type MailTransport, silentLog, transportFromUrls } from './email/index.js'
import {
  createEditionRepository,
  createEditionSender,
  createEditionService,
  createNewsletterRepository,
  createNewsletterService,
  type EditionSender,
  type EditionService,
  createSubscriberRepository,
  createSubscriberService,
  type NewsletterService,
  type SubscriberService,
} from './newsletter/index.js'
import { createJobQueue, type JobQueue, type QueueName, type JobHandler } from './jobs/index.js'
import { articlePath } from './content/article.js'
import { readFileSync } from 'node:fs'
import { registerMailWebhook } from './webhooks/mail-webhook.js'
import {
  createContributionsRepository,
  createContributionsService,
  createStripeGateway,
  createTestGateway,
  parseCountry,
  type ContributionsService,
} from './contributions/index.js'
import { isQuiet } from './site/support-cookie.js'
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
  /** How often an idle job worker polls (default 1 s); tests lower it. */
  jobPollMs?: number
  /** How long a sender holds an edition without renewing (default 30 s); tests lower it. */
  sendLeaseMs?: number
}

export interface App {
  http: FastifyInstance
  content: ContentService
  repo: ContentRepository
  media: MediaStore
  staff: StaffService
  newsletters: NewsletterService
  editions: EditionService
  sender: EditionSender
  /** The job queue, made on first use (pg-boss on PostgreSQL, the job table on SQLite). */
  jobs: Pick<JobQueue, 'send'>
  /**
   * Runs the worker role in this process: takes jobs (edition sends) and ticks the
   * newsletter schedules every minute. Stops with the app.
   */
  startWorker(): Promise<void>
  subscribers: SubscriberService
  contributions: ContributionsService
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
  useZodSchemas(http)

  const mail =
    opts.mail ??
    transportFromUrls(config.SMTP_URL ? [config.SMTP_URL] : [], {
      dir: config.MAIL_DIR,
      log: opts.logger ? http.log : silentLog,
      maxConnections: config.SMTP_MAX_CONNECTIONS,
      ...(config.SMTP_RATE_LIMIT > 0 ? { rateLimit: config.SMTP_RATE_LIMIT } : {}),
      ...(config.DKIM_DOMAIN
        ? {
            dkim: {
              domainName: config.DKIM_DOMAIN,
              keySelector: config.DKIM_SELECTOR,
              privateKey: readFileSync(config.DKIM_PRIVATE_KEY_FILE, 'utf8'),
            },
          }
        : {}),
    })
  http.addHook('onClose', async () => {
    await mail.close()
  })
  const newsletterRepo = createNewsletterRepository(storage.db)
  const subscribers = createSubscriberService({
    repo: createSubscriberRepository(storage.db),
    newsletters: newsletterRepo,
    clock,
    signer: staff,
    siteName: config.SITE_NAME,
  })
  const newsletters = createNewsletterService({
    repo: newsletterRepo,
    clock,
    signer: staff,
    mail,
    mailFrom: config.MAIL_FROM,
    siteName: config.SITE_NAME,
    isSuppressed: subscribers.isSuppressed,
  })
  // The job queue is made when first needed: most web requests never touch it, and on
  // PostgreSQL making it starts pg-boss.
  let queue: Promise<JobQueue> | null = null
  const getQueue = () => {
    queue ??= createJobQueue(storage, { log: http.log, pollMs: opts.jobPollMs ?? 1000 }).catch(
      (err: unknown) => {
        queue = null
        throw err
      },
    )
    return queue
  }
  const jobs = {
    send: async (q: QueueName, data: Parameters<JobQueue['send']>[1], o?: { after?: Date }) =>
      (await getQueue()).send(q, data, o),
  }
  // Links in email need an address that works from anywhere: PUBLIC_URL. Without it (a
  // laptop demo) they point at this machine.
  const mailLinkOrigin = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`
  const editionRepo = createEditionRepository(storage.db)
  const articles = {
    summaries: async (ids: number[]) =>
      (await repo.summariesByIds(ids, clock.now())).map((a) => ({
        id: a.id,
        kicker: a.kicker,
        headline: a.headline,
        summary: a.summary,
        path: articlePath(a),
      })),
    // The newest published articles, each marked when it carries the editors' pick topic.
    recent: async (limit: number) => {
      const now = clock.now()
      const page = { limit, offset: 0 }
      const topic = await repo.findTopicBySlug(config.EDITORS_PICK_TOPIC)
      const [all, picks] = await Promise.all([
        repo.listPublished({ kind: 'all' }, page, now),
        topic ? repo.listPublished({ kind: 'topic', topicId: topic.id }, page, now) : null,
      ])
      const picked = new Set(picks?.items.map((a) => a.id))
      const byId = new Map([...all.items, ...(picks?.items ?? [])].map((a) => [a.id, a]))
      return [...byId.values()].map((a) => ({
        id: a.id,
        publishedAt: a.publishedAt,
        pick: picked.has(a.id),
      }))
    },
  }
  const sendLeaseMs = opts.sendLeaseMs ?? config.SEND_LEASE_SECONDS * 1000
  const sender = createEditionSender({
    editions: editionRepo,
    newsletters: newsletterRepo,
    articles,
    mail,
    clock,
    signer: staff,
    origin: mailLinkOrigin,
    siteName: config.SITE_NAME,
    mailFrom: config.MAIL_FROM,
    log: http.log,
    leaseMs: sendLeaseMs,
  })
  const editions = createEditionService({
    editions: editionRepo,
    newsletters: newsletterRepo,
    articles,
    jobs,
    mail,
    clock,
    origin: mailLinkOrigin,
    siteName: config.SITE_NAME,
    mailFrom: config.MAIL_FROM,
    log: http.log,
  })
  const siteText = createSiteTextService({
    repo: createSiteTextRepository(storage.db),
    // Every instance drops its copy of the page, not only this one.
    onChange: (keys) => {
      cache?.purge(keys)
      storage
        .notify(purgeChannel, JSON.stringify({ from: instance, keys }))
        .catch((err: unknown) => http.log.error({ err }, 'could not tell other instances to purge'))
    },
  })
  const stripeKey = config.STRIPE_SECRET_KEY
  const contributions = createContributionsService({
    repo: createContributionsRepository(storage.db),
    clock,
    // Without a key the test gateway stands in, except in production, where card is not offered.
    card: stripeKey
      ? createStripeGateway({ secretKey: stripeKey, apiUrl: config.STRIPE_API_URL })
      : config.NODE_ENV === 'production'
        ? null
        : createTestGateway(),
    siteName: config.SITE_NAME,
    defaultCurrency: config.CONTRIBUTION_CURRENCY,
    defaultLanguage: config.SITE_LANGUAGE,
    ...(stripeKey
      ? {
          stripe: {
            secretKey: stripeKey,
            webhookSecret: config.STRIPE_WEBHOOK_SECRET,
            apiUrl: config.STRIPE_API_URL,
          },
        }
      : {}),
    log: { info: (o, m) => http.log.info(o, m), warn: (o, m) => http.log.warn(o, m) },
    mail: { transport: mail, from: config.MAIL_FROM, signer: staff },
  })
  const site = createSite({
    newsletters,
    editions,
    subscribers,
    siteText,
    contributions,
    support: {
      hideDays: config.SUPPORTER_HIDE_DAYS,
      laterDays: config.REMIND_LATER_DAYS,
      countryHeader: config.COUNTRY_HEADER,
    },
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
    // A reader who contributed or said "later" gets pages without the banner and appeal.
    // Readers in a country with safety rules get theirs; everyone else shares one copy.
    // Every cached page goes through this: without a country header it answers at once,
    // with no promise to wait for.
    variantOf: (req) => {
      const cookie = req.headers.cookie
      if (cookie && isQuiet(cookie, clock.now())) return '#quiet'
      const country = config.COUNTRY_HEADER
        ? parseCountry(req.headers[config.COUNTRY_HEADER])
        : undefined
      if (!country) return ''
      return contributions.isRiskyAnywhere(country).then((risky) => (risky ? `#cc-${country}` : ''))
    },
  })
  site.register(http)
  registerMailWebhook(http, { subscribers, secret: config.MAIL_WEBHOOK_SECRET })
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
    editions,
    subscribers,
    siteText,
    onNewslettersChanged: () => cache?.purge(['all']),
    contributions,
    onAppealChanged: () => {
      cache?.purge(['appeal'])
      storage
        .notify(purgeChannel, JSON.stringify({ from: instance, keys: ['appeal'] }))
        .catch((err: unknown) => http.log.error({ err }, 'could not tell other instances to purge'))
    },
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
        const reminded = await contributions.sendDueReminders(config.PUBLIC_URL)
        if (reminded) http.log.info({ reminded }, 'sent contribution reminders')
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
            if (keys.includes('appeal') || keys.includes('all')) contributions.forgetAppeals()
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

  let tickTimer: NodeJS.Timeout | null = null
  async function startWorker() {
    const q = await getQueue()
    const sendJob: JobHandler = async (data) => {
      const id = Number(data['edition'])
      if (!Number.isSafeInteger(id)) return
      const outcome = await sender.send(id)
      if (outcome !== 'finished') http.log.info({ edition: id, outcome }, 'edition send job ended')
    }
    await q.work('edition.send', sendJob)
    const tick = async () => {
      try {
        await editions.tick()
      } catch (err) {
        http.log.error({ err }, 'newsletter schedule tick failed; trying again in a minute')
      }
      if (!closed) {
        // As often as a lease runs out, so a send whose worker died resumes promptly.
        tickTimer = setTimeout(() => void tick(), Math.min(60_000, sendLeaseMs))
        tickTimer.unref()
      }
    }
    await tick()
    http.log.info({ queue: q.kind }, 'worker started')
  }
  http.addHook('onClose', async () => {
    closed = true
    if (tickTimer) clearTimeout(tickTimer)
    if (queue) await (await queue).stop()
  })

  async function shutdown(graceMs: number) {
    await http.close()
    const deadline = Date.now() + graceMs
    while (requests.inFlight() > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20))
    }
    return { abandoned: requests.inFlight() }
  }

  return {
    http,
    content,
    repo,
    media,
    staff,
    newsletters,
    editions,
    sender,
    jobs,
    startWorker,
    subscribers,
    contributions,
    cache,
    runScheduler,
    shutdown,
  }
}
