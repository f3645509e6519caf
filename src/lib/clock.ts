/** Time comes from here so tests can fix it. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

export function fixedClock(at: Date | string): Clock & { set(d: Date | string): void } {
  let t = new Date(at)
  return {
    now: () => new Date(t),
    set(d) {
      t = new Date(d)
    },
  }
}
