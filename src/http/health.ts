import type { FastifyInstance } from 'fastify'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../storage/index.js'

export interface HealthOptions {
  /** Resolves when the database answers; rejects when it cannot. */
  ping: () => Promise<unknown>
  /** How long the database may take before the answer is 503 (1,500 ms). */
  timeoutMs?: number
}

/** What /healthz says about the database. */
export type DatabaseHealth = 'ok' | 'unreachable' | 'timeout'

/** The cheapest statement that proves a connection works on either dialect. */
export function databasePing(db: Kysely<Database>): () => Promise<unknown> {
  return () => sql`select 1`.execute(db)
}

async function checkDatabase(opts: HealthOptions): Promise<DatabaseHealth> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<DatabaseHealth>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), opts.timeoutMs ?? 1_500)
  })
  try {
    return await Promise.race([
      opts.ping().then(
        () => 'ok' as const,
        () => 'unreachable' as const,
      ),
      late,
    ])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * GET /healthz for load balancers, orchestrators and uptime checks: 200 when the database answers
 * within the timeout, 503 otherwise, with `{ status, database }` as JSON. Never cached, so a
 * proxy cannot keep answering "ok" for a dead instance.
 */
export function registerHealth(app: FastifyInstance, opts: HealthOptions): void {
  app.get('/healthz', async (_req, reply) => {
    const database = await checkDatabase(opts)
    const ok = database === 'ok'
    return reply
      .code(ok ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({ status: ok ? 'ok' : 'unavailable', database })
  })
}
