import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import Fastify from 'fastify'
import { z } from 'zod'
import { isAppError } from '../lib/errors.js'
import { IdParams, isId, parseId, typed, useZodSchemas } from './schemas.js'

async function tinyApp() {
  const app = Fastify({ logger: false })
  useZodSchemas(app)
  app.setErrorHandler((err, _req, reply) =>
    isAppError(err)
      ? reply.code(err.status).send({ code: err.code, details: err.details })
      : reply.code(500).send({ code: 'INTERNAL' }),
  )
  const t = typed(app)
  t.get('/things/:id', { schema: { params: IdParams } }, async (req) => ({
    id: req.params.id,
    type: typeof req.params.id,
  }))
  t.get(
    '/list',
    { schema: { querystring: z.object({ page: z.coerce.number().int().min(1).default(1) }) } },
    async (req) => ({ page: req.query.page }),
  )
  await app.ready()
  return app
}

describe('route schemas', () => {
  it('hands the handler a parsed id', async () => {
    const app = await tinyApp()
    const res = await app.inject('/things/42')
    assert.equal(res.statusCode, 200)
    assert.deepEqual(res.json(), { id: 42, type: 'number' })
  })

  it('answers a malformed id with 404 NOT_FOUND, never reaching the handler', async () => {
    const app = await tinyApp()
    for (const bad of ['0', '01', 'abc', '1e3', '-1', '1234567890123', '%20', '4.2']) {
      const res = await app.inject(`/things/${bad}`)
      assert.equal(res.statusCode, 404, bad)
      assert.equal(res.json().code, 'NOT_FOUND', bad)
    }
  })

  it('answers a bad query with 400 BAD_REQUEST naming the field', async () => {
    const app = await tinyApp()
    const res = await app.inject('/list?page=zero')
    assert.equal(res.statusCode, 400)
    assert.equal(res.json().code, 'BAD_REQUEST')
    assert.match(res.json().details[0], /^page: /)
    assert.deepEqual((await app.inject('/list')).json(), { page: 1 })
  })

  it('checks ids outside routes the same way', () => {
    assert.equal(isId('7'), true)
    assert.equal(isId('07'), false)
    assert.equal(isId(7), false)
    assert.equal(parseId('123'), 123)
    assert.equal(parseId('x'), undefined)
  })
})
