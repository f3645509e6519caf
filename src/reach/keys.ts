/**
 * The newsroom's signing key for the list of addresses: an Ed25519 private key in a PEM file
 * (PKCS #8) that only the server's user may read. Made by `masthead keys generate`, read at
 * start from the file REACH_KEY_FILE names.
 */
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { publicKeyText } from './signed-list.js'

export interface SigningKey {
  privateKey: KeyObject
  /** The raw public key, base64: what readers compare. */
  publicKey: string
}

/**
 * Writes a new private key to `file` with mode 0600 and returns its public key. Refuses to
 * replace a file unless `force`: readers and apps that pinned the old public key would then
 * take every genuine list for a forgery.
 */
export function generateKeyFile(file: string, opts: { force?: boolean } = {}): SigningKey {
  if (!opts.force && fs.existsSync(file))
    throw new Error(`${file} exists; keep it, or add --force to replace it`)
  const { privateKey } = generateKeyPairSync('ed25519')
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  // Written under a temporary name with its final mode from the first byte, then renamed: no
  // moment exists when the key is readable by others or half-written.
  // Without --force the new name is made with link(), which fails if the file appeared in the
  // meantime, where rename() would replace a key another command had just written.
  const tmp = `${file}.${process.pid}.tmp`
  fs.writeFileSync(tmp, pem, { mode: 0o600, flag: 'wx' })
  try {
    if (opts.force) fs.renameSync(tmp, file)
    else fs.linkSync(tmp, file)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new Error(`${file} exists; keep it, or add --force to replace it`, { cause: err })
    }
    throw err
  } finally {
    fs.rmSync(tmp, { force: true })
  }
  fs.chmodSync(file, 0o600)
  return { privateKey, publicKey: publicKeyText(privateKey) }
}

/** The key in `file`; an Error saying what is wrong when it cannot be read or is not Ed25519. */
export function loadKeyFile(file: string): SigningKey {
  let pem: string
  try {
    pem = fs.readFileSync(file, 'utf8')
  } catch (err) {
    throw new Error(`REACH_KEY_FILE: cannot read ${file} (${(err as Error).message})`, {
      cause: err,
    })
  }
  let privateKey: KeyObject
  try {
    privateKey = createPrivateKey(pem)
  } catch (err) {
    throw new Error(`REACH_KEY_FILE: ${file} is not a PEM private key`, { cause: err })
  }
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error(
      `REACH_KEY_FILE: ${file} holds a ${privateKey.asymmetricKeyType} key, not Ed25519 (make one with masthead keys generate)`,
    )
  return { privateKey, publicKey: publicKeyText(privateKey) }
}
