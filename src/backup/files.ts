import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

/** The SHA-256 of a file, read as a stream so large media never sit in memory whole. */
export async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256')
  await pipeline(fs.createReadStream(file), hash)
  return hash.digest('hex')
}

/**
 * Every regular file under `dir`, as paths relative to it with `/` separators, sorted. Links and
 * other special files are left out and reported: a backup copies the site's files, never what a
 * link points to. Files being written (the media store's `*.tmp`) are left out too.
 */
export async function listFiles(
  dir: string,
  skipped: (relative: string, why: string) => void,
): Promise<string[]> {
  const out: string[] = []
  const walk = async (relative: string): Promise<void> => {
    const entries = await fs.promises.readdir(path.join(dir, relative), { withFileTypes: true })
    for (const e of entries) {
      const rel = relative ? `${relative}/${e.name}` : e.name
      if (e.isDirectory()) await walk(rel)
      else if (!e.isFile()) skipped(rel, 'not a regular file')
      else if (e.name.endsWith('.tmp')) skipped(rel, 'being written')
      else out.push(rel)
    }
  }
  if (fs.existsSync(dir)) await walk('')
  return out.sort()
}

/** True when `dir` is missing or holds nothing. */
export function isEmptyDir(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0
}
