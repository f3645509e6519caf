// The tables of src/imports/ (ADR 025), added to the Database type here (schema.ts is at its
// 400-line limit, and other areas add tables there in parallel).
import type { Generated } from 'kysely'

declare module './schema.js' {
  interface Database {
    redirect: RedirectTable
    import_key: ImportKeyTable
  }
}

/** Old addresses answered with 301 (src/imports/redirect.ts). */
export interface RedirectTable {
  id: Generated<number>
  /** A local path, normalised; `/?p=N` keeps its query. Unique. */
  from_path: string
  /** A local path on this site: never another host. */
  to_path: string
  /** `manual`, or the importer that made it (`wordpress`). */
  source: string
  created_at: number
}

/** What an import made of each item of a source (src/imports/import-keys.ts). */
export interface ImportKeyTable {
  source: string
  kind: string
  source_id: string
  local_id: number
  /** A hash of the normalised item last imported: equal means nothing to update. */
  hash: string
  updated_at: number
}
