import type { JobQueue } from './job-queue.js'

/** The job queue, made when first needed. */
export interface LazyJobQueue extends Pick<JobQueue, 'send' | 'depth'> {
  /** The queue, made now if it was not yet. A failed attempt is tried again on the next call. */
  get(): Promise<JobQueue>
  /** Stops the queue if it was ever made; nothing to do otherwise. */
  stop(): Promise<void>
}

/**
 * Most web requests never touch the queue, and on PostgreSQL making it starts pg-boss, so
 * nothing is made until a job is sent or a worker starts.
 */
export function lazyJobQueue(make: () => Promise<JobQueue>): LazyJobQueue {
  let queue: Promise<JobQueue> | null = null
  const get = () => {
    queue ??= make().catch((err: unknown) => {
      queue = null
      throw err
    })
    return queue
  }
  return {
    get,
    async send(name, data, opts) {
      return (await get()).send(name, data, opts)
    },
    async depth(name) {
      return (await get()).depth(name)
    },
    async stop() {
      if (queue) await (await queue).stop()
    },
  }
}
