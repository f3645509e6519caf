import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { retryOnDeadlock } from './pgboss-queue.js'

const deadlock = () => Object.assign(new Error('deadlock detected'), { code: '40P01' })

describe('retryOnDeadlock', () => {
  it('runs again what PostgreSQL aborted to break a deadlock', async () => {
    let calls = 0
    const r = await retryOnDeadlock(async () => {
      calls++
      if (calls < 3) throw deadlock()
      return 'queue made'
    })
    assert.equal(r, 'queue made')
    assert.equal(calls, 3)
  })

  it('passes any other error on at once', async () => {
    let calls = 0
    await assert.rejects(
      retryOnDeadlock(async () => {
        calls++
        throw Object.assign(new Error('relation does not exist'), { code: '42P01' })
      }),
      /relation does not exist/,
    )
    assert.equal(calls, 1)
  })

  it('gives up after the last try, with the deadlock itself', async () => {
    let calls = 0
    await assert.rejects(
      retryOnDeadlock(async () => {
        calls++
        throw deadlock()
      }, 3),
      /deadlock detected/,
    )
    assert.equal(calls, 3)
  })
})
