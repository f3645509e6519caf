import type { FastifyInstance } from 'fastify'
import type { Config } from '../config.js'
import type { ContributionsService } from '../contributions/index.js'
import { databasePing, registerHealth } from '../http/health.js'
import { registerMetrics } from '../http/metrics.js'
import type { PageCache } from '../http/page-cache.js'
import { createWorkerHeartbeat, type JobQueue } from '../jobs/index.js'
import type { Clock } from '../lib/clock.js'
import type { EditionService, SubscriberService } from '../newsletter/index.js'
import type { Storage } from '../storage/index.js'
import { registerMailWebhook } from '../webhooks/mail-webhook.js'
import { registerStripeWebhook } from '../webhooks/stripe-webhook.js'

/**
 * What operators and providers call, beside the reader site and the admin: /healthz (with the
 * workers' heartbeat, which this makes), /metrics, and the mail and payment webhooks.
 */
export async function registerOperations(
  http: FastifyInstance,
  config: Config,
  d: {
    storage: Storage
    clock: Clock
    cache: PageCache | null
    queue: Pick<JobQueue, 'depth'>
    editions: Pick<EditionService, 'sendProgress'>
    subscribers: SubscriberService
    contributions: ContributionsService
  },
) {
  const heartbeat = createWorkerHeartbeat(d.storage.db, d.clock, config.WORKER_STALE_SECONDS * 1000)
  registerHealth(http, {
    ping: databasePing(d.storage.db),
    worker: heartbeat.health,
    ...(config.MASTHEAD_WEB_PROCESS ? { webProcess: config.MASTHEAD_WEB_PROCESS } : {}),
  })
  const cache = d.cache
  await registerMetrics(http, {
    token: config.METRICS_TOKEN,
    ...(cache ? { pageCache: () => cache.stats() } : {}),
    queueDepth: async () => ({
      'edition.send': await d.queue.depth('edition.send'),
      'staff.mail': await d.queue.depth('staff.mail'),
    }),
    sendProgress: () => d.editions.sendProgress(),
  })
  registerMailWebhook(http, { subscribers: d.subscribers, secret: config.MAIL_WEBHOOK_SECRET })
  registerStripeWebhook(http, { contributions: d.contributions })
  return heartbeat
}
