import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import Fastify from 'fastify'
import { createStreamGate, sendGatedStreamedPage } from './streamed-page.js'

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

describe('a gated streamed page', () => {
  it('answers once: the page, or the caller’s 404, never both', async () => {
    const lines: string[] = []
    const app = Fastify({ logger: { level: 'warn', stream: { write: (l) => lines.push(l) } } })
    const gate = createStreamGate(1)
    app.get<{ Params: { n: string } }>('/long/:n', async (req, reply) => {
      const sent = await sendGatedStreamedPage(req, reply, null, gate, async () =>
        req.params.n === '1'
          ? {
              parts: (async function* () {
                yield 'first part, '
                yield 'second part'
              })(),
              type: 'text/plain',
            }
          : null,
      )
      return sent === 'sent' ? reply : reply.code(404).send('no such page')
    })
    try {
      for (let i = 0; i < 3; i++) {
        const page = await app.inject('/long/1')
        assert.equal(page.statusCode, 200)
        assert.equal(page.body, 'first part, second part')
        const none = await app.inject('/long/2')
        assert.equal(none.statusCode, 404)
        assert.equal(none.body, 'no such page')
      }
      // Before the fix every page was followed by a 404 that Fastify refused, with a warning.
      assert.deepEqual(lines, [])
    } finally {
      await app.close()
    }
  })
})
