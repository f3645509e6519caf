import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { compileTemplate, fillTemplate } from './template.js'

describe('message templates', () => {
  it('splits on this marker’s slots only, and joins with each copy’s values', () => {
    const t = compileTemplate('{{m1:a}} and {{m2:a}}, {{m1:b_c}}.', 'm1')
    assert.deepEqual(t, { parts: ['', ' and {{m2:a}}, ', '.'], fields: ['a', 'b_c'] })
    assert.equal(fillTemplate(t, { a: 'one', b_c: 'two' }), 'one and {{m2:a}}, two.')
    assert.equal(fillTemplate(t, {}), ' and {{m2:a}}, .', 'a missing value is empty')
  })
})
