import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { generate } from 'otplib'
import { checkCode } from './totp.js'

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
const NOW = 1_800_000_015_000
const STEP = Math.floor(NOW / 30_000)

describe('TOTP codes', () => {
  it('gives the time step a current code matches, allowing one step of drift', async () => {
    const code = await generate({ secret: SECRET, epoch: NOW / 1000 })
    assert.equal(await checkCode(SECRET, code, NOW), STEP)
    assert.equal(await checkCode(SECRET, ` ${code.slice(0, 3)} ${code.slice(3)} `, NOW), STEP)
    const previous = await generate({ secret: SECRET, epoch: NOW / 1000 - 30 })
    assert.equal(await checkCode(SECRET, previous, NOW), STEP - 1)
    const old = await generate({ secret: SECRET, epoch: NOW / 1000 - 90 })
    assert.equal(await checkCode(SECRET, old, NOW), null)
  })

  it('matches nothing with a malformed code or secret', async () => {
    assert.equal(await checkCode(SECRET, '12345', NOW), null)
    assert.equal(await checkCode(SECRET, 'abcdef', NOW), null)
    assert.equal(await checkCode('not base32 !', '123456', NOW), null)
  })
})
