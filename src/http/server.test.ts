import assert from 'node:assert/strict'
import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import { describe, it } from 'node:test'
import { pino } from 'pino'
import { IdParams, typed } from './schemas.js'
import { answerBeforeRouting, createServer, drain } from './server.js'

describe('the server every surface registers on', () => {
  it('answers errors found before routing with the same page as the rest', async () => {
    const seen: number[] = []
    const http = createServer({
      trustProxy: false,
      errors: {
        renderError: async (_req, status, title) => {
          seen.push(status)
          return `<h1>${title}</h1>`
        },
      },
    })
    http.get('/*', async () => 'ok')
    const res = await http.inject({ url: '/%E0%A4%A' })
    assert.equal(res.statusCode, 400)
    assert.equal(res.body, '<h1>That address could not be read</h1>')
    const json = await http.inject({ url: '/%', headers: { accept: 'application/json' } })
    assert.equal(json.json().error.code, 'MALFORMED_URL')
    assert.deepEqual(seen, [400])
  })

  it('checks routes against their zod schemas', async () => {
    const http = createServer({ trustProxy: false, errors: { renderError: async () => 'page' } })
    typed(http).get('/things/:id', { schema: { params: IdParams } }, async (req) => ({
      id: req.params.id,
    }))
    assert.deepEqual((await http.inject({ url: '/things/12' })).json(), { id: 12 })
    const bad = await http.inject({ url: '/things/012', headers: { accept: 'application/json' } })
    assert.equal(bad.statusCode, 404)
    assert.equal(bad.json().error.code, 'NOT_FOUND')
  })

  it('trusts the proxies it is told to, and only those', async () => {
    const http = createServer({
      trustProxy: ['10.0.0.1'],
      errors: { renderError: async () => 'page' },
    })
    http.get('/ip', async (req) => req.ip)
    const via = (remoteAddress: string) =>
      http.inject({ url: '/ip', remoteAddress, headers: { 'x-forwarded-for': '203.0.113.9' } })
    assert.equal((await via('10.0.0.1')).body, '203.0.113.9')
    assert.equal((await via('10.0.0.2')).body, '10.0.0.2')
  })

  it('drains: stops taking requests, waits for those in flight up to the grace period', async () => {
    const http = createServer({ trustProxy: false, errors: { renderError: async () => 'page' } })
    await http.ready()
    let running = 1
    setTimeout(() => (running = 0), 40)
    assert.deepEqual(await drain(http, () => running, 5_000), { abandoned: 0 })
    const stuck = createServer({ trustProxy: false, errors: { renderError: async () => 'page' } })
    const started = Date.now()
    assert.deepEqual(await drain(stuck, () => 2, 60), { abandoned: 2 })
    assert.ok(Date.now() - started < 2_000)
  })

  it('leaves a request to Fastify when the front throws, and says so once', async () => {
    const lines: string[] = []
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString())
        done()
      },
    })
    const http = createServer({
      trustProxy: false,
      logger: pino({ level: 'error' }, sink),
      errors: { renderError: async () => 'page' },
    })
    answerBeforeRouting(http, () => {
      throw new Error('front is broken')
    })
    http.get('/page', async () => 'from fastify')
    await http.listen({ port: 0, host: '127.0.0.1' })
    try {
      const url = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}/page`
      for (let i = 0; i < 3; i++) {
        const res = await fetch(url)
        assert.equal(res.status, 200)
        assert.equal(await res.text(), 'from fastify')
      }
      assert.equal(lines.length, 1, lines.join('\n'))
      assert.match(lines[0]!, /front is broken/)
    } finally {
      await http.close()
    }
  })
})
