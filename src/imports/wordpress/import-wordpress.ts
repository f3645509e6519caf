import fs from 'node:fs'
import type { Kysely } from 'kysely'
import { type MediaStore, processUpload } from '../../files/index.js'
import type { Database } from '../../storage/index.js'
import { createImportKeyRepository } from '../import-keys.js'
import { type ImportDeps, type ImportOptions, runImport } from '../import-service.js'
import type { ImportReport } from '../report.js'
import { WxrError } from './wxr-reader.js'
import { mediaFrom, wordpressSource } from './source.js'

export type ImportFailure = WxrError['code'] | 'IMPORT_FILE_UNREADABLE'

/** A refusal with a code from docs/errors.md, for the command line to print. */
export class ImportError extends Error {
  constructor(
    readonly code: ImportFailure,
    message: string,
  ) {
    super(message)
  }
}

/** What an import of a WordPress export is made of: the app's services and its database. */
export interface WordpressImportEnv extends Pick<
  ImportDeps,
  'content' | 'repo' | 'redirects' | 'clock'
> {
  db: Kysely<Database>
  media: MediaStore
}

/** `masthead import wordpress FILE`: the whole run, as the command line and tests call it. */
export async function importWordpress(
  env: WordpressImportEnv,
  file: string,
  opts: ImportOptions & { mediaFrom?: string | undefined } = {},
): Promise<ImportReport> {
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
    fs.accessSync(file, fs.constants.R_OK)
  } catch (err) {
    throw new ImportError(
      'IMPORT_FILE_UNREADABLE',
      `cannot read ${file}: ${(err as Error).message}`,
    )
  }
  if (!stat.isFile()) throw new ImportError('IMPORT_FILE_UNREADABLE', `${file} is not a file`)
  const deps: ImportDeps = {
    content: env.content,
    repo: env.repo,
    redirects: env.redirects,
    clock: env.clock,
    keys: createImportKeyRepository(env.db),
    fetchMedia: opts.mediaFrom ? mediaFrom(opts.mediaFrom) : undefined,
    storeImage: (bytes) => processUpload(env.media, bytes),
  }
  try {
    return await runImport(deps, wordpressSource(file), opts)
  } catch (err) {
    if (err instanceof WxrError) throw new ImportError(err.code, err.message)
    throw err
  }
}
