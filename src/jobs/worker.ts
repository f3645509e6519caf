import type { JobHandler, JobQueue, QueueName } from './job-queue.js'
import { realTimers, type Timers } from './timers.js'

/** Work every worker repeats on an interval, job or no job: making the editions that are due. */
export interface Tick {
  run(): Promise<void>
  everyMs: number
  /** Logged with the error when a tick fails; the next tick comes all the same. */
  failed: string
}

/** What a domain gives the worker role: a handler per queue it owns, and a tick if it needs one. */
export interface WorkerDuties {
  handlers: Partial<Record<QueueName, JobHandler>>
  tick?: Tick
  /**
   * Undone when the worker stops cleanly, after its ticks have ended (the heartbeat deletes
   * its row). Not called for a worker that never started.
   */
  stop?: () => Promise<void>
}

export interface WorkerDeps {
  /** The queue to take jobs from (made on first use: see `lazyJobQueue`). */
  queue(): Promise<JobQueue>
  duties: readonly WorkerDuties[]
  log: {
    info(o: object, m: string): void
    error(o: object, m: string): void
    debug?(o: object, m: string): void
  }
  timers?: Timers
}

/**
 * The worker role: takes jobs and keeps the ticks, in `masthead worker` or inside
 * `masthead serve` when WORKER=on.
 */
export interface Worker {
  /** Starts taking jobs and runs each tick once before it returns, then on its interval. */
  start(): Promise<void>
  /**
   * Cancels the ticks and resolves once a tick still running has finished, so that the
   * database can be closed after it. The queue is stopped by its owner (`LazyJobQueue.stop`).
   */
  stop(): Promise<void>
}

export function createWorker(deps: WorkerDeps): Worker {
  const timers = deps.timers ?? realTimers
  const cancels = new Set<() => void>()
  const running = new Set<Promise<void>>()
  let stopped = false
  let started = false

  function keep(tick: Tick) {
    const once = async () => {
      try {
        await tick.run()
        deps.log.debug?.({ everyMs: tick.everyMs }, 'worker tick done')
      } catch (err) {
        deps.log.error({ err }, tick.failed)
      }
      if (stopped) return
      const cancel = timers.after(tick.everyMs, () => {
        cancels.delete(cancel)
        const run = once()
        running.add(run)
        void run.finally(() => running.delete(run))
      })
      cancels.add(cancel)
    }
    return once()
  }

  return {
    async start() {
      started = true
      const q = await deps.queue()
      for (const duty of deps.duties) {
        for (const [name, handler] of Object.entries(duty.handlers)) {
          if (handler) await q.work(name as QueueName, handler)
        }
      }
      for (const duty of deps.duties) if (duty.tick) await keep(duty.tick)
      deps.log.info({ queue: q.kind }, 'worker started')
    },
    async stop() {
      stopped = true
      for (const cancel of cancels) cancel()
      cancels.clear()
      await Promise.allSettled([...running])
      if (!started) return
      for (const duty of deps.duties) {
        await duty
          .stop?.()
          .catch((err: unknown) => deps.log.error({ err }, 'a worker duty did not stop cleanly'))
      }
    },
  }
}
