import { type ImportEnv, type RunOptions, runSource } from '../import-env.js'
import type { ImportReport } from '../report.js'
import { readGhostExport } from './export.js'
import { ghostMedia, ghostSource } from './source.js'

/** `masthead import ghost FILE.json`: read and checked whole, then written item by item. */
export async function importGhost(
  env: ImportEnv,
  file: string,
  opts: RunOptions = {},
): Promise<ImportReport> {
  const data = readGhostExport(file)
  const source = ghostSource(data, opts.subscribers ?? false)
  return runSource(env, source, opts.mediaFrom ? ghostMedia(opts.mediaFrom) : undefined, opts)
}
