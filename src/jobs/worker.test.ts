import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fakeTimers } from '../../test/support/fake-timers.js'
import type { JobHandler, JobQueue, QueueName } from './job-queue.js'
import { createWorker } from './worker.js'

function recordingQueue() {
  const working = new Map<QueueName, JobHandler>()
  const queue: JobQueue = {
    kind: 'table',
    send: async () => {},
    depth: async () => 0,
    work: async (name, handler) => {
      working.set(name, handler)
    },
    stop: async () => {},
  }
  return { queue, working }
}

describe('the worker role', () => {
  it('takes each duty’s queues and runs its tick once before saying it started', async () => {
    const { queue, working } = recordingQueue()
    const timers = fakeTimers()
    const order: string[] = []
    const worker = createWorker({
      queue: async () => queue,
      duties: [
        {
          handlers: { 'edition.send': async () => {} },
          tick: { run: async () => void order.push('tick'), everyMs: 30_000, failed: 'x' },
        },
      ],
      log: { info: (_o, m) => order.push(m), error: () => {} },
      timers,
    })
    await worker.start()
    assert.deepEqual([...working.keys()], ['edition.send'])
    assert.deepEqual(order, ['tick', 'worker started'])
    assert.deepEqual(timers.pending(), [30_000])
    await timers.fire()
    assert.deepEqual(order, ['tick', 'worker started', 'tick'])
    assert.deepEqual(timers.pending(), [30_000])
  })

  it('logs a failed tick and keeps the tick going', async () => {
    const { queue } = recordingQueue()
    const timers = fakeTimers()
    const errors: string[] = []
    const worker = createWorker({
      queue: async () => queue,
      duties: [
        {
          handlers: {},
          tick: {
            run: async () => {
              throw new Error('mail server gone')
            },
            everyMs: 1_000,
            failed: 'the tick failed',
          },
        },
      ],
      log: { info: () => {}, error: (_o, m) => errors.push(m) },
      timers,
    })
    await worker.start()
    assert.deepEqual(errors, ['the tick failed'])
    assert.deepEqual(timers.pending(), [1_000])
  })

  it('keeps no tick once stopped', async () => {
    const { queue } = recordingQueue()
    const timers = fakeTimers()
    let ticks = 0
    const worker = createWorker({
      queue: async () => queue,
      duties: [{ handlers: {}, tick: { run: async () => void ticks++, everyMs: 10, failed: 'x' } }],
      log: { info: () => {}, error: () => {} },
      timers,
    })
    await worker.start()
    worker.stop()
    assert.deepEqual(timers.pending(), [])
    await timers.fire()
    assert.equal(ticks, 1)
  })

  it('undoes each duty once its ticks have ended, and only when it had started', async () => {
    const { queue } = recordingQueue()
    const timers = fakeTimers()
    const order: string[] = []
    let release = () => {}
    const duty = {
      handlers: {},
      tick: {
        run: async () => {
          order.push('tick')
          if (order.length > 1) await new Promise<void>((r) => (release = r))
          order.push('tick done')
        },
        everyMs: 10,
        failed: 'x',
      },
      stop: async () => void order.push('undone'),
    }
    const never = createWorker({ queue: async () => queue, duties: [duty], log: quiet, timers })
    await never.stop()
    assert.deepEqual(order, [], 'a worker that never started undoes nothing')

    const worker = createWorker({ queue: async () => queue, duties: [duty], log: quiet, timers })
    await worker.start()
    await timers.fire()
    assert.deepEqual(order, ['tick', 'tick done', 'tick'])
    const stopped = worker.stop()
    await new Promise((r) => setImmediate(r))
    assert.deepEqual(order, ['tick', 'tick done', 'tick'], 'waits for the running tick')
    release()
    await stopped
    assert.deepEqual(order, ['tick', 'tick done', 'tick', 'tick done', 'undone'])
  })

  it('logs a duty that cannot be undone and still stops', async () => {
    const { queue } = recordingQueue()
    const errors: string[] = []
    const worker = createWorker({
      queue: async () => queue,
      duties: [
        {
          handlers: {},
          stop: async () => {
            throw new Error('database gone')
          },
        },
      ],
      log: { info: () => {}, error: (_o, m) => errors.push(m) },
      timers: fakeTimers(),
    })
    await worker.start()
    await worker.stop()
    assert.deepEqual(errors, ['a worker duty did not stop cleanly'])
  })
})

const quiet = { info: () => {}, error: () => {} }
