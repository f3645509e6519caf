import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { z } from 'zod'
import { optionalText, parseOrThrow, slugField, text, uniquely } from './validation.js'

describe('content validation', () => {
  it('trims text, and turns empty optional text into null', () => {
    assert.equal(text(5).parse('  abc '), 'abc')
    assert.equal(text(5).safeParse('   ').success, false)
    assert.equal(text(5).safeParse('abcdef').success, false)
    assert.equal(optionalText(5).parse('  '), null)
    assert.equal(optionalText(5).parse(undefined), null)
    assert.equal(optionalText(5).parse(' x '), 'x')
  })

  it('takes only lowercase slugs', () => {
    assert.equal(slugField.safeParse('world-news').success, true)
    assert.equal(slugField.safeParse('World').success, false)
    assert.equal(slugField.safeParse('../admin').success, false)
  })

  it('throws VALIDATION_FAILED listing each problem by field', () => {
    const schema = z.object({ name: text(3), n: z.number() })
    assert.deepEqual(parseOrThrow(schema, { name: 'ab', n: 1 }, 'm'), { name: 'ab', n: 1 })
    assert.throws(
      () => parseOrThrow(schema, { name: '', n: 'x' }, 'The thing has problems'),
      (err: { code: string; status: number; message: string; details: string[] }) => {
        assert.equal(err.code, 'VALIDATION_FAILED')
        assert.equal(err.status, 422)
        assert.equal(err.message, 'The thing has problems')
        assert.equal(err.details.length, 2)
        assert.ok(err.details[0]!.startsWith('name: '))
        assert.ok(err.details[1]!.startsWith('n: '))
        return true
      },
    )
  })

  it('turns a unique violation from either database into SLUG_TAKEN, and nothing else', async () => {
    for (const code of ['SQLITE_CONSTRAINT_UNIQUE', '23505']) {
      await assert.rejects(
        uniquely(() => Promise.reject(Object.assign(new Error('dup'), { code })), 'topic'),
        {
          code: 'SLUG_TAKEN',
          status: 409,
          message: 'That address is already used by another topic',
        },
      )
    }
    const other = new Error('disk full')
    await assert.rejects(
      uniquely(() => Promise.reject(other), 'topic'),
      (err) => err === other,
    )
    assert.equal(await uniquely(async () => 7, 'topic'), 7)
  })
})
