import assert from 'node:assert/strict'
import { PassThrough } from 'node:stream'
import { describe, it } from 'node:test'
import { createProgress } from './progress.js'

function sink(isTTY: boolean) {
  const s = Object.assign(new PassThrough(), { isTTY, columns: 80 })
  let text = ''
  s.on('data', (d: Buffer) => (text += d.toString()))
  return { s, text: () => text }
}

describe('export progress', () => {
  it('draws a bar in place on a terminal', () => {
    const { s, text } = sink(true)
    let t = 0
    const p = createProgress(s, { now: () => (t += 200) })
    p.update(5, 10)
    p.update(10, 10)
    p.end()
    assert.match(text(), /^\r\[#+-+\] 50% 5\/10\r\[#+\] 100% 10\/10\n$/)
  })

  it('writes a line now and then elsewhere', () => {
    const { s, text } = sink(false)
    let t = 0
    const p = createProgress(s, { everyMs: 1000, now: () => t })
    p.update(1, 10)
    t = 500
    p.update(2, 10)
    t = 1500
    p.update(3, 10)
    p.end()
    assert.equal(text(), 'exporting: 3/10 (30%)\n')
  })
})
