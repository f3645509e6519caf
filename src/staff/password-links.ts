import crypto from 'node:crypto'
import type { Clock } from '../lib/clock.js'
import { AppError } from '../lib/errors.js'
import type { AuditRecorder } from './audit.js'
import { PasswordRule, type Passwords } from './auth/passwords.js'
import type { StaffAccounts } from './repositories/accounts.js'
import type { SessionStore } from './repositories/sessions.js'
import type { SigninCounters } from './repositories/counters.js'
import type { Signer } from './signer.js'
import type { StaffMember } from './staff-member.js'

/** How long an invitation's link works, and a reset's. */
const LINK_HOURS = { invite: 7 * 24, reset: 1 } as const
/** Reset requests allowed per account and hour. */
const RESETS_PER_HOUR = 3

/** Invitations and password resets: emailed links to choose a password. */
export interface PasswordLinks {
  /**
   * A link to set a password: for an invitation (7 days) or a reset (1 hour). It names the
   * current password hash, so it stops working once any password is set with it or otherwise.
   */
  passwordLink(staffId: number, purpose: 'invite' | 'reset', origin: string): Promise<string>
  /** The staff member a password link was made for, if it is genuine, unexpired and unused. */
  checkPasswordLink(id: string, exp: string, sig: string): Promise<StaffMember | null>
  /** Sets a new password and ends every session of that account. VALIDATION_FAILED if weak. */
  setPassword(staff: StaffMember, password: string): Promise<void>
  /** Password-reset requests are limited per account, so nobody can flood a colleague's inbox. */
  allowResetRequest(email: string): Promise<boolean>
}

export function createPasswordLinks(deps: {
  repo: Pick<StaffAccounts, 'findById' | 'passwordHashOf' | 'setPasswordHash'> &
    Pick<SessionStore, 'deleteSessionsOf'> &
    Pick<SigninCounters, 'bumpCounter' | 'clearCounter'>
  clock: Clock
  signer: Signer
  passwords: Passwords
  audit: AuditRecorder
}): PasswordLinks {
  const { repo, clock, signer } = deps

  /** A short fingerprint of the current password hash: a link is good for this hash only. */
  async function hashTag(staffId: number): Promise<string> {
    const h = (await repo.passwordHashOf(staffId)) ?? ''
    return crypto.createHash('sha256').update(h).digest('base64url').slice(0, 16)
  }

  return {
    async passwordLink(staffId, purpose, origin) {
      const exp = clock.now().getTime() + LINK_HOURS[purpose] * 3600_000
      const sig = await signer.sign(`pw:${staffId}:${exp}:${await hashTag(staffId)}`)
      return `${origin}/admin/password/set/${staffId}/${exp}/${sig}`
    },

    async checkPasswordLink(id, exp, sig) {
      if (
        !/^[1-9][0-9]{0,11}$/.test(id) ||
        !/^[0-9]{13}$/.test(exp) ||
        Number(exp) <= clock.now().getTime()
      )
        return null
      const staff = await repo.findById(Number(id))
      if (!staff || staff.disabledAt) return null
      const genuine = await signer.verifySigned(`pw:${id}:${exp}:${await hashTag(staff.id)}`, sig)
      return genuine ? staff : null
    },

    async setPassword(staff, password) {
      const parsed = PasswordRule.safeParse(password)
      if (!parsed.success) {
        throw new AppError('VALIDATION_FAILED', {
          status: 422,
          message: 'The password has problems',
          details: parsed.error.issues.map((i) => `password: ${i.message}`),
        })
      }
      await repo.setPasswordHash(staff.id, await deps.passwords.hash(parsed.data))
      await repo.deleteSessionsOf(staff.id)
      await repo.clearCounter(`account:${staff.email}`)
      await deps.audit({ staffId: staff.id, action: 'password.set', subject: `staff:${staff.id}` })
    },

    async allowResetRequest(email) {
      const key = `reset:${email.trim().toLowerCase().slice(0, 254)}`
      const c = await repo.bumpCounter(key, 3600_000, clock.now().getTime())
      return c.failures <= RESETS_PER_HOUR
    },
  }
}
