import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { JobData, JobQueue } from './job-queue.js'
import { lazyJobQueue } from './lazy-queue.js'

function memoryQueue(sent: JobData[], stops: { n: number }): JobQueue {
  return {
    kind: 'table',
    send: async (_q, data) => {
      sent.push(data)
    },
    depth: async () => sent.length,
    work: async () => {},
    stop: async () => {
      stops.n++
    },
  }
}

describe('the lazy job queue', () => {
  it('makes nothing until a job is sent, then makes the queue once', async () => {
    let made = 0
    const sent: JobData[] = []
    const stops = { n: 0 }
    const q = lazyJobQueue(async () => {
      made++
      return memoryQueue(sent, stops)
    })
    assert.equal(made, 0)
    await q.stop()
    assert.equal(stops.n, 0, 'stopping a queue never made makes nothing')
    await Promise.all([
      q.send('edition.send', { edition: 1 }),
      q.send('edition.send', { edition: 2 }),
    ])
    assert.equal(made, 1)
    assert.deepEqual(sent, [{ edition: 1 }, { edition: 2 }])
    assert.equal(await q.get(), await q.get())
    await q.stop()
    assert.equal(stops.n, 1)
  })

  it('tries again after a failed attempt to make the queue', async () => {
    let attempts = 0
    const q = lazyJobQueue(async () => {
      attempts++
      if (attempts === 1) throw new Error('database starting')
      return memoryQueue([], { n: 0 })
    })
    await assert.rejects(q.get(), /database starting/)
    assert.equal((await q.get()).kind, 'table')
    assert.equal(attempts, 2)
  })
})
