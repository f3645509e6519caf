import assert from 'node:assert/strict'
import net from 'node:net'
import { describe, it } from 'node:test'
import { TEST_DATABASE_URL, skipFor } from './dialects.js'
import { probePostgres } from './pg-probe.js'

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as net.AddressInfo
  await new Promise((r) => server.close(r))
  return port
}

/**
 * A server that is there but slow: it accepts connections and says nothing until `wake()`, then
 * passes every new connection through to the real PostgreSQL.
 */
async function slowServer() {
  const real = new URL(TEST_DATABASE_URL)
  let awake = false
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => {})
    if (!awake) return
    const upstream = net.connect(Number(real.port || 5432), real.hostname)
    upstream.on('error', () => socket.destroy())
    socket.pipe(upstream).pipe(socket)
    sockets.add(upstream)
    upstream.on('close', () => sockets.delete(upstream))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = new URL(TEST_DATABASE_URL)
  url.hostname = '127.0.0.1'
  url.port = String((server.address() as net.AddressInfo).port)
  return {
    url: url.toString(),
    wake: () => void (awake = true),
    async close() {
      for (const s of sockets) s.destroy()
      await new Promise((r) => server.close(r))
    },
  }
}

const noPostgres = await skipFor('postgres')

describe('the PostgreSQL probe', () => {
  it('skips, saying why, when nothing listens', async () => {
    const url = `postgres://postgres@127.0.0.1:${await closedPort()}/test`
    const said: string[] = []
    const reason = await probePostgres(url, { say: (l) => void said.push(l) })
    assert.match(String(reason), /not reachable .*ECONNREFUSED/)
    assert.deepEqual(said, [], 'an absent server is not waited for')
  })

  it('never skips when PostgreSQL is required: it fails with the reason', async () => {
    const url = `postgres://postgres@127.0.0.1:${await closedPort()}/test`
    await assert.rejects(
      probePostgres(url, { require: true, deadlineMs: 600, say: () => {} }),
      /MASTHEAD_REQUIRE_POSTGRES is set but PostgreSQL not reachable .*ECONNREFUSED/,
    )
  })

  it('fails, never skips, a server that is there but does not answer in time', async () => {
    const slow = await slowServer()
    try {
      const said: string[] = []
      await assert.rejects(
        probePostgres(slow.url, {
          deadlineMs: 1_000,
          attemptTimeoutMs: 300,
          say: (l) => void said.push(l),
        }),
        /is there but did not answer within 1 s/,
      )
      assert.ok(said.length >= 1 && said.every((l) => l.startsWith('# waiting for PostgreSQL')))
    } finally {
      await slow.close()
    }
  })

  it('waits for a slow server and runs once it answers', { skip: noPostgres }, async () => {
    const slow = await slowServer()
    try {
      const said: string[] = []
      const wake = setTimeout(slow.wake, 800)
      const reason = await probePostgres(slow.url, {
        deadlineMs: 30_000,
        attemptTimeoutMs: 300,
        say: (l) => void said.push(l),
      })
      clearTimeout(wake)
      assert.equal(reason, false)
      assert.ok(said.length >= 1, 'it said that it was waiting')
      assert.match(said[0]!, /^# waiting for PostgreSQL at .* \(attempt 1: .*timeout/i)
    } finally {
      await slow.close()
    }
  })
})
