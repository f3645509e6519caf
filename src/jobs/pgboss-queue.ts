import type { Storage } from '../storage/index.js'
import { jobSchemaFor } from './pgboss-schema.js'
import {
  type JobData,
  type JobHandler,
  type JobLog,
  type JobQueue,
  MAX_ATTEMPTS,
  type QueueName,
} from './job-queue.js'

export interface PgBossQueueOptions {
  /** How often an idle worker asks for jobs, in seconds (pg-boss 10's minimum is 0.5). */
  pollingIntervalSeconds?: number
  log: JobLog
}

/**
 * The job queue on PostgreSQL: pg-boss 10, through our own connection pool. Starting it
 * creates or upgrades its tables.
 */
export async function createPgBossQueue(
  storage: Storage,
  opts: PgBossQueueOptions,
): Promise<JobQueue> {
  const executeSql = storage.executeSql
  if (!executeSql) throw new Error('pg-boss needs a PostgreSQL storage')
  // pg-boss 10's stop() can resolve while a handler still runs, and it does not await the
  // complete/fail statement that follows a handler: handlers and statements are tracked here,
  // and stop() waits for the last of both before the pool may close.
  const inFlight = new Set<Promise<unknown>>()
  const handling = new Set<Promise<unknown>>()
  const tracked = (text: string, values: unknown[] = []) => {
    const p = executeSql(text, values)
    inFlight.add(p)
    void p.then(
      () => inFlight.delete(p),
      () => inFlight.delete(p),
    )
    return p as Promise<{ rows: never[] }>
  }
  // Loaded here, not at the top: an import of an external package anywhere in the bundle is
  // hoisted to its start, and pg-boss (with pg) took ~85 ms of every cold start, SQLite's too.
  const { default: PgBoss } = await import('pg-boss')
  const boss = new PgBoss({
    db: { executeSql: tracked },
    schema: jobSchemaFor(storage),
    retryLimit: MAX_ATTEMPTS - 1,
    retryDelay: 5,
    retryBackoff: true,
    // A worker that dies mid-job holds it this long; handlers resume from the database anyway.
    expireInHours: 4,
  })
  boss.on('error', (err) => opts.log.error({ err }, 'pg-boss reported an error'))
  await boss.start()
  const created = new Set<string>()
  async function ensureQueue(name: QueueName) {
    if (created.has(name)) return
    // createQueue is idempotent in pg-boss 10 (insert … on conflict do nothing), but it attaches
    // a partition to the job table without a lock of its own: two workers starting together
    // (or one creating a queue while another fetches jobs) can deadlock. PostgreSQL then
    // aborts one of them, which may simply try again.
    await retryOnDeadlock(() => boss.createQueue(name))
    created.add(name)
  }
  let stopped = false
  const stopping = new AbortController()
  return {
    kind: 'pg-boss',
    async send(queue, data: JobData, o = {}) {
      await ensureQueue(queue)
      await boss.send(queue, data, o.after ? { startAfter: o.after } : {})
    },
    async depth(queue) {
      // created, retry and active come before completed in pg-boss's state order.
      return (await boss.getQueueSize(queue, { before: 'completed' })) ?? 0
    },
    async work(queue, handler: JobHandler) {
      await ensureQueue(queue)
      await boss.work<JobData>(
        queue,
        { batchSize: 1, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 },
        async (jobs) => {
          for (const job of jobs) {
            const run = handler(job.data, stopping.signal)
            handling.add(run)
            try {
              await run
            } catch (err) {
              opts.log.error({ err, queue }, 'job failed; pg-boss will retry it')
              throw err
            } finally {
              handling.delete(run)
            }
          }
        },
      )
    },
    async stop() {
      if (stopped) return
      stopped = true
      stopping.abort()
      // close: false: the pool is ours and closes with the storage.
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 30_000 })
      // The bookkeeping after the last handler starts a few ticks later (see `tracked`).
      do {
        await Promise.allSettled([...handling])
        await new Promise((r) => setImmediate(r))
        await Promise.allSettled([...inFlight])
      } while (inFlight.size > 0 || handling.size > 0)
    },
  }
}

/** PostgreSQL's code for a transaction it aborted to break a deadlock. */
const DEADLOCK = '40P01'

/**
 * Runs `fn` again when PostgreSQL aborted it to break a deadlock, as its documentation advises,
 * after a short random wait so the two sides do not meet again; up to five tries.
 */
export async function retryOnDeadlock<T>(fn: () => Promise<T>, tries = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn()
    } catch (err) {
      if ((err as { code?: unknown }).code !== DEADLOCK || attempt >= tries) throw err
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 200 * attempt))
    }
  }
}
