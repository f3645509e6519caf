import crypto from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../storage/index.js'
import {
  type JobData,
  type JobHandler,
  type JobLog,
  type JobQueue,
  MAX_ATTEMPTS,
  type QueueName,
  retryDelayMs,
} from './job-queue.js'

export interface TableQueueOptions {
  /** How often an idle worker looks for jobs (default 1 s); a send from this process wakes it. */
  pollMs?: number
  /**
   * How long a claimed job stays ours without a renewal (default 60 s). A worker that dies
   * holds its jobs this long; then another worker takes them again.
   */
  lockMs?: number
  /** Completed jobs are deleted after this long (default 7 days). */
  keepMs?: number
  log: JobLog
}

/**
 * A durable job queue in our own `job` table, for SQLite, where there is no pg-boss. Works on
 * PostgreSQL too (claims are a single conditional UPDATE), which the tests use to check both.
 */
export function createTableQueue(db: Kysely<Database>, opts: TableQueueOptions): JobQueue {
  const pollMs = opts.pollMs ?? 1000
  const lockMs = opts.lockMs ?? 60_000
  const keepMs = opts.keepMs ?? 7 * 24 * 3600_000
  const me = crypto.randomUUID()
  const handlers = new Map<QueueName, JobHandler>()
  const running = new Set<Promise<void>>()
  let stopped = false
  const stopping = new AbortController()
  let timer: NodeJS.Timeout | null = null
  let looping = false
  let again = false
  let lastSweep = 0

  /** Takes the next due job of any queue we handle, or one whose worker stopped renewing. */
  async function claim(): Promise<
    { id: number; queue: QueueName; data: string; attempts: number } | undefined
  > {
    const now = Date.now()
    const queues = [...handlers.keys()]
    if (queues.length === 0) return undefined
    const due = db
      .selectFrom('job')
      .select('id')
      .where('queue', 'in', queues)
      .where((eb) =>
        eb.or([
          eb.and([eb('state', '=', 'created'), eb('run_at', '<=', now)]),
          eb.and([eb('state', '=', 'active'), eb('locked_until', '<', now)]),
        ]),
      )
      .orderBy('run_at')
      .orderBy('id')
      .limit(1)
    // The state test is repeated outside the subquery: on PostgreSQL two workers may pick the
    // same id, and the second one's UPDATE re-reads the row and then finds it taken.
    const row = await db
      .updateTable('job')
      .set({
        state: 'active',
        locked_by: me,
        locked_until: now + lockMs,
        attempts: sql`attempts + 1`,
      })
      .where('id', '=', due)
      .where((eb) => eb.or([eb('state', '=', 'created'), eb('locked_until', '<', now)]))
      .returning(['id', 'queue', 'data', 'attempts'])
      .executeTakeFirst()
    return row ? { ...row, queue: row.queue as QueueName } : undefined
  }

  async function runOne(job: { id: number; queue: QueueName; data: string; attempts: number }) {
    const handler = handlers.get(job.queue)!
    // Renew the lock while the handler runs, so a long send is not taken by another worker.
    const renew = setInterval(() => {
      db.updateTable('job')
        .set({ locked_until: Date.now() + lockMs })
        .where('id', '=', job.id)
        .where('locked_by', '=', me)
        .execute()
        .catch((err: unknown) => opts.log.error({ err, job: job.id }, 'could not renew a job lock'))
    }, lockMs / 3)
    renew.unref()
    try {
      await handler(JSON.parse(job.data) as JobData, stopping.signal)
      await db
        .updateTable('job')
        .set({ state: 'completed', finished_at: Date.now(), locked_until: null })
        .where('id', '=', job.id)
        .where('locked_by', '=', me)
        .execute()
    } catch (err) {
      const last = job.attempts >= MAX_ATTEMPTS
      opts.log.error(
        { err, job: job.id, queue: job.queue, attempt: job.attempts },
        last ? 'job failed for good' : 'job failed; will retry',
      )
      await db
        .updateTable('job')
        .set({
          state: last ? 'failed' : 'created',
          run_at: Date.now() + retryDelayMs(job.attempts),
          last_error: (err instanceof Error ? err.message : String(err)).slice(0, 2000),
          locked_until: null,
          finished_at: last ? Date.now() : null,
        })
        .where('id', '=', job.id)
        .where('locked_by', '=', me)
        .execute()
    } finally {
      clearInterval(renew)
    }
  }

  async function loop() {
    if (looping) {
      again = true
      return
    }
    looping = true
    try {
      do {
        again = false
        for (;;) {
          if (stopped) return
          const job = await claim()
          if (!job) break
          const p = runOne(job)
          running.add(p)
          await p.finally(() => running.delete(p))
        }
        if (Date.now() - lastSweep > 3600_000) {
          lastSweep = Date.now()
          await db
            .deleteFrom('job')
            .where('state', '=', 'completed')
            .where('finished_at', '<', Date.now() - keepMs)
            .execute()
        }
      } while (again && !stopped)
    } catch (err) {
      opts.log.error({ err }, 'job worker could not read the job table; will try again')
    } finally {
      looping = false
      schedule(pollMs)
    }
  }

  function schedule(ms: number) {
    if (stopped || handlers.size === 0) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => void loop(), ms)
    timer.unref()
  }

  return {
    kind: 'table',
    async send(queue, data: JobData, o = {}) {
      const now = Date.now()
      await db
        .insertInto('job')
        .values({
          queue,
          data: JSON.stringify(data),
          state: 'created',
          run_at: o.after ? o.after.getTime() : now,
          created_at: now,
          locked_by: null,
          locked_until: null,
          last_error: null,
          finished_at: null,
        })
        .execute()
      // A worker in this process need not wait for its next poll.
      if (handlers.has(queue)) schedule(0)
    },
    async depth(queue) {
      const r = await db
        .selectFrom('job')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('queue', '=', queue)
        .where('state', 'in', ['created', 'active'])
        .executeTakeFirst()
      return Number(r?.n ?? 0)
    },
    async work(queue, handler) {
      handlers.set(queue, handler)
      schedule(0)
    },
    async stop() {
      stopped = true
      stopping.abort()
      if (timer) clearTimeout(timer)
      await Promise.allSettled([...running])
    },
  }
}
