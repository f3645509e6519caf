import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openTestStorage, skipFor, testDialects } from '../../../test/support/dialects.js'
import type { Storage } from '../../storage/index.js'
import { type SigninCounters, createSigninCounters } from './counters.js'

const T = 1_800_000_000_000
const WINDOW = 60_000

for (const dialect of testDialects) {
  describe(`${dialect}: sign-in counters`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    let repo: SigninCounters

    before(async () => {
      storage = await openTestStorage(dialect)
      repo = createSigninCounters(storage.db)
    })
    after(() => storage?.close())

    it('counts attempts within a window and starts again after it', async () => {
      assert.deepEqual(await repo.bumpCounter('k', WINDOW, T), { failures: 1, windowStart: T })
      assert.deepEqual(await repo.bumpCounter('k', WINDOW, T + 10), { failures: 2, windowStart: T })
      assert.deepEqual(await repo.bumpCounter('k', WINDOW, T + WINDOW), {
        failures: 1,
        windowStart: T + WINDOW,
      })
    })

    it('counts parallel attempts one by one', async () => {
      const counts = await Promise.all(
        Array.from({ length: 10 }, () => repo.bumpCounter('parallel', WINDOW, T)),
      )
      assert.deepEqual(
        counts.map((c) => c.failures).sort((a, b) => a - b),
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      )
    })

    it('takes one attempt back, never below zero, and clears a counter', async () => {
      await repo.unbumpCounter('parallel')
      assert.equal((await repo.bumpCounter('parallel', WINDOW, T)).failures, 10)
      await repo.bumpCounter('once', WINDOW, T)
      await repo.unbumpCounter('once')
      await repo.unbumpCounter('once')
      assert.equal((await repo.bumpCounter('once', WINDOW, T)).failures, 1)
      await repo.clearCounter('parallel')
      assert.equal((await repo.bumpCounter('parallel', WINDOW, T)).failures, 1)
    })

    it('forgets counters whose window started long ago', async () => {
      await repo.bumpCounter('old', WINDOW, T - 10 * WINDOW)
      await repo.deleteStaleCounters(new Date(T - WINDOW))
      assert.equal((await repo.bumpCounter('old', 100 * WINDOW, T)).failures, 1)
      assert.equal((await repo.bumpCounter('parallel', WINDOW, T)).failures, 2, 'recent ones stay')
    })
  })
}
