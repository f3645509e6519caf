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

describe('revision diff limits', () => {
  it('stays quick and small for huge texts with many lines', () => {
    const big = Array.from({ length: 20_000 }, (_, i) => `line ${i}`).join('\n')
    const started = process.hrtime.bigint()
    const d = diffText(big, `${big}\nmore`)
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    assert.equal(
      d
        .filter((p) => p.op !== 'removed')
        .map((p) => p.text)
        .join(''),
      `${big}\nmore`,
    )
    console.log(`# diff of two 20,000-line texts: ${ms.toFixed(0)} ms`)
  })
})
