import type { FastifyInstance } from 'fastify'
import type { Logger } from 'pino'
import { type Config, siteWords, trustProxyOption } from './config.js'
import {
  createContentRepository,
  createContentService,
  createSiteTextRepository,
  createSiteTextService,
  type ContentService,
  type ContentRepository,
} from './content/index.js'
import { createMediaStore, type MediaStore } from './files/index.js'
import { PageCache } from './http/page-cache.js'
import { createPurgeBus } from './http/purge-bus.js'
import { staffMailData, staffMailWork } from './staff/staff-mail.job.js'
import { registerRequestBasics } from './http/responses.js'
import { createServer, drain } from './http/server.js'
import { type Clock, systemClock } from './lib/clock.js'
import { createSite } from './site/plugin.js'
import { createRateLimitCounter, rateLimitStore } from './http/rate-limit.js'
import { type RegisteredAdminRoute, registerAdmin } from './admin/plugin.js'
import { type MailTransport, silentLog, transportFromSettings } from './email/index.js'
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
  sendBlocker,
} from './newsletter/index.js'
import { createEditionArticles } from './newsletter/editors-picks.js'
import { editionWork } from './newsletter/send-edition.job.js'
import {
  createJobQueue,
  createScheduler,
  createWorker,
  lazyJobQueue,
  type JobQueue,
} from './jobs/index.js'
import type { ContributionsService } from './contributions/index.js'
import { contributionsFromConfig } from './wiring/contributions.js'
import { registerOperations } from './wiring/operations.js'
import { type RedirectService, redirectsFor } from './wiring/imports.js'
import { type ImportEnv, type ImportRuns, importRunsFor } from './wiring/import-runs.js'
import { createStaffRepository, createStaffService, type StaffService } from './staff/index.js'
import type { Storage } from './storage/index.js'
import {
  createReachRepository,
  createReachService,
  footerAdder,
  footerTransport,
  loadKeyFile,
  type ReachService,
} from './reach/index.js'

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
  jobs: Pick<JobQueue, 'send' | 'depth'>
  /**
   * Runs the worker role in this process: takes jobs (edition sends) and ticks the
   * newsletter schedules every minute. Stops with the app.
   */
  startWorker(): Promise<void>
  subscribers: SubscriberService
  contributions: ContributionsService
  /** The newsroom's addresses: the admin's list, /reach.json, the email footer. */
  reach: ReachService
  /** Old addresses answered with 301 (ADR 025): the site, the admin, the importers. */
  redirects: RedirectService
  /** Imports started in the admin, run by the worker (ADR 029); what any import writes with. */
  importRuns: ImportRuns
  importEnv: () => ImportEnv
  /** The offline edition as a file (ADR 021): for `export edition` and the SOS email. */
  offlineEdition: ReturnType<typeof createSite>['offlineEditions']['build']
  cache: PageCache | null
  /** Publishes due scheduled articles now and arms the timer for the next one. */
  runScheduler(): Promise<void>
  /**
   * Stops taking requests, waits up to `graceMs` for those in flight, then returns. The
   * caller closes the database after this.
   */
  shutdown(graceMs: number): Promise<{ abandoned: number }>
  /** Every route the admin registered, with its permission (for the role × route test). */
  adminRoutes: readonly RegisteredAdminRoute[]
}

/**
 * The one composition root: builds every repository and service from its dependencies,
 * registers the surfaces on one Fastify instance, and hands back the roles a process can
 * take (serve, run the scheduler, work jobs). It holds no rules and runs nothing itself.
 */
