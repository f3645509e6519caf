import type { FastifyInstance } from 'fastify'
import { type Kysely, sql } from 'kysely'
import { z } from 'zod'
import type { WorkerHealth } from '../jobs/heartbeat.js'
import type { Database } from '../storage/index.js'
import { typed } from './schemas.js'

export interface HealthOptions {
  /** Resolves when the database answers; rejects when it cannot. */
  ping: () => Promise<unknown>
  /**
   * What the workers' heartbeats say (jobs/heartbeat.ts). Absent: the answer has no `worker`
   * part and `?worker=required` is always 503.
   */
  worker?: () => Promise<WorkerHealth>
  /** How long the database may take before the answer is 503 (1,500 ms). */
  timeoutMs?: number
  /**
   * Which of `serve`'s web processes answers (WEB_PROCESSES above 1), so an operator can tell
   * them apart behind the one port; absent for a single process.
   */
  webProcess?: number
}

/** What /healthz says about the database. */
export type DatabaseHealth = 'ok' | 'unreachable' | 'timeout'

/** The workers' part of the answer; `unknown` when the database could not be asked. */
export type WorkerAnswer = WorkerHealth | { lastBeatAgeSeconds: null; state: 'unknown' }

/** The cheapest statement that proves a connection works on either dialect. */
export function databasePing(db: Kysely<Database>): () => Promise<unknown> {
  return () => sql`select 1`.execute(db)
}

/** `late` when `work` takes longer than `ms`, `failed` when it rejects. */
async function bounded<T>(work: () => Promise<T>, ms: number): Promise<T | 'late' | 'failed'> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms)
  })
  try {
    return await Promise.race([work().catch(() => 'failed' as const), late])
  } finally {
    clearTimeout(timer)
  }
}

async function checkDatabase(opts: HealthOptions): Promise<DatabaseHealth> {
  const r = await bounded(opts.ping, opts.timeoutMs ?? 1_500)
  return r === 'late' ? 'timeout' : r === 'failed' ? 'unreachable' : 'ok'
}

async function checkWorker(
  worker: () => Promise<WorkerHealth>,
  timeoutMs: number,
): Promise<WorkerAnswer> {
  const r = await bounded(worker, timeoutMs)
  return r === 'late' || r === 'failed' ? { lastBeatAgeSeconds: null, state: 'unknown' } : r
}

const HealthQuery = z.object({
  /** `required`: a fleet's worker check; no live worker makes the answer 503. */
  worker: z.enum(['required']).optional(),
})

/**
 * GET /healthz for load balancers, orchestrators and uptime checks, as JSON: `{ status,
 * database, worker }`. The code is the database's alone (200 when it answers within the
 * timeout, 503 otherwise), so a web process is not taken out of the balancer because the
 * worker is down; `?worker=required` is the check for the workers: 503 unless one has beaten
 * recently. Never cached, so a proxy cannot keep answering "ok" for a dead instance.
 */
export function registerHealth(app: FastifyInstance, opts: HealthOptions): void {
  const timeoutMs = opts.timeoutMs ?? 1_500
  typed(app).get('/healthz', { schema: { querystring: HealthQuery } }, async (req, reply) => {
    const [database, worker] = await Promise.all([
      checkDatabase(opts),
      opts.worker ? checkWorker(opts.worker, timeoutMs) : undefined,
    ])
    const workerOk = worker?.state === 'ok'
    const ok = database === 'ok' && (req.query.worker !== 'required' || workerOk)
    return reply
      .code(ok ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({
        status: ok ? 'ok' : 'unavailable',
        database,
        ...(worker ? { worker } : {}),
        ...(opts.webProcess ? { webProcess: opts.webProcess } : {}),
      })
  })
}
