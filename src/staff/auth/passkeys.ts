import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server'
import type { Clock } from '../../lib/clock.js'
import type { AuditRecorder } from '../audit.js'
import type { StaffAccounts } from '../repositories/accounts.js'
import type { PasskeyListing, PasskeyStore } from '../repositories/passkeys.js'
import type { SessionStore } from '../repositories/sessions.js'
import type { Signer } from '../signer.js'
import type { StaffMember } from '../staff-member.js'
import { startSession } from './sessions.js'
import type { SignInResult } from './sign-in.js'

/** How long the browser has to answer a challenge. */
const CHALLENGE_MS = 5 * 60_000

/** The relying party: this site, as WebAuthn names it (host) and checks it (origin). */
export interface RelyingParty {
  id: string
  origin: string
}

/** Passkeys (WebAuthn): adding one to an account, signing in with one, listing, removing. */
export interface Passkeys {
  /**
   * Options for the browser to create a passkey, and a signed token holding the challenge
   * (kept by the browser in a cookie, checked when the result comes back).
   */
  passkeyRegistrationOptions(
    staff: StaffMember,
    rp: { id: string; name: string },
  ): Promise<{ options: PublicKeyCredentialCreationOptionsJSON; token: string }>
  /** Verifies the browser's answer and stores the passkey; false for anything not genuine. */
  finishPasskeyRegistration(
    staff: StaffMember,
    response: unknown,
    token: string,
    rp: RelyingParty,
    name: string,
  ): Promise<boolean>
  /** Options and a challenge token for signing in with any passkey of this site. */
  passkeySignInOptions(
    rpId: string,
  ): Promise<{ options: PublicKeyCredentialRequestOptionsJSON; token: string }>
  /** A passkey with user verification is both factors at once: it opens a session directly. */
  finishPasskeySignIn(response: unknown, token: string, rp: RelyingParty): Promise<SignInResult>
  listPasskeys(staffId: number): Promise<PasskeyListing[]>
  /** Removes one of the staff member's own passkeys; false when there was none. */
  removePasskey(staff: StaffMember, id: string): Promise<boolean>
}

export interface PasskeysDeps {
  repo: PasskeyStore & Pick<StaffAccounts, 'findById'> & Pick<SessionStore, 'insertSession'>
  clock: Clock
  signer: Signer
  audit: AuditRecorder
}

export function createPasskeys(deps: PasskeysDeps): Passkeys {
  const { repo, clock, signer } = deps

  /** `purpose.staffId.expires.challenge.sig`: the challenge a browser must answer, for 5 minutes. */
  async function challengeToken(
    purpose: string,
    staffId: number,
    challenge: string,
  ): Promise<string> {
    const exp = clock.now().getTime() + CHALLENGE_MS
    return `${purpose}.${staffId}.${exp}.${challenge}.${await signer.sign(`wa:${purpose}:${staffId}:${exp}:${challenge}`)}`
  }

  async function readChallengeToken(
    token: string,
    purpose: string,
    staffId: number,
  ): Promise<string | null> {
    const m =
      /^([a-z]+)\.([0-9]+)\.([0-9]{13})\.([A-Za-z0-9_-]{16,200})\.([A-Za-z0-9_-]{43})$/.exec(token)
    if (!m || m[1] !== purpose || Number(m[2]) !== staffId || Number(m[3]) <= clock.now().getTime())
      return null
    return (await signer.verifySigned(`wa:${purpose}:${staffId}:${m[3]}:${m[4]}`, m[5]!))
      ? m[4]!
      : null
  }

  return {
    async passkeyRegistrationOptions(staff, rp) {
      const { generateRegistrationOptions } = await import('@simplewebauthn/server')
      const existing = await repo.listPasskeys(staff.id)
      const options = await generateRegistrationOptions({
        rpName: rp.name,
        rpID: rp.id,
        userName: staff.email,
        userDisplayName: staff.name,
        userID: new TextEncoder().encode(`staff:${staff.id}`),
        attestationType: 'none',
        excludeCredentials: existing.map((p) => ({ id: p.id })),
        authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      })
      return { options, token: await challengeToken('reg', staff.id, options.challenge) }
    },

    async finishPasskeyRegistration(staff, response, token, rp, name) {
      const challenge = await readChallengeToken(token, 'reg', staff.id)
      if (!challenge) return false
      const { verifyRegistrationResponse } = await import('@simplewebauthn/server')
      try {
        const r = await verifyRegistrationResponse({
          response: response as Parameters<typeof verifyRegistrationResponse>[0]['response'],
          expectedChallenge: challenge,
          expectedOrigin: rp.origin,
          expectedRPID: rp.id,
          requireUserVerification: true,
        })
        if (!r.verified) return false
        const c = r.registrationInfo.credential
        await repo.insertPasskey(
          {
            id: c.id,
            staffId: staff.id,
            publicKey: Buffer.from(c.publicKey).toString('base64url'),
            counter: c.counter,
            transports: c.transports ?? [],
            name: name.trim().slice(0, 80) || 'Passkey',
          },
          clock.now(),
        )
      } catch {
        // A malformed or foreign response is a refusal, not a fault.
        return false
      }
      await deps.audit({ staffId: staff.id, action: 'passkey.add', subject: `staff:${staff.id}` })
      return true
    },

    async passkeySignInOptions(rpId) {
      const { generateAuthenticationOptions } = await import('@simplewebauthn/server')
      const options = await generateAuthenticationOptions({
        rpID: rpId,
        userVerification: 'required',
      })
      return { options, token: await challengeToken('auth', 0, options.challenge) }
    },

    async finishPasskeySignIn(response, token, rp) {
      const challenge = await readChallengeToken(token, 'auth', 0)
      const id = (response as { id?: unknown } | null)?.id
      const key =
        typeof id === 'string' && id.length < 1400 ? await repo.findPasskey(id) : undefined
      if (!challenge || !key) return { ok: false, reason: 'invalid' }
      const staff = await repo.findById(key.staffId)
      if (!staff || staff.disabledAt) return { ok: false, reason: 'invalid' }
      const { verifyAuthenticationResponse } = await import('@simplewebauthn/server')
      try {
        const r = await verifyAuthenticationResponse({
          response: response as Parameters<typeof verifyAuthenticationResponse>[0]['response'],
          expectedChallenge: challenge,
          expectedOrigin: rp.origin,
          expectedRPID: rp.id,
          requireUserVerification: true,
          credential: {
            id: key.id,
            publicKey: new Uint8Array(Buffer.from(key.publicKey, 'base64url')),
            counter: key.counter,
            transports: key.transports as never,
          },
        })
        if (!r.verified) return { ok: false, reason: 'invalid' }
        await repo.usePasskey(key.id, r.authenticationInfo.newCounter, clock.now())
      } catch {
        await deps.audit({
          staffId: staff.id,
          action: 'signin.passkey-failed',
          subject: `staff:${staff.id}`,
        })
        return { ok: false, reason: 'invalid' }
      }
      return startSession(deps, staff, clock.now().getTime())
    },

    listPasskeys: (staffId) => repo.listPasskeys(staffId),

    async removePasskey(staff, id) {
      const ok = await repo.deletePasskey(id, staff.id)
      if (ok)
        await deps.audit({
          staffId: staff.id,
          action: 'passkey.remove',
          subject: `staff:${staff.id}`,
        })
      return ok
    },
  }
}
