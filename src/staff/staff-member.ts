import type { Role } from './policy.js'

/** A person with an admin account, as every part of the staff domain hands it around. */
export interface StaffMember {
  id: number
  email: string
  name: string
  role: Role
  authorId: number | null
  createdAt: Date
  disabledAt: Date | null
  /** Whether sign-in asks for a code from an authenticator app after the password. */
  twoFactor: boolean
  /** Signed in with a one-time password (the demo's): every admin page asks for a new one. */
  mustChangePassword: boolean
}
