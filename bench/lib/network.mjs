// Plain HTTP for the benchmarks: free ports, requests, polling and a small cookie jar.
import http from 'node:http'
import net from 'node:net'

// ---------------------------------------------------------------- network

/** A TCP port free right now on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

/**
 * One HTTP exchange. Resolves { status, headers, body (Buffer, bytes as sent on the wire), ms }
 * where `ms` runs from just before the request is written to the end of the response body.
 * Rejects on network errors and after `timeoutMs` of silence.
 */
function exchange(url, { method = 'GET', headers = {}, body, agent = false, timeoutMs }) {
  return new Promise((resolve, reject) => {
    const h = { ...headers }
    if (body !== undefined) h['content-length'] = Buffer.byteLength(body)
    const started = process.hrtime.bigint()
    const req = http.request(url, { method, headers: h, agent, timeout: timeoutMs }, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          headers: res.headers,
          body: Buffer.concat(chunks),
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        }),
      )
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms: ${url}`)))
    req.on('error', reject)
    req.end(body)
  })
}

/**
 * One GET without keep-alive. Resolves { status, headers, body (Buffer, bytes as sent on the
 * wire, so still compressed if the server compressed), ms }. Rejects on network errors.
 */
export function get(url, headers = {}, timeoutMs = 10_000) {
  return exchange(url, { headers, timeoutMs })
}

/**
 * Polls GET url every `everyMs` until it answers 200; resolves the ms from `sinceNs`
 * (a process.hrtime.bigint() value) to that 200. Gives up after `limitMs` or when `isDead()`.
 */
export async function pollUntil200(
  url,
  { sinceNs, everyMs = 10, limitMs = 60_000, isDead = () => false },
) {
  const deadline = Date.now() + limitMs
  let last = ''
  for (;;) {
    if (isDead())
      throw new Error(`the server exited before answering 200 (last: ${last || 'no answer'})`)
    try {
      const r = await get(url, {}, 2000)
      if (r.status === 200) return Number(process.hrtime.bigint() - sinceNs) / 1e6
      last = `HTTP ${r.status}`
    } catch (e) {
      last = e.code ?? e.message
    }
    if (Date.now() > deadline)
      throw new Error(`no 200 from ${url} within ${limitMs / 1000} s (last: ${last})`)
    await new Promise((r) => setTimeout(r, everyMs))
  }
}

/**
 * One HTTP request. `body` is a string or Buffer; `agent` an http.Agent (keep-alive, like a
 * browser) or false. Resolves { status, headers, body (utf8 string), ms } where `ms` runs from
 * just before the request is written to the end of the response body (process.hrtime.bigint).
 * Redirects are not followed.
 */
export async function request(
  url,
  { method = 'GET', headers = {}, body, agent = false, timeoutMs = 30_000 } = {},
) {
  const r = await exchange(url, { method, headers, body, agent, timeoutMs })
  return { ...r, body: r.body.toString('utf8') }
}

/** A tiny cookie jar for one origin: keeps name=value pairs, drops expired (Max-Age=0) ones. */
export class CookieJar {
  #cookies = new Map()

  /** Stores the Set-Cookie headers of a response (`res.headers['set-cookie']`). */
  store(setCookie) {
    for (const line of [setCookie ?? []].flat()) {
      const [pair, ...attrs] = line.split(';')
      const eq = pair.indexOf('=')
      if (eq < 1) continue
      const name = pair.slice(0, eq).trim()
      const value = pair.slice(eq + 1).trim()
      const expired = attrs.some((a) => {
        const [k, v] = a.split('=').map((s) => s.trim().toLowerCase())
        return (
          (k === 'max-age' && Number(v) <= 0) || (k === 'expires' && Date.parse(v) < Date.now())
        )
      })
      if (expired || value === '') this.#cookies.delete(name)
      else this.#cookies.set(name, value)
    }
  }

  get(name) {
    return this.#cookies.get(name)
  }

  /** The Cookie request header, or undefined when the jar is empty. */
  header() {
    if (!this.#cookies.size) return undefined
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }
}
