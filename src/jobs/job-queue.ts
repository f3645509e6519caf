/** Work that must happen even if the process that asked for it dies: sending an edition, say. */

/** The queues there are. A name here is a promise that some worker handles it. */
export type QueueName = 'edition.send' | 'newsletter.schedule' | 'staff.mail' | 'import.run'

export type JobData = Record<string, string | number | boolean | null>

/**
 * Runs one job. It may run more than once (a worker died halfway, or a job was sent twice), so
 * every handler must be safe to repeat: the outcome lives in the database, not in the job.
 * `signal` aborts when the queue is stopped: a long handler ends early at a safe point and
 * leaves the rest for a later run (returning normally; see the editions' schedule tick).
 */
export type JobHandler = (data: JobData, signal?: AbortSignal) => Promise<void>

export interface JobQueue {
  /** `table` on SQLite (our own job table), `pg-boss` on PostgreSQL. */
  readonly kind: 'table' | 'pg-boss'
  /** Adds a job, to run as soon as a worker is free or not before `after`. */
  send(queue: QueueName, data: JobData, opts?: { after?: Date }): Promise<void>
  /** Jobs of `queue` not yet done (waiting, to be retried or running): the queue's depth. */
  depth(queue: QueueName): Promise<number>
  /** Starts taking jobs from `queue` in this process. */
  work(queue: QueueName, handler: JobHandler): Promise<void>
  /**
   * Stops taking jobs, aborts the signal the running handlers were given, and waits for them
   * to finish. Safe to call twice.
   */
  stop(): Promise<void>
}

export interface JobLog {
  error(obj: object, msg: string): void
  info(obj: object, msg: string): void
}

/** A job that fails is tried again after 5 s, 20 s, 45 s…, then left failed with its error. */
export const MAX_ATTEMPTS = 5

export function retryDelayMs(attempts: number): number {
  return 5_000 * attempts * attempts
}
