import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  ACCOUNT_UNDER_ATTACK,
  ADDRESS_RULE,
  CLIENT_RULE,
  type Attempt,
  allowedFrom,
  delayBudget,
  mustWaitUntil,
} from './throttle.js'

const T = 1_000_000
const none = { failures: 0, windowStart: T }
const attempt = (over: Partial<Attempt>): Attempt => ({
  client: none,
  account: none,
  address: none,
  knownDevice: false,
  now: T,
  ...over,
})

describe('sign-in throttle rules', () => {
  it('doubles the delay per paid failure, up to the cap', () => {
    const rule = { free: 0, firstMs: 1000, capMs: 8000, windowMs: 1 }
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5, 6].map((n) => delayBudget(n, rule)),
      [0, 1000, 3000, 7000, 15000, 23000, 31000],
    )
  })

  it('owes nothing for the free failures, then the budget from the window start', () => {
    assert.equal(allowedFrom({ failures: 3, windowStart: T }, CLIENT_RULE), null)
    assert.equal(allowedFrom({ failures: 4, windowStart: T }, CLIENT_RULE), T + 1000)
    assert.equal(allowedFrom({ failures: 6, windowStart: T }, CLIENT_RULE), T + 7000)
  })

  it('never slows a client that has not failed on the account, however hard it is attacked', () => {
    const besieged = { failures: 10_000, windowStart: T }
    assert.equal(mustWaitUntil(attempt({ account: besieged })), null)
  })

  it('slows a failing client with growing delays, never a lockout', () => {
    const client = { failures: 8, windowStart: T }
    const until = mustWaitUntil(attempt({ client, now: T + 1 }))
    assert.deepEqual(until, new Date(T + delayBudget(5, CLIENT_RULE)))
    assert.equal(mustWaitUntil(attempt({ client, now: until!.getTime() })), null)
  })

  it('gives a failing client fewer free tries while the account is under attack', () => {
    const client = { failures: 2, windowStart: T }
    assert.equal(mustWaitUntil(attempt({ client })), null)
    const account = { failures: ACCOUNT_UNDER_ATTACK, windowStart: T }
    assert.deepEqual(mustWaitUntil(attempt({ client, account })), new Date(T + 1000))
  })

  it('slows an address spraying many accounts, but not a known device behind it', () => {
    const address = { failures: ADDRESS_RULE.free + 3, windowStart: T }
    assert.deepEqual(
      mustWaitUntil(attempt({ address })),
      new Date(T + delayBudget(3, ADDRESS_RULE)),
    )
    assert.equal(mustWaitUntil(attempt({ address, knownDevice: true })), null)
  })
})
