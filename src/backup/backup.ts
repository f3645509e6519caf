import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as tar from 'tar'
import type { Storage } from '../storage/index.js'
import { isEmptyDir, listFiles, sha256File } from './files.js'
import {
  DATABASE_DIR,
  MANIFEST_FILE,
  MANIFEST_VERSION,
  MEDIA_DIR,
  type Manifest,
  isSafeRelativePath,
} from './manifest.js'

export interface BackupOptions {
  storage: Pick<Storage, 'dialect' | 'snapshot'>
  mediaDir: string
  /** The .tar.gz to write; replaced only once the new archive is complete. */
  out: string
  /** One line per step, for the person at the terminal (stderr). */
  progress?: (line: string) => void
  now?: () => Date
}

export interface BackupResult {
  file: string
  bytes: number
  manifest: Manifest
}

/**
 * Writes one .tar.gz: manifest.json, the database copy (consistent while the site serves), and
 * every media file. The archive is written under a temporary name beside `out` and renamed when
 * complete, so `out` is never half an archive.
 */
export async function createBackup(opts: BackupOptions): Promise<BackupResult> {
  const say = opts.progress ?? (() => {})
  const staging = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'masthead-backup-'))
  const out = path.resolve(opts.out)
  const partial = `${out}.${process.pid}.partial`
  try {
    const dbName = `${DATABASE_DIR}/masthead.${opts.storage.dialect === 'sqlite' ? 'sqlite' : 'pgdump'}`
    await fs.promises.mkdir(path.join(staging, DATABASE_DIR))
    say(`copying the ${opts.storage.dialect} database`)
    const snap = await opts.storage.snapshot(path.join(staging, dbName))
    const dbFile = path.join(staging, dbName)
    const rows = Object.values(snap.tables).reduce((a, b) => a + b, 0)
    say(`database copied: ${Object.keys(snap.tables).length} tables, ${rows} rows`)

    const mediaDir = path.resolve(opts.mediaDir)
    const files = await listFiles(mediaDir, (rel, why) => say(`media: left out ${rel} (${why})`))
    const media: Manifest['media'] = []
    for (const [i, rel] of files.entries()) {
      if (!isSafeRelativePath(rel)) {
        say(`media: left out ${JSON.stringify(rel)} (a name restore would refuse)`)
        continue
      }
      const abs = path.join(mediaDir, rel)
      media.push({
        path: rel,
        bytes: (await fs.promises.stat(abs)).size,
        sha256: await sha256File(abs),
      })
      if ((i + 1) % 500 === 0) say(`media: hashed ${i + 1}/${files.length} files`)
    }
    say(`media: ${media.length} files`)

    const manifest: Manifest = {
      format: 'masthead-backup',
      version: MANIFEST_VERSION,
      dialect: opts.storage.dialect,
      ...(snap.schema ? { schema: snap.schema } : {}),
      created: (opts.now?.() ?? new Date()).toISOString(),
      database: {
        file: dbName as Manifest['database']['file'],
        bytes: (await fs.promises.stat(dbFile)).size,
        sha256: await sha256File(dbFile),
      },
      tables: snap.tables,
      media,
    }
    await fs.promises.writeFile(
      path.join(staging, MANIFEST_FILE),
      `${JSON.stringify(manifest, null, 2)}\n`,
    )
    // The media files go in through a link to the folder, so they are read in place, not copied
    // first; the entries themselves are the regular files listed above.
    if (media.length > 0 && !isEmptyDir(mediaDir)) {
      await fs.promises.symlink(mediaDir, path.join(staging, MEDIA_DIR), 'dir')
    }
    say(`writing ${out}`)
    await tar.create(
      { gzip: true, file: partial, cwd: staging, portable: true, noDirRecurse: true },
      [MANIFEST_FILE, dbName, ...media.map((m) => `${MEDIA_DIR}/${m.path}`)],
    )
    const handle = await fs.promises.open(partial, 'r')
    await handle.sync()
    await handle.close()
    await fs.promises.rename(partial, out)
    const bytes = (await fs.promises.stat(out)).size
    say(`backup written: ${out} (${bytes} bytes)`)
    return { file: out, bytes, manifest }
  } finally {
    await fs.promises.rm(partial, { force: true })
    await fs.promises.rm(staging, { recursive: true, force: true })
  }
}
