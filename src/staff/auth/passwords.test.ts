import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { PasswordRule, createPasswords } from './passwords.js'

describe('passwords', () => {
  const passwords = createPasswords()

  it('hashes with argon2id and checks', async () => {
    const hash = await passwords.hash('a long enough passphrase')
    assert.match(hash, /^\$argon2id\$/)
    assert.equal(await passwords.verify(hash, 'a long enough passphrase'), true)
    assert.equal(await passwords.verify(hash, 'a long enough passphrasE'), false)
    assert.equal(await passwords.verify('not a hash', 'anything'), false)
  })

  it('checks only the first 256 characters, as the rule allows no more', async () => {
    const long = 'x'.repeat(256)
    const hash = await passwords.hash(long)
    assert.equal(await passwords.verify(hash, `${long}and more`), true)
    assert.equal(PasswordRule.safeParse(long).success, true)
    assert.equal(PasswordRule.safeParse(`${long}y`).success, false)
    assert.equal(PasswordRule.safeParse('short').success, false)
  })

  it('says no when there is no account, after the same work', async () => {
    const hash = await passwords.hash('a long enough passphrase')
    assert.equal(await passwords.verifyOrNone(hash, 'a long enough passphrase'), true)
    assert.equal(await passwords.verifyOrNone(hash, 'wrong'), false)
    assert.equal(await passwords.verifyOrNone(undefined, 'not a password of anyone here'), false)
  })
})
