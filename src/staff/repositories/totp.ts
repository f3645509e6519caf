import type { Kysely } from 'kysely'
import type { Database } from '../../storage/index.js'

/** An account's authenticator secret and the last time step a code was accepted for. */
export interface TotpState {
  secret: string | null
  lastStep: number | null
}

/** Two-factor secrets, kept on the staff row. */
export interface TotpStore {
  /** Undefined when there is no such account. */
  totpOf(staffId: number): Promise<TotpState | undefined>
  /** Turns two-factor on (a secret) or off (null). */
  setTotp(staffId: number, secret: string | null, lastStep: number | null): Promise<void>
  /** Accepts a time step only if it is newer than the last one (atomic: a code is good once). */
  claimTotpStep(staffId: number, step: number): Promise<boolean>
}

export function createTotpStore(db: Kysely<Database>): TotpStore {
  return {
    async totpOf(staffId) {
      const r = await db
        .selectFrom('staff')
        .select(['totp_secret', 'totp_last_step'])
        .where('id', '=', staffId)
        .executeTakeFirst()
      return r
        ? {
            secret: r.totp_secret,
            lastStep: r.totp_last_step === null ? null : Number(r.totp_last_step),
          }
        : undefined
    },

    async setTotp(staffId, secret, lastStep) {
      await db
        .updateTable('staff')
        .set({ totp_secret: secret, totp_last_step: lastStep })
        .where('id', '=', staffId)
        .execute()
    },

    async claimTotpStep(staffId, step) {
      const r = await db
        .updateTable('staff')
        .set({ totp_last_step: step })
        .where('id', '=', staffId)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },
  }
}
