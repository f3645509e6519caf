/** Calls later. The scheduler and the worker wait through this, so tests fire them by hand. */
export interface Timers {
  /** Calls `fn` once after `ms`; the returned function cancels the call. */
  after(ms: number, fn: () => void): () => void
}

/**
 * Node's timers, unref'd: a wait for the next scheduled article or tick never keeps a
 * process alive on its own; the server or the queue does.
 */
export const realTimers: Timers = {
  after(ms, fn) {
    const t = setTimeout(fn, ms)
    t.unref()
    return () => clearTimeout(t)
  },
}
