import type { Kysely } from 'kysely'
import type { Database } from '../../storage/index.js'

/** A registered passkey as sign-in checks it. */
export interface StoredPasskey {
  /** The credential id the browser names it by. */
  id: string
  staffId: number
  /** base64url of the COSE public key. */
  publicKey: string
  counter: number
  transports: string[]
}

/** A passkey as the account page lists it. */
export interface PasskeyListing {
  id: string
  name: string
  createdAt: Date
  lastUsedAt: Date | null
}

/** Staff passkeys (WebAuthn credentials). */
export interface PasskeyStore {
  insertPasskey(p: StoredPasskey & { name: string }, now: Date): Promise<void>
  findPasskey(id: string): Promise<StoredPasskey | undefined>
  /** Oldest first. */
  listPasskeys(staffId: number): Promise<PasskeyListing[]>
  /** Records a sign-in with it and the authenticator's new signature counter. */
  usePasskey(id: string, counter: number, now: Date): Promise<void>
  /** Only the owner's own passkey; false when there was none to remove. */
  deletePasskey(id: string, staffId: number): Promise<boolean>
}

export function createPasskeyStore(db: Kysely<Database>): PasskeyStore {
  return {
    async insertPasskey(p, now) {
      await db
        .insertInto('staff_passkey')
        .values({
          id: p.id,
          staff_id: p.staffId,
          public_key: p.publicKey,
          counter: p.counter,
          transports: JSON.stringify(p.transports),
          name: p.name,
          created_at: now.getTime(),
          last_used_at: null,
        })
        .execute()
    },

    async findPasskey(id) {
      const r = await db
        .selectFrom('staff_passkey')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst()
      if (!r) return undefined
      let transports: string[] = []
      try {
        transports = JSON.parse(r.transports) as string[]
      } catch {
        transports = []
      }
      return {
        id: r.id,
        staffId: r.staff_id,
        publicKey: r.public_key,
        counter: Number(r.counter),
        transports,
      }
    },

    async listPasskeys(staffId) {
      const rows = await db
        .selectFrom('staff_passkey')
        .select(['id', 'name', 'created_at', 'last_used_at'])
        .where('staff_id', '=', staffId)
        .orderBy('created_at')
        .execute()
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        createdAt: new Date(r.created_at),
        lastUsedAt: r.last_used_at === null ? null : new Date(r.last_used_at),
      }))
    },

    async usePasskey(id, counter, now) {
      await db
        .updateTable('staff_passkey')
        .set({ counter, last_used_at: now.getTime() })
        .where('id', '=', id)
        .execute()
    },

    async deletePasskey(id, staffId) {
      const r = await db
        .deleteFrom('staff_passkey')
        .where('id', '=', id)
        .where('staff_id', '=', staffId)
        .executeTakeFirst()
      return Number(r.numDeletedRows) === 1
    },
  }
}
