import assert from 'node:assert/strict'
import { generateKeyPairSync } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { openTestStorage, skipFor, testDialects } from '../../test/support/dialects.js'
import { fixedClock } from '../lib/clock.js'
import { isAppError } from '../lib/errors.js'
import type { Storage } from '../storage/index.js'
import { createReachRepository } from './reach-repository.js'
import { createReachService, type ReachService } from './reach-service.js'
import { publicKeyText, verifyDocument } from './signed-list.js'

const { privateKey } = generateKeyPairSync('ed25519')
const key = { privateKey, publicKey: publicKeyText(privateKey) }

for (const dialect of testDialects) {
  describe(`${dialect}: reach service`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    let signed: ReachService
    let unsigned: ReachService
    const changes: string[][] = []
    const clock = fixedClock('2026-12-06T10:00:00Z')
    before(async () => {
      storage = await openTestStorage(dialect)
      const repo = createReachRepository(storage.db)
      const base = { repo, clock, siteName: 'The Lantern' }
      signed = createReachService({ ...base, key, onChange: (k) => changes.push([...k]) })
      unsigned = createReachService({ ...base, key: null })
    })
    after(() => storage?.close())

    it('saves a checked list, tells the page cache, and changes the footer at once', async () => {
      assert.equal(await signed.footer(), null)
      const saved = await signed.save([
        { kind: 'primary', label: '', value: 'https://lantern.example' },
        { kind: '', label: '', value: '' },
      ])
      assert.deepEqual(saved.addresses, [
        { kind: 'primary', label: '', value: 'https://lantern.example/' },
      ])
      assert.deepEqual(changes, [['reach']])
      assert.match((await signed.footer())!.text, /reach us at: https:\/\/lantern\.example\//)
    })

    it('refuses a list with a bad row whole, with every problem and its code', async () => {
      const before = await signed.list()
      const err = await signed
        .save([
          { kind: 'mirror', label: '', value: 'https://ok.example/' },
          { kind: 'mirror', label: '', value: 'javascript:alert(1)' },
          { kind: 'onion', label: '', value: 'http://nope.onion/' },
        ])
        .catch((e: unknown) => e)
      assert.ok(isAppError(err))
      assert.equal(err.code, 'REACH_LIST_INVALID')
      assert.equal(err.status, 422)
      assert.deepEqual(
        err.details.map((d) => /\[(\w+)\]$/.exec(d)?.[1]),
        ['REACH_URL_SCHEME', 'REACH_ONION_INVALID'],
      )
      assert.deepEqual(await signed.list(), before)
      assert.equal(changes.length, 1)
    })

    it('signs the list as it is now, or marks it unsigned without a key', async () => {
      clock.set('2026-12-06T11:00:00Z')
      const doc = await signed.document()
      const r = verifyDocument(JSON.stringify(doc), key.publicKey)
      assert.ok(r.valid)
      assert.equal(r.payload.issuedAt, '2026-12-06T11:00:00.000Z')
      assert.equal(r.payload.updatedAt, '2026-12-06T10:00:00.000Z')
      assert.deepEqual(r.payload.addresses, [{ kind: 'primary', url: 'https://lantern.example/' }])
      assert.equal(signed.publicKey, key.publicKey)
      const plain = await unsigned.document()
      assert.equal(plain.signed, false)
      assert.equal(unsigned.publicKey, null)
    })

    it('forgets its footer when another instance says the list changed', async () => {
      await unsigned.footer()
      await signed.save([{ kind: 'mirror', label: '', value: 'https://m.example/' }])
      // `unsigned` is a second service over the same database, as another instance would be.
      assert.match((await unsigned.footer())!.text, /lantern\.example/)
      unsigned.forget()
      assert.match((await unsigned.footer())!.text, /m\.example/)
    })

    it('reads its footer again after a minute when no instance told it (SQLite fleets)', async () => {
      await signed.save([{ kind: 'mirror', label: '', value: 'https://first.example/' }])
      unsigned.forget()
      assert.match((await unsigned.footer())!.text, /first\.example/)
      await signed.save([{ kind: 'mirror', label: '', value: 'https://second.example/' }])
      clock.set(new Date(clock.now().getTime() + 30_000))
      assert.match((await unsigned.footer())!.text, /first\.example/, 'kept within the minute')
      clock.set(new Date(clock.now().getTime() + 31_000))
      assert.match((await unsigned.footer())!.text, /second\.example/, 'read again after it')
    })
  })
}
