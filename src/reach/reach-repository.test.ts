import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openTestStorage, skipFor, testDialects } from '../../test/support/dialects.js'
import type { Storage } from '../storage/index.js'
import type { ReachAddress } from './address.js'
import { createReachRepository, type ReachRepository } from './reach-repository.js'

const first: ReachAddress[] = [
  { kind: 'primary', label: '', value: 'https://lantern.example/' },
  { kind: 'other', label: 'Messenger', value: "@lantern'; drop table reach_address; --" },
  { kind: 'mirror', label: 'Ünïcødé 🏮', value: 'https://m.example/' },
]

for (const dialect of testDialects) {
  describe(`${dialect}: reach repository`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    let repo: ReachRepository
    before(async () => {
      storage = await openTestStorage(dialect)
      repo = createReachRepository(storage.db)
    })
    after(() => storage?.close())

    it('is empty and never changed at first', async () => {
      assert.deepEqual(await repo.list(), { addresses: [], updatedAt: null })
    })

    it('keeps the list in order with its change time, and replaces it whole', async () => {
      await repo.replace(first, new Date('2026-12-06T10:00:00Z'))
      assert.deepEqual(await repo.list(), {
        addresses: first,
        updatedAt: new Date('2026-12-06T10:00:00Z'),
      })
      await repo.replace(first.slice(2), new Date('2026-12-06T11:00:00Z'))
      assert.deepEqual(await repo.list(), {
        addresses: first.slice(2),
        updatedAt: new Date('2026-12-06T11:00:00Z'),
      })
      await repo.replace([], new Date('2026-12-06T12:00:00Z'))
      assert.deepEqual(await repo.list(), {
        addresses: [],
        updatedAt: new Date('2026-12-06T12:00:00Z'),
      })
    })

    it('writes nothing when a row cannot be stored: the old list stays whole', async () => {
      await repo.replace(first, new Date('2026-12-06T13:00:00Z'))
      const broken = [...first, { kind: 'mirror', label: '', value: null } as never]
      await assert.rejects(repo.replace(broken, new Date('2026-12-06T14:00:00Z')))
      assert.deepEqual(await repo.list(), {
        addresses: first,
        updatedAt: new Date('2026-12-06T13:00:00Z'),
      })
    })

    it('leaves out a kind it does not know (written by a newer version)', async () => {
      await storage.db
        .insertInto('reach_address')
        .values({ position: 99, kind: 'pigeon', label: '', value: 'coop 7' })
        .execute()
      assert.deepEqual((await repo.list()).addresses, first)
    })
  })
}
