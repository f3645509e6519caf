import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { joinProblem } from './translation.js'

describe('joining translations', () => {
  const en = { id: 1, language: 'en' }
  const ru = { id: 2, language: 'ru' }
  const uk = { id: 3, language: 'uk' }

  it('joins groups whose languages differ', () => {
    assert.equal(joinProblem([en], [ru]), null)
    assert.equal(joinProblem([en, ru], [uk]), null)
  })

  it('refuses a second story in a language the group has, naming the one that holds it', () => {
    assert.deepEqual(joinProblem([en, ru], [{ id: 9, language: 'ru' }]), {
      kind: 'language-taken',
      language: 'ru',
      by: 2,
    })
  })

  it('refuses stories already in one group', () => {
    assert.deepEqual(joinProblem([en, ru], [ru, en]), { kind: 'same-article' })
    assert.deepEqual(joinProblem([en], [en]), { kind: 'same-article' })
  })
})
