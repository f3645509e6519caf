import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { realTimers } from './timers.js'

describe('real timers', () => {
  it('call once after the wait, or not at all when cancelled', async () => {
    const calls: string[] = []
    realTimers.after(5, () => calls.push('kept'))
    const cancel = realTimers.after(5, () => calls.push('cancelled'))
    cancel()
    await new Promise((r) => setTimeout(r, 30))
    assert.deepEqual(calls, ['kept'])
  })
})
