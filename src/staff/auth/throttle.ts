/**
 * Slowing down password and code guessing. Every attempt is counted (atomically, in the
 * database) per account and per address (hashed) within a fixed window; past the limit, sign-in
 * is refused until the window ends, whatever the password. A success takes its count back.
 */
export interface ThrottleRule {
  /** Attempts allowed within one window. */
  limit: number
  windowMs: number
}

export const ACCOUNT_RULE: ThrottleRule = { limit: 5, windowMs: 15 * 60_000 }
export const ADDRESS_RULE: ThrottleRule = { limit: 20, windowMs: 15 * 60_000 }

export interface Counter {
  failures: number
  windowStart: number
}

/** When a counter (this attempt included) is past its limit: the end of its window; else null. */
export function blockedUntil(counter: Counter, rule: ThrottleRule): Date | null {
  return counter.failures > rule.limit ? new Date(counter.windowStart + rule.windowMs) : null
}
