import assert from 'node:assert/strict'
import crypto from 'node:crypto'
import { describe, it } from 'node:test'
import { createSigner } from './signer.js'

const store = (value = 'the-secret') => ({ secret: async () => value })

describe('the signer', () => {
  it('signs with HMAC-SHA256 of the server secret and checks signatures', async () => {
    const signer = createSigner(store())
    const sig = await signer.sign('pw:1:2')
    assert.equal(
      sig,
      crypto.createHmac('sha256', 'the-secret').update('pw:1:2').digest('base64url'),
    )
    assert.equal(sig.length, 43)
    assert.equal(await signer.verifySigned('pw:1:2', sig), true)
    assert.equal(await signer.verifySigned('pw:1:3', sig), false)
    assert.equal(await signer.verifySigned('pw:1:2', sig.slice(1)), false, 'another length')
    assert.equal(await signer.verifySigned('pw:1:2', ''), false)
  })

  it('agrees with another instance on the same secret, and not with one on another', async () => {
    const sig = await createSigner(store()).sign('x')
    assert.equal(await createSigner(store()).verifySigned('x', sig), true)
    assert.equal(await createSigner(store('other')).verifySigned('x', sig), false)
  })

  it('reads the secret once, but tries again after a failed first read', async () => {
    let reads = 0
    const signer = createSigner({
      secret: async () => {
        reads++
        if (reads === 1) throw new Error('database down')
        return 's'
      },
    })
    await assert.rejects(signer.secret(), /database down/)
    assert.equal(await signer.secret(), 's')
    await signer.sign('a')
    await signer.sign('b')
    assert.equal(reads, 2)
  })
})
