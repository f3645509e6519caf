import assert from 'node:assert/strict'
import { generateKeyPairSync } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { generateKeyFile, loadKeyFile } from './keys.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-keys-'))

describe('the signing key file', () => {
  after(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('is written readable by its owner only, and read back to the same public key', () => {
    const file = path.join(dir, 'nested', 'reach.pem')
    const made = generateKeyFile(file)
    assert.equal(fs.statSync(file).mode & 0o777, 0o600)
    assert.match(fs.readFileSync(file, 'utf8'), /^-----BEGIN PRIVATE KEY-----/)
    assert.equal(loadKeyFile(file).publicKey, made.publicKey)
    assert.match(made.publicKey, /^[A-Za-z0-9+/]{43}=$/)
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['reach.pem'], 'no temporary file is left')
  })

  it('is not replaced unless asked to, since pinned copies of the old key would break', () => {
    const file = path.join(dir, 'keep.pem')
    const first = generateKeyFile(file)
    assert.throws(() => generateKeyFile(file), /exists; keep it, or add --force/)
    assert.equal(loadKeyFile(file).publicKey, first.publicKey)
    const second = generateKeyFile(file, { force: true })
    assert.notEqual(second.publicKey, first.publicKey)
    assert.equal(fs.statSync(file).mode & 0o777, 0o600)
  })

  it('names the setting and the problem when the file is missing, garbage or another kind', () => {
    assert.throws(() => loadKeyFile(path.join(dir, 'absent.pem')), /REACH_KEY_FILE: cannot read/)
    const junk = path.join(dir, 'junk.pem')
    fs.writeFileSync(junk, 'not a key')
    assert.throws(() => loadKeyFile(junk), /REACH_KEY_FILE: .* is not a PEM private key/)
    const rsa = path.join(dir, 'rsa.pem')
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 })
    fs.writeFileSync(rsa, privateKey.export({ format: 'pem', type: 'pkcs8' }))
    assert.throws(() => loadKeyFile(rsa), /holds a rsa key, not Ed25519/)
  })
})
