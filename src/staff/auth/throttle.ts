/**
 * Slowing down password and code guessing without handing an attacker a way to lock staff out
 * (ADR 014). Failures are counted per client and account, per account, and per client address;
 * they buy growing delays, never a lockout:
 *
 * - A client that has not failed on an account lately is never slowed on it by anyone else's
 *   guesses: the editor signs in while someone hammers her address from elsewhere.
 * - A client that keeps failing on one account waits 1 s, 2 s, 4 s … (at most 15 minutes)
 *   between attempts after a few free ones; fewer are free while the account is under attack.
 * - An address failing on many accounts (password spraying) is slowed on accounts it has not
 *   failed on too, unless the client proves a device that signed in to that account before
 *   (an office NAT, a VPN or a Tor exit shared with an attacker).
 * - Passkeys are never throttled: they cannot be guessed.
 */

/** Attempts counted on one key since `windowStart` (this attempt included where it was counted). */
export interface Counter {
  failures: number
  windowStart: number
}

export interface DelayRule {
  /** Failures that cost nothing. */
  free: number
  /** The first delay; each further failure doubles it. */
  firstMs: number
  /** No single delay is longer. */
  capMs: number
  /** How long failures are remembered. */
  windowMs: number
}

/** Per client and account: a person mistyping gets three tries before waiting a second. */
export const CLIENT_RULE: DelayRule = {
  free: 3,
  firstMs: 1000,
  capMs: 15 * 60_000,
  windowMs: 24 * 3600_000,
}
/** Per address, across accounts: spraying one guess at many accounts. */
export const ADDRESS_RULE: DelayRule = {
  free: 20,
  firstMs: 1000,
  capMs: 15 * 60_000,
  windowMs: 24 * 3600_000,
}
/** Failures on one account (from anywhere) that mark it as under attack. */
export const ACCOUNT_UNDER_ATTACK = 10
/** How long failures on one account are remembered. */
export const ACCOUNT_WINDOW_MS = 24 * 3600_000

/** The sum of the delays owed after `n` paid failures: first, first·2, … each at most cap. */
export function delayBudget(n: number, rule: DelayRule): number {
  let total = 0
  for (let k = 0; k < n; k++) {
    const d = rule.firstMs * 2 ** k
    if (d >= rule.capMs) return total + (n - k) * rule.capMs
    total += d
  }
  return total
}

/**
 * When an attempt after `failures` earlier ones may be made: the window's start plus the delays
 * the failures beyond `free` have bought; null when nothing is owed. Measured from the window's
 * start, so a client that already waited between guesses owes nothing more.
 */
export function allowedFrom(counter: Counter, rule: DelayRule, free = rule.free): number | null {
  const paid = counter.failures - free
  if (paid <= 0) return null
  return counter.windowStart + delayBudget(paid, rule)
}

export interface Attempt {
  /** Earlier failures of this client on this account. */
  client: Counter
  /** Failures on this account from anywhere. */
  account: Counter
  /** Failures from this client's address on any account. */
  address: Counter
  /** The client proved a device that signed in to this account before. */
  knownDevice: boolean
  now: number
}

/** The time this attempt must wait for, or null when it may go ahead now. */
export function mustWaitUntil(a: Attempt): Date | null {
  // Under attack, a failing client gets one free try instead of three; a client that has not
  // failed here is untouched.
  const free =
    a.account.failures >= ACCOUNT_UNDER_ATTACK ? Math.min(1, CLIENT_RULE.free) : CLIENT_RULE.free
  const times = [allowedFrom(a.client, CLIENT_RULE, free)]
  if (!a.knownDevice) times.push(allowedFrom(a.address, ADDRESS_RULE))
  const until = Math.max(...times.map((t) => t ?? 0))
  return until > a.now ? new Date(until) : null
}
