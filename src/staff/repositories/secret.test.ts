import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openTestStorage, skipFor, testDialects } from '../../../test/support/dialects.js'
import type { Storage } from '../../storage/index.js'
import { createSecretStore } from './secret.js'

for (const dialect of testDialects) {
  describe(`${dialect}: the server's secret`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage

    before(async () => {
      storage = await openTestStorage(dialect)
    })
    after(() => storage?.close())

    it('is made once, by whoever asks first, and the same for everyone after', async () => {
      const one = createSecretStore(storage.db)
      const two = createSecretStore(storage.db)
      const [a, b] = await Promise.all([one.secret(() => 'first'), two.secret(() => 'second')])
      assert.equal(a, b)
      assert.ok(a === 'first' || a === 'second')
      assert.equal(await one.secret(() => 'third'), a)
    })
  })
}
