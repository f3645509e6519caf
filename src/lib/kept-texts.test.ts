import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { keptTexts } from './kept-texts.js'

describe('kept texts', () => {
  it('makes a text once, then reads it back', () => {
    const texts = keptTexts(10)
    let made = 0
    const make = () => `text ${++made}`
    assert.equal(texts('a', make), 'text 1')
    assert.equal(texts('a', make), 'text 1')
    assert.equal(texts('b', make), 'text 2')
    assert.equal(made, 2)
  })

  it('forgets everything past its bound and starts again', () => {
    const texts = keptTexts(3)
    let made = 0
    for (const k of ['a', 'b', 'c', 'd', 'a']) texts(k, () => `${k}${++made}`)
    // 'd' came with three kept: all forgotten, so 'a' was made again.
    assert.equal(made, 5)
    assert.equal(
      texts('a', () => 'never'),
      'a5',
    )
    assert.equal(
      texts('d', () => 'd again'),
      'd4',
    )
  })
})
