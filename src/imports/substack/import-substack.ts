import { readableFile } from '../import-error.js'
import { type ImportEnv, type RunOptions, runSource } from '../import-env.js'
import type { ImportReport } from '../report.js'
import { openExport } from './archive.js'
import { substackMedia, substackSource } from './source.js'

/** `masthead import substack DIR|FILE.zip`: opened and checked, then written post by post. */
export async function importSubstack(
  env: ImportEnv,
  where: string,
  opts: RunOptions = {},
): Promise<ImportReport> {
  const files = await openExport(where, readableFile(where, 'file or folder'))
  try {
    const source = await substackSource(files, opts.subscribers ?? false)
    const media = opts.mediaFrom ? substackMedia(opts.mediaFrom) : undefined
    return await runSource(env, source, media, opts)
  } finally {
    files.close()
  }
}
