import fs from 'node:fs'
import path from 'node:path'
import * as tar from 'tar'
import { MANIFEST, RUNNING } from './out-dir.js'

/**
 * Packs the mirror in `out` into one .tar.gz (without the manifest), written under a temporary
 * name and renamed when complete, so an interrupted run leaves the previous archive whole.
 */
export async function writeArchive(out: string, file: string, files: readonly string[]) {
  const tmp = `${file}.${process.pid}.tmp`
  await fs.promises.mkdir(path.dirname(path.resolve(file)), { recursive: true })
  try {
    await tar.create(
      { gzip: true, file: tmp, cwd: out, portable: true },
      [...files].filter((f) => f !== MANIFEST && f !== RUNNING).sort(),
    )
    await fs.promises.rename(tmp, file)
  } finally {
    await fs.promises.rm(tmp, { force: true })
  }
}
