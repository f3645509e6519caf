// The page cache's front (ADR 039): a hit is answered from Node's request, before Fastify. Every
// answer it gives must be the one Fastify's own hook gives for the same request (inject() never
// passes through the front), and whatever it cannot answer must reach Fastify.
import assert from 'node:assert/strict'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { PageCache } from './page-cache.js'
import { registerRequestBasics, sendPage } from './responses.js'
import { createServer, observeFrontAnswers } from './server.js'

interface Got {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}

/** One request over a real socket, with exactly the headers given. */
function request(port: number, path: string, headers: Record<string, string>, method = 'GET') {
  return new Promise<Got>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      )
    })
    req.on('error', reject)
    req.end()
  })
}

// Written by Node or by the connection, not by either path.
const TRANSPORT = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding'])
const pageHeaders = (h: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(h).filter(([k]) => !TRANSPORT.has(k)))

async function site(opts: { trustProxy: boolean | string[]; onionUrl?: string }) {
  const app = createServer({
    trustProxy: opts.trustProxy,
    errors: { renderError: async () => 'x' },
  })
  const cache = new PageCache(10_000_000)
  registerRequestBasics(app, {
    cache,
    onionUrl: opts.onionUrl,
    hstsMaxAge: 600,
    // A reader with the quiet cookie has a copy of their own; a country needs a look-up.
    variantOf: (req) =>
      req.headers.cookie?.includes('mh_quiet')
        ? '#quiet'
        : req.headers['x-country']
          ? Promise.resolve('#cc')
          : '',
  })
  const renders: string[] = []
  app.get('/story/:slug', async (req, reply) => {
    renders.push(req.url)
    const body = `<!doctype html><title>${req.pageVariant || 'shared'}</title>${'words '.repeat(400)}`
    return sendPage(req, reply, cache, {
      body,
      type: 'text/html; charset=utf-8',
      keys: ['article:1'],
      vary: ['Cookie'],
    })
  })
  app.post('/story/:slug', async () => 'posted')
  const fronted: string[] = []
  observeFrontAnswers(app, (route, method, status) => fronted.push(`${method} ${route} ${status}`))
  await app.listen({ port: 0, host: '127.0.0.1' })
  const port = (app.server.address() as AddressInfo).port
  return { app, cache, renders, fronted, port }
}

describe('the page cache answered in front of Fastify', () => {
  let s: Awaited<ReturnType<typeof site>>
  before(async () => {
    s = await site({ trustProxy: ['loopback'], onionUrl: 'http://example2345.onion' })
  })
  after(() => s?.app.close())

  /** The front's answer and Fastify's (inject) for the same request, compared whole. */
  async function same(path: string, headers: Record<string, string>, method = 'GET') {
    const front = await request(s.port, path, headers, method)
    const injected = await s.app.inject({ method: method as 'GET', url: path, headers })
    assert.equal(front.status, injected.statusCode, `${method} ${path}`)
    assert.deepEqual(pageHeaders(front.headers), pageHeaders(injected.headers), `${method} ${path}`)
    assert.deepEqual(front.body, injected.rawPayload, `${method} ${path}`)
    return front
  }

  it('answers a hit as Fastify would: fresh, gzip, HEAD, 304, and without rendering', async () => {
    const host = { host: 'news.example' }
    const first = await request(s.port, '/story/one', host)
    assert.equal(first.status, 200)
    assert.equal(s.renders.length, 1, 'the miss went to Fastify and rendered')
    assert.deepEqual(s.fronted, [])

    await same('/story/one', host)
    await same('/story/one?utm_source=x', host)
    const gz = await same('/story/one', { ...host, 'accept-encoding': 'gzip' })
    assert.equal(gz.headers['content-encoding'], 'gzip')
    await same('/story/one', host, 'HEAD')
    const etag = String(first.headers.etag)
    const notModified = await same('/story/one', { ...host, 'if-none-match': etag })
    assert.equal(notModified.status, 304)
    assert.equal(notModified.headers['content-type'], undefined)
    assert.equal(s.renders.length, 1, 'nothing rendered again')
    assert.deepEqual(s.fronted, [
      'GET /story/:slug 200',
      'GET /story/:slug 200',
      'GET /story/:slug 200',
      'HEAD /story/:slug 200',
      'GET /story/:slug 304',
    ])
    assert.equal(s.cache.stats().hits, 10, 'five from the front, five through inject')
  })

  it('says what Fastify says about the scheme and the onion address', async () => {
    // From loopback, a trusted proxy: its X-Forwarded-Proto counts, and HTTPS gets HSTS.
    const https = { host: 'news.example', 'x-forwarded-proto': 'https' }
    await request(s.port, '/story/two', https)
    const hit = await same('/story/two', https)
    assert.equal(hit.headers['strict-transport-security'], 'max-age=600')
    assert.equal(hit.headers['onion-location'], 'http://example2345.onion/story/two')
    // An empty X-Forwarded-Proto beside a forwarded host: the host still counts.
    const empty = { host: 'news.example', 'x-forwarded-proto': '', 'x-forwarded-host': 'm.example' }
    await request(s.port, '/story/two', empty)
    const answered = s.fronted.length
    await same('/story/two', empty)
    assert.equal(s.fronted.length, answered + 1, 'found where Fastify stored it')
    const onion = { host: 'example2345.onion' }
    await request(s.port, '/story/two', onion)
    assert.equal((await same('/story/two', onion)).headers['onion-location'], undefined)
  })

  it('keeps each variant apart, and leaves a variant that needs a look-up to Fastify', async () => {
    const quiet = { host: 'news.example', cookie: 'mh_quiet=1' }
    const before = s.renders.length
    await request(s.port, '/story/three', { host: 'news.example' })
    await request(s.port, '/story/three', quiet)
    assert.equal(s.renders.length, before + 2, 'the quiet copy is a page of its own')
    assert.match((await same('/story/three', quiet)).body.toString(), /<title>#quiet</)
    const fronted = s.fronted.length
    const country = { host: 'news.example', 'x-country': 'VA' }
    await request(s.port, '/story/three', country)
    await request(s.port, '/story/three', country)
    assert.equal(s.fronted.length, fronted, 'the country copy is never answered by the front')
    assert.equal(s.renders.length, before + 3, 'the country copy rendered once, then hit')
  })

  it('leaves credentials, forms and bad hosts to Fastify', async () => {
    const host = { host: 'news.example' }
    await request(s.port, '/story/four', host)
    const before = s.renders.length
    const fronted = s.fronted.length
    await request(s.port, '/story/four', { ...host, authorization: 'Basic eDp5' })
    assert.equal(s.renders.length, before + 1, 'a credentialed request is rendered')
    const posted = await request(s.port, '/story/four', host, 'POST')
    assert.equal(posted.body.toString(), 'posted')
    const bad = await request(s.port, '/story/four', { host: 'bad host!' })
    assert.equal(bad.status, 400)
    assert.equal(s.fronted.length, fronted)
  })
})

describe('the front without a trusted proxy', () => {
  it('ignores forwarded headers, as Fastify does', async () => {
    const s = await site({ trustProxy: false })
    try {
      const forged = { host: 'news.example', 'x-forwarded-proto': 'https' }
      await request(s.port, '/story/five', forged)
      const hit = await request(s.port, '/story/five', forged)
      const injected = await s.app.inject({ url: '/story/five', headers: forged })
      assert.equal(hit.headers['strict-transport-security'], undefined)
      assert.deepEqual(pageHeaders(hit.headers), pageHeaders(injected.headers))
      assert.equal(s.fronted.length, 1)
    } finally {
      await s.app.close()
    }
  })
})
