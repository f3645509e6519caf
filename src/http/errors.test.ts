import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import Fastify from 'fastify'
import { AppError } from '../lib/errors.js'
import { type ErrorRendering, registerErrorHandling } from './errors.js'

/** A bare instance whose routes fail in the ways the real app's do. */
function appWith(view: ErrorRendering) {
  const app = Fastify({ logger: false })
  registerErrorHandling(app, view)
  app.get('/conflict', async () => {
    throw new AppError('EDIT_CONFLICT', { message: 'Saved by someone else', details: ['x: y'] })
  })
  app.get('/withdrawn', async () => {
    throw new AppError('NOT_FOUND', { status: 410 })
  })
  app.get('/crash', async () => {
    throw new Error('secret table name')
  })
  app.get('/large', async () => {
    throw Object.assign(new Error('too big'), {
      statusCode: 413,
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    })
  })
  app.get('/unavailable', async () => {
    throw new AppError('WEBHOOKS_NOT_CONFIGURED', { message: 'key missing at /etc/x' })
  })
  return app
}

const page: ErrorRendering = {
  renderError: async (_req, status, title, message) =>
    `<h1>${status} ${title}</h1><p>${message}</p>`,
}
const json = { accept: 'application/json' }

describe('error responses', () => {
  it("shows a person the code's sentence, and a program its code, message and details", async () => {
    const app = appWith(page)
    const html = await app.inject({ url: '/conflict' })
    assert.equal(html.statusCode, 409)
    assert.equal(html.headers['cache-control'], 'no-store')
    assert.match(html.body, /<h1>409 Someone else saved first<\/h1>/)
    const res = await app.inject({ url: '/conflict', headers: json })
    assert.deepEqual(res.json(), {
      error: { code: 'EDIT_CONFLICT', message: 'Saved by someone else', details: ['x: y'] },
    })
  })

  it('uses the words of a second status when a code is answered with it', async () => {
    const app = appWith(page)
    const res = await app.inject({ url: '/withdrawn' })
    assert.equal(res.statusCode, 410)
    assert.match(res.body, /This article was withdrawn/)
    assert.equal(
      (await app.inject({ url: '/withdrawn', headers: json })).json().error.code,
      'NOT_FOUND',
    )
  })

  it('names errors that are not ours by their status, in the words for that status', async () => {
    const app = appWith(page)
    const large = await app.inject({ url: '/large' })
    assert.equal(large.statusCode, 413)
    assert.match(large.body, /That is too large/)
    assert.equal(
      (await app.inject({ url: '/large', headers: json })).json().error.code,
      'BAD_REQUEST',
    )
  })

  it('never tells anyone what failed inside, even in our own 5xx errors', async () => {
    const app = appWith(page)
    const crash = await app.inject({ url: '/crash', headers: json })
    assert.equal(crash.statusCode, 500)
    assert.deepEqual(crash.json(), {
      error: { code: 'INTERNAL', message: 'Something went wrong on our side' },
    })
    const down = await app.inject({ url: '/unavailable', headers: json })
    assert.equal(down.statusCode, 503)
    assert.equal(down.json().error.code, 'WEBHOOKS_NOT_CONFIGURED')
    assert.doesNotMatch(down.body, /etc/)
  })

  it('falls back to plain text when the error page itself fails', async () => {
    const app = appWith({
      renderError: async () => {
        throw new Error('database gone')
      },
    })
    const res = await app.inject({ url: '/crash' })
    assert.equal(res.statusCode, 500)
    assert.match(res.headers['content-type'] as string, /text\/plain/)
    assert.match(res.body, /^Something went wrong on our side\n\nThe page could not be shown/)
    assert.doesNotMatch(res.body, /database gone|secret table/)
  })
})
