import crypto from 'node:crypto'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { Registry } from 'prom-client'
import { AppError } from '../lib/errors.js'
import type { PageCacheStats } from './page-cache.js'
import { observeFrontAnswers } from './server.js'

export interface MetricsSources {
  /** The page cache's counters, when the cache is on. */
  pageCache?: () => PageCacheStats
  /** Jobs not yet done, per queue. */
  queueDepth?: () => Promise<Record<string, number>>
  /** Recipients per delivery state, per edition that is sending now. */
  sendProgress?: () => Promise<Map<number, Record<string, number>>>
}

export interface MetricsOptions extends MetricsSources {
  /** METRICS_TOKEN: without it /metrics does not exist (404). */
  token?: string | undefined
}

/**
 * GET /metrics in Prometheus' text format (prom-client): requests by route pattern, method and
 * status; the page cache's hits, misses and size; each queue's depth; the progress of sends;
 * and Node's own (event-loop lag, memory, GC). Closed unless METRICS_TOKEN is set, then only
 * with `Authorization: Bearer <token>`; anything else gets the same 404 as a missing page, so
 * the endpoint does not announce itself. A scrape never touches the page cache. Resolves to the
 * registry, or null when closed.
 */
export async function registerMetrics(
  app: FastifyInstance,
  opts: MetricsOptions,
): Promise<Registry | null> {
  const notFound = (reply: FastifyReply): never => {
    reply.header('cache-control', 'no-store')
    throw new AppError('NOT_FOUND', { status: 404, message: 'Page not found' })
  }
  if (!opts.token) {
    // Closed: no hook on every request and no collectors, for figures nobody may read.
    app.get('/metrics', async (_req, reply) => notFound(reply))
    return null
  }
  // prom-client is read only when metrics are on: a site without them does not load it.
  const { Counter, Gauge, Registry, collectDefaultMetrics } = await import('prom-client')
  const register = new Registry()
  collectDefaultMetrics({ register, prefix: 'masthead_' })

  // Label by route pattern, never by URL: the number of series stays bounded whatever is asked.
  const requests = new Counter({
    name: 'masthead_http_requests_total',
    help: 'HTTP answers by route pattern, method and status code.',
    labelNames: ['route', 'method', 'status'],
    registers: [register],
  })
  app.addHook('onResponse', (req, reply, done) => {
    requests.inc({
      route: req.routeOptions.url ?? '(no route)',
      method: req.method,
      status: String(reply.statusCode),
    })
    done()
  })
  // The page cache's hits are answered before Fastify (ADR 039): counted the same way.
  observeFrontAnswers(app, (route, method, status) => {
    requests.inc({ route, method, status: String(status) })
  })

  if (opts.pageCache) {
    const stats = opts.pageCache
    const gauge = (name: string, help: string, pick: (s: PageCacheStats) => number) =>
      new Gauge({
        name,
        help,
        registers: [register],
        collect() {
          this.set(pick(stats()))
        },
      })
    gauge('masthead_page_cache_hits', 'Pages answered from the cache since start.', (s) => s.hits)
    gauge('masthead_page_cache_misses', 'Cacheable pages rendered since start.', (s) => s.misses)
    gauge('masthead_page_cache_entries', 'Pages held now.', (s) => s.entries)
    gauge('masthead_page_cache_bytes', 'Bytes of gzip held now.', (s) => s.bytes)
  }
  if (opts.queueDepth) {
    const depth = opts.queueDepth
    new Gauge({
      name: 'masthead_queue_depth',
      help: 'Jobs waiting, to be retried or running, per queue.',
      labelNames: ['queue'],
      registers: [register],
      async collect() {
        this.reset()
        for (const [queue, n] of Object.entries(await depth())) this.set({ queue }, n)
      },
    })
  }
  if (opts.sendProgress) {
    const progress = opts.sendProgress
    new Gauge({
      name: 'masthead_edition_send_recipients',
      help: 'Recipients of each edition sending now, per delivery state.',
      labelNames: ['edition', 'state'],
      registers: [register],
      async collect() {
        this.reset()
        for (const [edition, counts] of await progress()) {
          for (const [state, n] of Object.entries(counts)) {
            this.set({ edition: String(edition), state }, n)
          }
        }
      },
    })
  }

  const expected = Buffer.from(`Bearer ${opts.token}`)
  const allowed = (header: string | undefined) => {
    if (!header) return false
    const given = Buffer.from(header)
    return given.length === expected.length && crypto.timingSafeEqual(given, expected)
  }
  app.get('/metrics', async (req, reply) => {
    if (!allowed(req.headers.authorization)) notFound(reply)
    return reply
      .header('content-type', register.contentType)
      .header('cache-control', 'no-store')
      .send(await register.metrics())
  })
  return register
}
