import assert from 'node:assert/strict'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
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

describe('a gated streamed page whose readers leave', () => {
  it(
    'frees the place of a reader who left while waiting, so later readers still get the page',
    {
      timeout: 60_000,
    },
    async () => {
      const app = Fastify()
      const gate = createStreamGate(1)
      let rendered = 0
      let holdFirst!: () => void
      const firstHeld = new Promise<void>((resolve) => (holdFirst = resolve))
      let firstStarted!: () => void
      const started = new Promise<void>((resolve) => (firstStarted = resolve))
      app.get('/long', async (req, reply) => {
        await sendGatedStreamedPage(req, reply, null, gate, async () => {
          rendered++
          const first = rendered === 1
          return {
            parts: (async function* () {
              yield 'start, '
              if (first) {
                firstStarted()
                await firstHeld
              }
              yield 'end'
            })(),
            type: 'text/plain',
          }
        })
        return reply
      })
      await app.listen({ port: 0, host: '127.0.0.1' })
      const { port } = app.server.address() as AddressInfo
      const get = () =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          // A page that never comes fails the test instead of hanging the suite.
          http
            .get({ host: '127.0.0.1', port, path: '/long', timeout: 20_000 }, (res) => {
              let body = ''
              res.setEncoding('utf8')
              res.on('data', (c: string) => (body += c))
              res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
            })
            .on('timeout', function (this: http.ClientRequest) {
              this.destroy(new Error('no page within 20 s: the gate kept a place for good'))
            })
            .on('error', reject)
        })
      try {
        // The first reader holds the one place; three more wait, then hang up (a crawler's timeout).
        const first = get()
        await started
        const leaving = Array.from({ length: 3 }, () =>
          http.get({ host: '127.0.0.1', port, path: '/long' }).on('error', () => {}),
        )
        // Wait until the server holds their connections, then close them.
        const open = () =>
          new Promise<number>((resolve, reject) =>
            app.server.getConnections((err, n) => (err ? reject(err) : resolve(n))),
          )
        while ((await open()) < 4) await new Promise((r) => setImmediate(r))
        for (const r of leaving) r.destroy()
        while ((await open()) > 1) await new Promise((r) => setImmediate(r))
        holdFirst()
        assert.deepEqual(await first, { status: 200, body: 'start, end' })
        // Before the fix the places of those who left were never given back: this one hung.
        assert.deepEqual(await get(), { status: 200, body: 'start, end' })
        assert.deepEqual(await get(), { status: 200, body: 'start, end' })
        assert.equal(rendered, 3, 'nothing rendered for the readers who left')
      } finally {
        app.server.closeAllConnections()
        await app.close()
      }
    },
  )
})
