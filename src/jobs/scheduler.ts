import type { Clock } from '../lib/clock.js'
import { realTimers, type Timers } from './timers.js'

/** How often the scheduler also runs the hourly chores (sessions, counters, reminders). */
export const CLEAN_UP_EVERY_MS = 60 * 60_000

/** Longest sleep between checks for scheduled articles, in case one was added elsewhere. */
export const SCHEDULER_MAX_SLEEP_MS = 60_000

/** The shortest wait before the next check, so a burst of due articles is not a busy loop. */
const MIN_SLEEP_MS = 50

export interface SchedulerDeps {
  /** Publishes and takes down what is due now; says when the next scheduled change falls. */
  publishDue(): Promise<{
    published: readonly number[]
    unpublished: readonly number[]
    next: Date | null
  }>
  /** Sweeps expired sessions and old counters (hourly). */
  cleanUp(): Promise<void>
  /** Sends the contribution reminders that are due (hourly); returns how many went out. */
  sendReminders(): Promise<number>
  clock: Clock
  log: { info(o: object, m: string): void; error(o: object, m: string): void }
  timers?: Timers
}

/**
 * The scheduler of a serving process: it publishes scheduled articles when their time comes,
 * sleeping until the next one (at most a minute), and does the hourly chores on the way.
 */
export interface Scheduler {
  /** Publishes what is due now and arms the timer for the next check. */
  run(): Promise<void>
  /**
   * Content changed: a new or moved scheduled article may be due sooner than the armed timer
   * knows, so check at once. Does nothing before the first `run` or after `stop`.
   */
  soon(): void
  /** Cancels the timer; later calls do nothing. */
  stop(): void
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const timers = deps.timers ?? realTimers
  let cancel: (() => void) | null = null
  let started = false
  let stopped = false
  let lastCleanUp: number | null = null

  function arm(ms: number) {
    cancel?.()
    cancel = timers.after(ms, () => void run())
  }

  async function hourly(now: number) {
    if (lastCleanUp !== null && now - lastCleanUp <= CLEAN_UP_EVERY_MS) return
    lastCleanUp = now
    await deps.cleanUp()
    const reminded = await deps.sendReminders()
    if (reminded) deps.log.info({ reminded }, 'sent contribution reminders')
  }

  async function run() {
    started = true
    cancel?.()
    cancel = null
    if (stopped) return
    let sleep = SCHEDULER_MAX_SLEEP_MS
    try {
      const { published, unpublished, next } = await deps.publishDue()
      await hourly(deps.clock.now().getTime())
      if (published.length) deps.log.info({ published }, 'scheduled articles went live')
      if (unpublished.length) deps.log.info({ unpublished }, 'articles came down as scheduled')
      if (next) {
        const wait = next.getTime() - deps.clock.now().getTime()
        sleep = Math.min(sleep, Math.max(MIN_SLEEP_MS, wait))
      }
    } catch (err) {
      deps.log.error({ err }, 'scheduler failed; retrying')
    }
    if (!stopped) arm(sleep)
  }

  return {
    run,
    soon() {
      if (started && !stopped) arm(0)
    },
    stop() {
      stopped = true
      cancel?.()
      cancel = null
    },
  }
}
