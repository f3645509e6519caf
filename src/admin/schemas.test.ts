import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Field, OptionalId, WholeForm, formBody } from './schemas.js'
import { parseForm } from './http-forms.js'

describe('admin route schemas', () => {
  it('reads a field as the handlers always did: the first value, or empty', () => {
    assert.equal(Field.parse('a'), 'a')
    assert.equal(Field.parse(['first', 'second']), 'first')
    assert.equal(Field.parse(undefined), '')
    assert.equal(Field.parse(5), '')
  })

  it('takes an id only when it is one', () => {
    assert.equal(OptionalId.parse('42'), 42)
    for (const bad of ['0', '042', 'x', '1234567890123', ['1'], undefined])
      assert.equal(OptionalId.parse(bad), undefined, String(bad))
  })

  it('reads a missing or odd body as an empty form, never refusing it', () => {
    const Body = formBody({ email: Field })
    assert.deepEqual(Body.parse(undefined), { email: '' })
    assert.deepEqual(Body.parse('text'), { email: '' })
    assert.deepEqual(Body.parse({ email: ['a@b', 'c@d'], other: 'x' }), { email: 'a@b' })
  })

  it('keeps a whole form as text, repeated fields as lists, and __proto__ as a field', () => {
    const form = WholeForm.parse(parseForm('a=1&t=x&t=y&__proto__=p'))
    assert.equal(Object.getPrototypeOf(form), null)
    assert.deepEqual({ ...form }, { a: '1', t: ['x', 'y'], ['__proto__']: 'p' })
    const json = WholeForm.parse({ a: 'x', n: 5, list: ['y', 6], nested: { b: 1 } })
    assert.deepEqual({ ...json }, { a: 'x', list: ['y'] })
    assert.deepEqual({ ...WholeForm.parse(null) }, {})
  })
})
