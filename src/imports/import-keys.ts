/** Queries of the `import_key` table: what an import made of each source item. */
import type { Kysely } from 'kysely'
import type { Database } from '../storage/index.js'

export type KeyKind = 'author' | 'section' | 'topic' | 'image' | 'article'

export interface ImportKey {
  localId: number
  hash: string
}

export interface ImportKeyRepository {
  find(source: string, kind: KeyKind, sourceId: string): Promise<ImportKey | undefined>
  /** Records (or moves) what an item became, with the hash of what was written. */
  put(source: string, kind: KeyKind, sourceId: string, key: ImportKey, at: Date): Promise<void>
}

export function createImportKeyRepository(db: Kysely<Database>): ImportKeyRepository {
  return {
    async find(source, kind, sourceId) {
      const r = await db
        .selectFrom('import_key')
        .select(['local_id', 'hash'])
        .where('source', '=', source)
        .where('kind', '=', kind)
        .where('source_id', '=', sourceId)
        .executeTakeFirst()
      return r && { localId: Number(r.local_id), hash: r.hash }
    },

    async put(source, kind, sourceId, key, at) {
      const values = { local_id: key.localId, hash: key.hash, updated_at: at.getTime() }
      await db
        .insertInto('import_key')
        .values({ source, kind, source_id: sourceId, ...values })
        .onConflict((oc) => oc.columns(['source', 'kind', 'source_id']).doUpdateSet(values))
        .execute()
    },
  }
}
