import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openTestStorage, skipFor, testDialects } from '../../../test/support/dialects.js'
import type { Storage } from '../../storage/index.js'
import { type SuppressionStore, createSuppressionStore } from './suppressions.js'

const NOW = new Date('2026-11-26T12:00:00Z')

for (const dialect of testDialects) {
  describe(`${dialect}: suppression store`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    let repo: SuppressionStore

    before(async () => {
      storage = await openTestStorage(dialect)
      repo = createSuppressionStore(storage.db)
    })
    after(() => storage?.close())

    it('records new addresses only, an address already suppressed keeping its record', async () => {
      const added = await repo.suppress(
        [
          { email: 'a@example.org', reason: 'bounce', detail: '550 no such user' },
          { email: 'b@example.org', reason: 'complaint', detail: '' },
          { email: 'b@example.org', reason: 'complaint', detail: 'named twice in one report' },
        ],
        'webhook',
        NOW,
      )
      assert.equal(added, 2)
      assert.equal(
        await repo.suppress(
          [{ email: 'a@example.org', reason: 'manual', detail: '' }],
          'admin',
          NOW,
        ),
        0,
      )
      assert.equal(await repo.suppress([], 'admin', NOW), 0)
      assert.deepEqual(await repo.findSuppression('a@example.org'), {
        email: 'a@example.org',
        reason: 'bounce',
        source: 'webhook',
        detail: '550 no such user',
        at: NOW,
      })
      assert.equal(await repo.isSuppressed('b@example.org'), true)
      assert.equal(await repo.isSuppressed('c@example.org'), false)
      assert.equal(await repo.findSuppression('c@example.org'), undefined)
    })

    it('writes a long report in batches and counts by reason', async () => {
      const many = Array.from({ length: 1200 }, (_, i) => ({
        email: `m${i}@example.org`,
        reason: 'manual' as const,
        detail: '',
      }))
      assert.equal(await repo.suppress(many, 'csv', NOW), 1200)
      assert.deepEqual(await repo.countSuppressions(), { bounce: 1, complaint: 1, manual: 1200 })
    })
  })
}
