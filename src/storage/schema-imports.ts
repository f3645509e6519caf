// The tables of src/imports/ (ADR 025), added to the Database type here (schema.ts is at its
// 400-line limit, and other areas add tables there in parallel).
import type { Generated } from 'kysely'

declare module './schema.js' {
  interface Database {
    redirect: RedirectTable
    import_key: ImportKeyTable
    import_run: ImportRunTable
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

/** An import started in the admin (src/imports/import-runs.ts, ADR 029). */
export interface ImportRunTable {
  id: Generated<number>
  source: string
  /** The name the file was uploaded with (shown, never used as a path). */
  file_name: string
  /** The kept upload's name inside the imports folder; '' once the run ended and it is gone. */
  stored_file: string
  size: number
  dry_run: number
  subscribers: number
  /** queued, running, done, failed. */
  state: string
  /** The report so far (JSON), then the final one. */
  report: string | null
  error_code: string | null
  error: string | null
  attempts: Generated<number>
  /** A queued run not taken by then, or a running one not renewed by then, is sent again. */
  lease_until: number
  created_by: number | null
  created_at: number
  started_at: number | null
  finished_at: number | null
}
