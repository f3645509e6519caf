import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fakeTimers } from '../../test/support/fake-timers.js'
import { fixedClock } from '../lib/clock.js'
import {
  CLEAN_UP_EVERY_MS,
  createScheduler,
  SCHEDULER_MAX_SLEEP_MS,
  type SchedulerDeps,
} from './scheduler.js'

const T0 = new Date('2026-11-20T09:00:00Z')

function setup(over: Partial<SchedulerDeps> = {}) {
  const clock = fixedClock(T0)
  const timers = fakeTimers()
  const calls = { publish: 0, cleanUp: 0, reminders: 0 }
  const logged: string[] = []
  let due: Awaited<ReturnType<SchedulerDeps['publishDue']>> = {
    published: [],
    unpublished: [],
    next: null,
  }
  const scheduler = createScheduler({
    publishDue: async () => {
      calls.publish++
      return due
    },
    cleanUp: async () => {
      calls.cleanUp++
    },
    sendReminders: async () => {
      calls.reminders++
      return 0
    },
    clock,
    timers,
    log: { info: (_o, m) => logged.push(m), error: (_o, m) => logged.push(`error: ${m}`) },
    ...over,
  })
  return {
    scheduler,
    clock,
    timers,
    calls,
    logged,
    setDue: (d: typeof due) => (due = d),
  }
}

describe('the scheduler', () => {
  it('publishes what is due, then sleeps until the next scheduled change', async () => {
    const s = setup()
    s.setDue({ published: [4], unpublished: [], next: new Date(T0.getTime() + 5_000) })
    await s.scheduler.run()
    assert.equal(s.calls.publish, 1)
    assert.deepEqual(s.timers.pending(), [5_000])
    assert.ok(s.logged.includes('scheduled articles went live'))
  })

  it('sleeps at most a minute, and never less than a moment', async () => {
    const s = setup()
    await s.scheduler.run()
    assert.deepEqual(s.timers.pending(), [SCHEDULER_MAX_SLEEP_MS])
    s.setDue({ published: [], unpublished: [], next: new Date(T0.getTime() + 3_600_000) })
    await s.timers.fire()
    assert.deepEqual(s.timers.pending(), [SCHEDULER_MAX_SLEEP_MS])
    s.setDue({ published: [], unpublished: [7], next: new Date(T0.getTime() - 1_000) })
    await s.timers.fire()
    assert.deepEqual(s.timers.pending(), [50])
    assert.ok(s.logged.includes('articles came down as scheduled'))
  })

  it('does the hourly chores on the first run, then once an hour', async () => {
    const s = setup({
      sendReminders: async () => 3,
    })
    await s.scheduler.run()
    assert.equal(s.calls.cleanUp, 1)
    assert.ok(s.logged.includes('sent contribution reminders'))
    s.clock.set(new Date(T0.getTime() + CLEAN_UP_EVERY_MS))
    await s.scheduler.run()
    assert.equal(s.calls.cleanUp, 1, 'not again within the hour')
    s.clock.set(new Date(T0.getTime() + CLEAN_UP_EVERY_MS + 1))
    await s.scheduler.run()
    assert.equal(s.calls.cleanUp, 2)
  })

  it('checks at once when content changes, but only once started', async () => {
    const s = setup()
    s.scheduler.soon()
    assert.deepEqual(s.timers.pending(), [], 'not before the first run')
    await s.scheduler.run()
    s.scheduler.soon()
    assert.deepEqual(s.timers.pending(), [0], 'the minute-long sleep was replaced')
    await s.timers.fire()
    assert.equal(s.calls.publish, 2)
  })

  it('logs a failure and tries again at the next check', async () => {
    let fail = true
    const s = setup({
      publishDue: async () => {
        if (fail) throw new Error('database down')
        return { published: [], unpublished: [], next: null }
      },
    })
    await s.scheduler.run()
    assert.ok(s.logged.includes('error: scheduler failed; retrying'))
    assert.deepEqual(s.timers.pending(), [SCHEDULER_MAX_SLEEP_MS])
    fail = false
    await s.timers.fire()
    assert.equal(s.logged.filter((m) => m.startsWith('error')).length, 1)
  })

  it('arms nothing once stopped', async () => {
    const s = setup()
    await s.scheduler.run()
    s.scheduler.stop()
    assert.deepEqual(s.timers.pending(), [])
    s.scheduler.soon()
    await s.scheduler.run()
    assert.deepEqual(s.timers.pending(), [])
    assert.equal(s.calls.publish, 1)
  })
})