export async function buildApp(opts: AppOptions): Promise<App> {
  const { config, storage } = opts
  const clock = opts.clock ?? systemClock
  const cache = config.PAGE_CACHE ? new PageCache(config.PAGE_CACHE_MAX_MB * 1024 * 1024) : null
  const http = createServer({
    trustProxy: trustProxyOption(config.TRUST_PROXY),
    logger: opts.logger,
    // The site draws the error page; it is built below, before any request can fail.
    errors: { renderError: (...args) => site.renderError(...args) },
  })
  const log = http.log
  // Every email ends with the newsroom's addresses, in its own language (reach/footer.ts).
  const rawMail = opts.mail ?? transportFromSettings(config, opts.logger ? log : silentLog)
  const addFooter = footerAdder((language) => reach.footer(language))
  const mail = footerTransport(rawMail, addFooter)
  // Every instance on the same PostgreSQL database hears every other's purges.
  const purges = createPurgeBus({
    storage,
    cache,
    log,
    forget: (keys) => {
      content.forget(keys)
      if (keys.includes('appeal') || keys.includes('all')) contributions.forgetAppeals()
      reach.forget(keys)
      if (keys.includes('redirects') || keys.includes('all')) redirects.forget()
    },
  })
  const redirects = redirectsFor(storage, clock, () => purges.purge(['redirects']))
  const reach = createReachService({
    repo: createReachRepository(storage.db),
    clock,
    siteName: config.SITE_NAME,
    key: config.REACH_KEY_FILE ? loadKeyFile(config.REACH_KEY_FILE) : null,
    onChange: (keys) => purges.purge(keys),
  })

  const repo = createContentRepository(storage.db, storage.dialect)
  const content = createContentService({
    repo,
    clock,
    defaultLanguage: config.SITE_LANGUAGE,
    timeZone: config.TIME_ZONE,
    onChange: (keys) => {
      purges.purge(keys)
      // A new or moved scheduled article may be due sooner than the timer knows.
      scheduler.soon()
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
  const perLanguage = { siteNames: config.SITE_NAMES, languages: config.SITE_LANGUAGES }
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
    ...perLanguage,
  })
  const queue = lazyJobQueue(() => createJobQueue(storage, { log, pollMs: opts.jobPollMs ?? 1000 }))
  // Links in email need an address that works from anywhere: PUBLIC_URL; else this machine.
  const mailLinkOrigin = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`
  const sendBlocked = sendBlocker({
    production: config.NODE_ENV === 'production',
    publicUrl: config.PUBLIC_URL,
  })
  if (sendBlocked) log.warn(sendBlocked)
  const editionRepo = createEditionRepository(storage.db)
  const articles = createEditionArticles({
    repo,
    clock,
    pickTopic: config.EDITORS_PICK_TOPIC,
    languages: config.SITE_LANGUAGES,
  })
  const sendLeaseMs = opts.sendLeaseMs ?? config.SEND_LEASE_SECONDS * 1000
  const sender = createEditionSender({
    editions: editionRepo,
    newsletters: newsletterRepo,
    articles,
    mail: rawMail,
    addToEmail: addFooter,
    clock,
    signer: staff,
    origin: mailLinkOrigin,
    blocked: sendBlocked,
    siteName: config.SITE_NAME,
    ...perLanguage,
    mailFrom: config.MAIL_FROM,
    log,
    leaseMs: sendLeaseMs,
    // The emergency email carries the offline edition (at most 2 MB): readers whose every
    // address is blocked still get the news. Built when a send starts; `site` exists by then.
    attachment: () => site.offlineEditions.build(),
  })
  const editions = createEditionService({
    editions: editionRepo,
    newsletters: newsletterRepo,
    articles,
    jobs: queue,
    mail,
    clock,
    origin: mailLinkOrigin,
    blocked: sendBlocked,
    timeZone: config.TIME_ZONE,
    siteName: config.SITE_NAME,
    mailFrom: config.MAIL_FROM,
    log,
    emergency: { sosActive: async () => (await reach.sos.status()).on, addresses: reach.lines },
  })
  const siteText = createSiteTextService({
    repo: createSiteTextRepository(storage.db),
    // Every instance drops its copy of the page, not only this one.
    onChange: (keys) => purges.purge(keys),
  })
  const contributions = contributionsFromConfig(config, {
    storage,
    clock,
    log,
    mail,
    signer: staff,
  })
  const site = createSite({
    newsletters,
    editions,
    subscribers,
    siteText,
    contributions,
    reach,
    redirects,
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
        ...siteWords(config),
        language: config.SITE_LANGUAGE,
        languages: config.SITE_LANGUAGES,
        timeZone: config.TIME_ZONE,
        logo: config.SITE_LOGO_URL,
        feedIdAuthority: config.FEED_ID_AUTHORITY,
      },
    },
    media,
    cache,
    publicUrl: config.PUBLIC_URL,
    ...(opts.sitemapPerFile ? { sitemapPerFile: opts.sitemapPerFile } : {}),
    // Counted in the database so every instance shares one count; addresses stored as a
    // keyed hash only.
    rateLimitStore: rateLimitStore(
      createRateLimitCounter(storage.db, {
        hashKey: (key) => staff.sign(`rate-limit:${key}`),
        onSweepError: (err) => http.log.warn({ err }, 'could not delete ended rate-limit windows'),
      }),
    ),
  })
  const requests = registerRequestBasics(http, {
    cache,
    onionUrl: config.ONION_URL,
    hstsMaxAge: config.HSTS_MAX_AGE,
    allowedHosts: config.ALLOWED_HOSTS,
    ...site.requestBasics,
  })
  site.register(http)
  const heartbeat = await registerOperations(http, config, {
    storage,
    clock,
    cache,
    queue,
    editions,
    subscribers,
    contributions,
  })
  const imports = importRunsFor(storage, { config, clock, queue, log }, () => ({
    ...{ repo, redirects, media, subscribers, newsletters, purges, scheduler },
  }))
  const adminRoutes = await registerAdmin(http, {
    ...{ content, repo, media, staff },
    queueStaffMail: (m) => queue.send('staff.mail', staffMailData(m)),
    ...{ mailFrom: config.MAIL_FROM, siteName: config.SITE_NAME, timeZone: config.TIME_ZONE },
    languages: config.SITE_LANGUAGES,
    renderPreview: site.renderPreview,
    ...{ publicUrl: config.PUBLIC_URL, allowedHosts: config.ALLOWED_HOSTS },
    ...{ newsletters, editions, subscribers, siteText },
    onNewslettersChanged: () => purges.purge(['all']),
    contributions,
    onAppealChanged: () => purges.purge(['appeal']),
    reach,
    ...{ redirects, imports: imports.runs },
  })

  const scheduler = createScheduler({
    publishDue: () => content.publishDue(),
    cleanUp: () => staff.cleanUp(),
    sendReminders: () => contributions.sendDueReminders(config.PUBLIC_URL),
    clock,
    log,
  })
  const unlisten = await purges.listen()

  const worker = createWorker({
    queue: queue.get,
    duties: [
      editionWork({ sender, editions, leaseMs: sendLeaseMs, log }),
      staffMailWork({
        staff,
        mail,
        siteName: config.SITE_NAME,
        mailFrom: config.MAIL_FROM ?? '',
        log,
      }),
      heartbeat.duty,
      imports.duty,
    ],
    log,
  })
  // One shutdown, in order: what writes (ticks, jobs, the scheduler) stops before what it
  // writes with (mail), and all of it before the caller closes the database. A send cut off by
  // a closed mail transport would fail its job while the queue is being stopped.
  http.addHook('onClose', async () => {
    scheduler.stop()
    await worker.stop()
    await queue.stop()
    // Seen alive until its last job is done: the row goes only after the queue has drained.
    await heartbeat.forget().catch((err: unknown) => log.error({ err }, 'heartbeat row kept'))
    await unlisten()
    await mail.close()
  })

  return {
    http,
    content,
    repo,
    media,
    staff,
    newsletters,
    editions,
    sender,
    jobs: { send: queue.send, depth: queue.depth },
    startWorker: worker.start,
    subscribers,
    contributions,
    reach,
    ...{ redirects, importRuns: imports.runs, importEnv: imports.env },
    offlineEdition: site.offlineEditions.build,
    cache,
    runScheduler: scheduler.run,
    shutdown: (graceMs) => drain(http, requests.inFlight, graceMs),
    adminRoutes,
  }
}
