import type { Timers } from '../../src/jobs/timers.js'

/** Timers that fire only when a test says so: `fire()` runs the calls that are due. */
export function fakeTimers(): Timers & {
  /** The delays of the calls still waiting, in the order they were armed. */
  pending(): number[]
  /** Runs every waiting call (each once), and waits for what they start to settle. */
  fire(): Promise<void>
} {
  let next = 0
  const waiting = new Map<number, { ms: number; fn: () => void }>()
  return {
    after(ms, fn) {
      const id = next++
      waiting.set(id, { ms, fn })
      return () => waiting.delete(id)
    },
    pending: () => [...waiting.values()].map((w) => w.ms),
    async fire() {
      const due = [...waiting.entries()]
      waiting.clear()
      for (const [, w] of due) w.fn()
      // What the calls started runs on promises: let them finish before the test looks.
      await new Promise((r) => setImmediate(r))
    },
  }
}
