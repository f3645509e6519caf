import type { Clock } from '../../lib/clock.js'
import type { AuditRecorder } from '../audit.js'
import type { TotpStore } from '../repositories/totp.js'
import type { Signer } from '../signer.js'
import type { StaffMember } from '../staff-member.js'
import { checkCode } from './totp.js'

/** What enrolling shows: the secret, as text and as an otpauth:// address for a QR code. */
export interface TwoFactorEnrolment {
  secret: string
  uri: string
  /** Lets the confirm step trust the secret came from us without storing it yet. */
  proof: string
}

/** Turning two-factor sign-in (TOTP) on and off. */
export interface TwoFactor {
  /** A new secret to show while enrolling; nothing changes until `enableTwoFactor`. */
  beginTwoFactor(staff: StaffMember, issuer: string): Promise<TwoFactorEnrolment>
  /** Turns two-factor on once the person shows a code from the app they just set up. */
  enableTwoFactor(
    staff: StaffMember,
    totpSecret: string,
    proof: string,
    code: string,
  ): Promise<boolean>
  /** Turns it off; asks for a current code so a borrowed session alone cannot. */
  disableTwoFactor(staff: StaffMember, code: string): Promise<boolean>
}

export function createTwoFactor(deps: {
  repo: TotpStore
  clock: Clock
  signer: Signer
  audit: AuditRecorder
}): TwoFactor {
  const { repo, clock, signer } = deps
  return {
    async beginTwoFactor(staff, issuer) {
      const { generateSecret, generateURI } = await import('otplib')
      const totpSecret = generateSecret()
      return {
        secret: totpSecret,
        uri: generateURI({ issuer, label: staff.email, secret: totpSecret }),
        proof: await signer.sign(`enrol:${staff.id}:${totpSecret}`),
      }
    },

    async enableTwoFactor(staff, totpSecret, proof, code) {
      if (!(await signer.verifySigned(`enrol:${staff.id}:${totpSecret}`, proof))) return false
      const step = await checkCode(totpSecret, code, clock.now().getTime())
      if (step === null) return false
      await repo.setTotp(staff.id, totpSecret, step)
      await deps.audit({ staffId: staff.id, action: 'two-factor.on', subject: `staff:${staff.id}` })
      return true
    },

    async disableTwoFactor(staff, code) {
      const totp = await repo.totpOf(staff.id)
      if (!totp?.secret) return true
      const step = await checkCode(totp.secret, code, clock.now().getTime())
      if (step === null || !(await repo.claimTotpStep(staff.id, step))) return false
      await repo.setTotp(staff.id, null, null)
      await deps.audit({
        staffId: staff.id,
        action: 'two-factor.off',
        subject: `staff:${staff.id}`,
      })
      return true
    },
  }
}
