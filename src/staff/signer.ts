import crypto from 'node:crypto'
import type { SecretStore } from './repositories/secret.js'

/** Signs values with the server's secret: links and tokens that must not be guessed or altered. */
export interface Signer {
  /** An HMAC-SHA256 of `data`, base64url (43 characters). */
  sign(data: string): Promise<string>
  /** Whether `sig` is `sign(data)`, compared in constant time. */
  verifySigned(data: string, sig: string): Promise<boolean>
}

/** The signer, with the secret itself for what must derive its own keys from it (CSRF tokens). */
export interface ServerSigner extends Signer {
  /** The server's secret, made once and shared by every instance through the database. */
  secret(): Promise<string>
}

export function createSigner(store: SecretStore): ServerSigner {
  let secretMemo: Promise<string> | null = null
  const secret = () =>
    (secretMemo ??= store
      .secret(() => crypto.randomBytes(32).toString('base64url'))
      .catch((err: unknown) => {
        // A failed first read (database down at start) must not stick until the next restart.
        secretMemo = null
        throw err
      }))

  async function sign(data: string): Promise<string> {
    return crypto
      .createHmac('sha256', await secret())
      .update(data)
      .digest('base64url')
  }

  return {
    secret,
    sign,
    async verifySigned(data, sig) {
      const a = Buffer.from(await sign(data))
      const b = Buffer.from(sig)
      return a.length === b.length && crypto.timingSafeEqual(a, b)
    },
  }
}
