import { ImportError, readableFile } from '../import-error.js'
import { type ImportEnv, type RunOptions, runSource } from '../import-env.js'
import type { ImportReport } from '../report.js'
import { WxrError } from './wxr-reader.js'
import { mediaFrom, wordpressSource } from './source.js'

export { ImportError } from '../import-error.js'

/** What an import of a WordPress export is made of: the app's services and its database. */
export type WordpressImportEnv = ImportEnv

/** `masthead import wordpress FILE`: the whole run, as the command line and tests call it. */
export async function importWordpress(
  env: ImportEnv,
  file: string,
  opts: RunOptions = {},
): Promise<ImportReport> {
  readableFile(file)
  try {
    // A WXR holds no subscribers: `--subscribers` reports none.
    const source = { ...wordpressSource(file), subscribers: [] }
    return await runSource(env, source, opts.mediaFrom ? mediaFrom(opts.mediaFrom) : undefined, {
      ...opts,
      subscribers: false,
    })
  } catch (err) {
    if (err instanceof WxrError) throw new ImportError(err.code, err.message)
    throw err
  }
}
