import crypto from 'node:crypto'
import { z } from 'zod'
import type { Clock } from '../lib/clock.js'
import { AppError } from '../lib/errors.js'
import { isUniqueViolation } from '../storage/index.js'
import type { AuditRecorder } from './audit.js'
import { PasswordRule, type Passwords } from './auth/passwords.js'
import { ROLES, canAssignRole } from './policy.js'
import type { StaffAccounts } from './repositories/accounts.js'
import type { StaffMember } from './staff-member.js'

const StaffInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .refine(
      (e) => /^[^\s@<>()[\]\\,;:"]+@[a-z0-9.-]+\.[a-z]{2,}$/i.test(e),
      'must be an email address',
    ),
  name: z
    .string()
    .trim()
    .min(1)
    .max(120)
    // Names go into email headers: no line breaks of any kind, no control characters.
    // eslint-disable-next-line no-control-regex
    .refine((n) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(n), 'must be one line of text'),
  role: z.enum(ROLES),
  password: PasswordRule,
  authorId: z.number().int().positive().nullish(),
  /** The password is shown to someone (the demo's, in a log): the person must replace it. */
  oneTimePassword: z.boolean().optional(),
})
export type StaffInput = z.input<typeof StaffInput>

/** What disabling an account came to. */
export type DisableOutcome = 'done' | 'self' | 'not-allowed' | 'unknown'

/** Adding, inviting, finding and disabling staff accounts. */
export interface AccountService {
  /** VALIDATION_FAILED for a bad email, name, role or password; EMAIL_TAKEN for a known email. */
  addStaff(input: StaffInput, actorId?: number | null): Promise<number>
  /** An account for someone who will choose their own password from an emailed link. */
  inviteStaff(input: Omit<StaffInput, 'password'>, actorId: number | null): Promise<number>
  /**
   * Ends someone's access at once (every session, every device) while keeping their name on
   * past work and in the audit log. Nobody disables themselves; only an owner disables an owner.
   */
  disableStaff(actor: StaffMember, staffId: number): Promise<DisableOutcome>
  /** Deletes an account that was never used (an invitation whose email could not go out). */
  removeUnusedAccount(staffId: number): Promise<void>
  /** By email, in any case and with surrounding spaces. */
  findByEmail(email: string): Promise<StaffMember | undefined>
  /** By name. */
  listStaff(): Promise<StaffMember[]>
  countStaff(): Promise<number>
}

export function createAccountService(deps: {
  repo: StaffAccounts
  clock: Clock
  passwords: Passwords
  audit: AuditRecorder
}): AccountService {
  const { repo, clock } = deps

  async function addStaff(input: StaffInput, actorId: number | null = null): Promise<number> {
    const parsed = StaffInput.safeParse(input)
    if (!parsed.success) {
      throw new AppError('VALIDATION_FAILED', {
        status: 422,
        message: 'The account has problems',
        details: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      })
    }
    const s = parsed.data
    const passwordHash = await deps.passwords.hash(s.password)
    let id: number
    try {
      id = await repo.insertStaff(
        {
          email: s.email,
          name: s.name,
          role: s.role,
          passwordHash,
          authorId: s.authorId ?? null,
          oneTimePassword: s.oneTimePassword ?? false,
        },
        clock.now(),
      )
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new AppError('EMAIL_TAKEN', {
          status: 409,
          message: 'An account with this email already exists',
          cause: err,
        })
      }
      throw err
    }
    await deps.audit({
      staffId: actorId,
      action: 'staff.add',
      subject: `staff:${id}`,
      detail: `${s.email} as ${s.role}`,
    })
    return id
  }

  return {
    addStaff,

    async inviteStaff(input, actorId) {
      // A password nobody knows until the link is used: the account cannot be entered before.
      return addStaff({ ...input, password: crypto.randomBytes(24).toString('base64url') }, actorId)
    },

    async disableStaff(actor, staffId) {
      if (actor.id === staffId) return 'self'
      const target = await repo.findById(staffId)
      if (!target) return 'unknown'
      if (!canAssignRole(actor.role, target.role)) return 'not-allowed'
      await repo.disableStaff(staffId, clock.now())
      await deps.audit({
        staffId: actor.id,
        action: 'staff.disable',
        subject: `staff:${staffId}`,
        detail: target.email,
      })
      return 'done'
    },

    async removeUnusedAccount(staffId) {
      await repo.deleteStaff(staffId)
    },

    async findByEmail(email) {
      return (await repo.findByEmailWithHash(email.trim().toLowerCase().slice(0, 254)))?.staff
    },

    listStaff: () => repo.listStaff(),
    countStaff: () => repo.countStaff(),
  }
}
