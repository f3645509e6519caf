import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fastifyCookie from '@fastify/cookie'
import Fastify from 'fastify'
import { cookie, csrfToken, csrfValid, field, fields, parseForm } from './http-forms.js'

describe('admin form helpers', () => {
  it('keeps every value of a repeated field', () => {
    const f = parseForm('topic=1&topic=2&headline=A+%26+B&empty=')
    assert.deepEqual(fields(f, 'topic'), ['1', '2'])
    assert.equal(field(f, 'headline'), 'A & B')
    assert.equal(field(f, 'empty'), '')
    assert.equal(field(f, 'missing'), '')
  })

  it('reads cookies with @fastify/cookie, keeping a broken one as sent instead of failing', async () => {
    const app = Fastify()
    await app.register(fastifyCookie)
    const read = app.parseCookie('a=1; b=%E0%A4%A; c=x%20y')
    assert.deepEqual({ ...read }, { a: '1', b: '%E0%A4%A', c: 'x y' })
    await app.close()
  })

  it('writes HttpOnly, SameSite cookies, Secure on https', () => {
    assert.equal(
      cookie('s', 'v', { secure: true, maxAgeS: 60 }),
      's=v; Path=/admin; SameSite=Lax; HttpOnly; Secure; Max-Age=60',
    )
  })

  it('binds CSRF tokens to a session', () => {
    const t = csrfToken('secret', 'session-a')
    assert.equal(csrfValid('secret', 'session-a', t), true)
    assert.equal(csrfValid('secret', 'session-b', t), false)
    assert.equal(csrfValid('other', 'session-a', t), false)
    assert.equal(csrfValid('secret', 'session-a', ''), false)
  })
})

describe('admin form parser limits', () => {
  it('parses a flood of repeated fields quickly, keeps at most 1000, and treats __proto__ as a name', () => {
    const started = Date.now()
    const f = parseForm('a=1&'.repeat(200_000) + '__proto__=x')
    assert.ok(Date.now() - started < 5000)
    assert.equal(fields(f, 'a').length, 1000)
    assert.equal(Object.getPrototypeOf(f), null)
    assert.equal(csrfValid('secret', 's', 5 as unknown as string), false)
  })
})
