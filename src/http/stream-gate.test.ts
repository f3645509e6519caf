import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createStreamGate } from './streamed-page.js'

describe('stream gate', () => {
  it('lets `limit` through at once and the rest in arrival order as places free', async () => {
    const gate = createStreamGate(2)
    const order: string[] = []
    const a = await gate.acquire()
    const b = await gate.acquire()
    const c = gate.acquire().then((r) => (order.push('c'), r))
    const d = gate.acquire().then((r) => (order.push('d'), r))
    await Promise.resolve()
    assert.deepEqual(order, [], 'two places, both taken: c and d wait')
    a()
    const releaseC = await c
    assert.deepEqual(order, ['c'])
    a() // freeing twice frees once
    await Promise.resolve()
    assert.deepEqual(order, ['c'], 'd still waits: a second release of a changes nothing')
    b()
    const releaseD = await d
    assert.deepEqual(order, ['c', 'd'])
    releaseC()
    releaseD()
    // Everything freed: two places again, at once.
    const [e, f] = await Promise.all([gate.acquire(), gate.acquire()])
    e()
    f()
  })
})
