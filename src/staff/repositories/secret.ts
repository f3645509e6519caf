import type { Kysely } from 'kysely'
import type { Database } from '../../storage/index.js'

/** The server's own secret, kept in the `setting` table. */
export interface SecretStore {
  /**
   * The server's own secret (for CSRF tokens, signed links and address hashes), made once with
   * `make` by whichever instance asks first, and the same for every instance after that.
   */
  secret(make: () => string): Promise<string>
}

export function createSecretStore(db: Kysely<Database>): SecretStore {
  return {
    async secret(make) {
      await db
        .insertInto('setting')
        .values({ key: 'secret', value: make() })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute()
      const r = await db
        .selectFrom('setting')
        .select('value')
        .where('key', '=', 'secret')
        .executeTakeFirstOrThrow()
      return r.value
    },
  }
}
