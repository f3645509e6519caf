/**
 * Slowing down password guessing. Failures are counted per account and per address (hashed)
 * in a fixed window; past the limit, sign-in is refused until the window ends, whatever the
 * password. A success clears the account's count.
 */
export interface ThrottleRule {
  /** Failures allowed within one window. */
  limit: number
  windowMs: number
}

export const ACCOUNT_RULE: ThrottleRule = { limit: 5, windowMs: 15 * 60_000 }
export const ADDRESS_RULE: ThrottleRule = { limit: 20, windowMs: 15 * 60_000 }

export interface Counter {
  failures: number
  windowStart: number
}

/** Whether another try is allowed now, and if not, when the next one will be. */
export function checkThrottle(
  counter: Counter | undefined,
  rule: ThrottleRule,
  now: number,
): { allowed: true } | { allowed: false; retryAt: number } {
  if (!counter || now - counter.windowStart >= rule.windowMs) return { allowed: true }
  if (counter.failures < rule.limit) return { allowed: true }
  return { allowed: false, retryAt: counter.windowStart + rule.windowMs }
}

/** The counter after one more failure. */
export function recordFailure(
  counter: Counter | undefined,
  rule: ThrottleRule,
  now: number,
): Counter {
  if (!counter || now - counter.windowStart >= rule.windowMs)
    return { failures: 1, windowStart: now }
  return { failures: counter.failures + 1, windowStart: counter.windowStart }
}
