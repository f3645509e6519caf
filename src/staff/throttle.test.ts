import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { type Counter, checkThrottle, recordFailure } from './throttle.js'

const rule = { limit: 3, windowMs: 1000 }

describe('sign-in throttle', () => {
  it('allows up to the limit of failures in a window, then refuses until it ends', () => {
    let c: Counter | undefined
    for (let i = 0; i < 3; i++) {
      assert.deepEqual(checkThrottle(c, rule, 100 + i), { allowed: true })
      c = recordFailure(c, rule, 100 + i)
    }
    assert.deepEqual(checkThrottle(c, rule, 500), { allowed: false, retryAt: 1100 })
    assert.deepEqual(checkThrottle(c, rule, 1100), { allowed: true })
  })

  it('starts a new window after the old one ends', () => {
    const c = recordFailure({ failures: 3, windowStart: 0 }, rule, 5000)
    assert.deepEqual(c, { failures: 1, windowStart: 5000 })
  })
})
