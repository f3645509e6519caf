import type { Storage } from '../storage/index.js'
import type { JobLog, JobQueue } from './job-queue.js'
import { createTableQueue } from './table-queue.js'

export type { JobData, JobHandler, JobQueue, QueueName, JobLog } from './job-queue.js'
export { createTableQueue } from './table-queue.js'
export { jobSchemaFor } from './pgboss-schema.js'
export {
  HEARTBEAT_EVERY_MS,
  createWorkerHeartbeat,
  heartbeatWork,
  workerHealth,
  workerHealthCheck,
  type WorkerHealth,
  type WorkerState,
} from './heartbeat.js'
export { createHeartbeatRepository, type HeartbeatRepository } from './heartbeat-repository.js'
export { lazyJobQueue, type LazyJobQueue } from './lazy-queue.js'
export { createScheduler, type Scheduler, type SchedulerDeps } from './scheduler.js'
export { realTimers, type Timers } from './timers.js'
export {
  createWorker,
  type Tick,
  type Worker,
  type WorkerDeps,
  type WorkerDuties,
} from './worker.js'

/** pg-boss on PostgreSQL, our job table on SQLite (ADR 008). */
export async function createJobQueue(
  storage: Storage,
  opts: { log: JobLog; pollMs?: number },
): Promise<JobQueue> {
  if (storage.dialect === 'postgres') {
    // Loaded when the queue is first needed, not at every start.
    const { createPgBossQueue } = await import('./pgboss-queue.js')
    return createPgBossQueue(storage, {
      log: opts.log,
      pollingIntervalSeconds: Math.max(0.5, (opts.pollMs ?? 2000) / 1000),
    })
  }
  return createTableQueue(storage.db, { log: opts.log, pollMs: opts.pollMs ?? 1000 })
}
