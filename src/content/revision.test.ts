import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { diffText } from './revision.js'

describe('revision diff', () => {
  it('marks added and removed words and keeps the rest', () => {
    const d = diffText('The council met on Monday.', 'The council met on Tuesday evening.')
    assert.deepEqual(d, [
      { op: 'same', text: 'The council met on ' },
      { op: 'removed', text: 'Monday.' },
      { op: 'added', text: 'Tuesday evening.' },
    ])
  })

  it('gives back both texts whole from its parts', () => {
    const a = 'one two three four five'
    const b = 'zero one three four six five'
    const d = diffText(a, b)
    assert.equal(
      d
        .filter((p) => p.op !== 'added')
        .map((p) => p.text)
        .join(''),
      a,
    )
    assert.equal(
      d
        .filter((p) => p.op !== 'removed')
        .map((p) => p.text)
        .join(''),
      b,
    )
  })

  it('handles empty texts and long ones', () => {
    assert.deepEqual(diffText('', 'new'), [{ op: 'added', text: 'new' }])
    assert.deepEqual(diffText('old', ''), [{ op: 'removed', text: 'old' }])
    const long = 'word '.repeat(7000)
    const d = diffText(long, `${long}\nmore`)
    assert.equal(
      d
        .filter((p) => p.op !== 'removed')
        .map((p) => p.text)
        .join(''),
      `${long}\nmore`,
    )
  })
})
