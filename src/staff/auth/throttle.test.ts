import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { blockedUntil } from './throttle.js'

const rule = { limit: 3, windowMs: 1000 }

describe('sign-in throttle', () => {
  it('allows up to the limit of attempts in a window, then blocks until it ends', () => {
    assert.equal(blockedUntil({ failures: 3, windowStart: 100 }, rule), null)
    assert.deepEqual(blockedUntil({ failures: 4, windowStart: 100 }, rule), new Date(1100))
  })
})
