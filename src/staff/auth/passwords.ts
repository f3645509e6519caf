import { z } from 'zod'

/** Long passphrases are welcome; the upper bound keeps hashing cost bounded. */
export const PasswordRule = z.string().min(12, 'use at least 12 characters').max(256)

/** Longer input is cut here before checking, as the rule's bound does on the way in. */
const MAX_CHECKED = 256

/** argon2id hashing and checking. */
export interface Passwords {
  hash(password: string): Promise<string>
  /** Whether `password` matches `hash`; a malformed hash matches nothing. */
  verify(hash: string, password: string): Promise<boolean>
  /**
   * `verify` for a sign-in, where there may be no account (`hash` undefined): then the answer is
   * false after as much work, so the time tells nobody which addresses have accounts.
   */
  verifyOrNone(hash: string | undefined, password: string): Promise<boolean>
}

export function createPasswords(): Passwords {
  // @node-rs/argon2's default algorithm is argon2id; loaded on first use (native module).
  const argon = () => import('@node-rs/argon2')
  // Checked when the email is unknown, so both answers take as long.
  let dummyHash: Promise<string> | null = null

  return {
    async hash(password) {
      return (await argon()).hash(password)
    },

    async verify(hash, password) {
      return (await argon()).verify(hash, password.slice(0, MAX_CHECKED)).catch(() => false)
    },

    async verifyOrNone(hash, password) {
      const { verify, hash: make } = await argon()
      dummyHash ??= make('not a password of anyone here')
      const given = password.slice(0, MAX_CHECKED)
      return hash
        ? verify(hash, given).catch(() => false)
        : (await verify(await dummyHash, given).catch(() => false)) && false
    },
  }
}
