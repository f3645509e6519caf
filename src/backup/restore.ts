import fs from 'node:fs'
import path from 'node:path'
import * as tar from 'tar'
import { countRows, restoreSnapshot, type RowCounts } from '../storage/index.js'
import { isEmptyDir, sha256File } from './files.js'
import {
  DATABASE_DIR,
  MANIFEST_FILE,
  MEDIA_DIR,
  type Manifest,
  isSafeRelativePath,
  manifestSchema,
} from './manifest.js'

/** Why a restore stopped; `code` is listed in docs/errors.md. */
export class RestoreError extends Error {
  constructor(
    readonly code: 'BACKUP_INVALID' | 'RESTORE_TARGET_NOT_EMPTY' | 'RESTORE_VERIFY_FAILED',
    message: string,
  ) {
    super(message)
  }
}

export interface RestoreOptions {
  /** The .tar.gz written by createBackup. */
  file: string
  /** Where the database goes (DATABASE_URL). */
  databaseUrl: string
  mediaDir: string
  /** Overwrite a database with rows, or a media folder with files. */
  force?: boolean
  progress?: (line: string) => void
}

export interface RestoreResult {
  manifest: Manifest
  /** Rows per table after the restore, equal to the manifest's. */
  tables: RowCounts
  mediaFiles: number
}

// Kysely's own bookkeeping: a database that only has a schema is still empty.
const BOOKKEEPING = new Set(['kysely_migration', 'kysely_migration_lock'])

/**
 * Restores a backup. Nothing in the target is touched until the whole archive has been read into
 * a staging folder and checked: its layout (no links, no path leaving the folder, nothing the
 * manifest does not list), the manifest's shape, and every file's SHA-256. Then the database,
 * then the media folder; last, the row counts are compared with the manifest's.
 */
export async function restoreBackup(opts: RestoreOptions): Promise<RestoreResult> {
  const say = opts.progress ?? (() => {})
  const mediaDir = path.resolve(opts.mediaDir)
  // Staged beside the media folder, so moving the media into place is a rename.
  await fs.promises.mkdir(path.dirname(mediaDir), { recursive: true })
  const staging = await fs.promises.mkdtemp(path.join(path.dirname(mediaDir), '.masthead-restore-'))
  try {
    say(`reading ${opts.file}`)
    const hashes = await extractChecked(opts.file, staging)
    const manifest = readManifest(staging)
    verifyFiles(manifest, hashes)
    say(
      `archive checked: ${manifest.dialect} database of ${manifest.created}, ${manifest.media.length} media files`,
    )

    const existing = await countRows(opts.databaseUrl)
    const rows = Object.entries(existing)
      .filter(([t]) => !BOOKKEEPING.has(t))
      .reduce((a, [, n]) => a + n, 0)
    if (rows > 0 && !opts.force) {
      throw new RestoreError(
        'RESTORE_TARGET_NOT_EMPTY',
        `the target database has ${rows} rows; restore into an empty database, or add --force to replace it`,
      )
    }
    if (!isEmptyDir(mediaDir) && !opts.force) {
      throw new RestoreError(
        'RESTORE_TARGET_NOT_EMPTY',
        `the media folder ${mediaDir} is not empty; empty it, or add --force to replace it`,
      )
    }

    say('restoring the database')
    await restoreSnapshot(opts.databaseUrl, path.join(staging, manifest.database.file), {
      dialect: manifest.dialect,
      schema: manifest.schema,
    })
    say('restoring the media files')
    await fs.promises.rm(mediaDir, { recursive: true, force: true })
    const stagedMedia = path.join(staging, MEDIA_DIR)
    if (fs.existsSync(stagedMedia)) await fs.promises.rename(stagedMedia, mediaDir)
    else await fs.promises.mkdir(mediaDir, { recursive: true })

    const tables = await countRows(opts.databaseUrl)
    const wrong = Object.entries(manifest.tables).filter(([t, n]) => tables[t] !== n)
    if (wrong.length > 0) {
      throw new RestoreError(
        'RESTORE_VERIFY_FAILED',
        `row counts differ from the backup: ${wrong.map(([t, n]) => `${t} ${tables[t] ?? 'missing'} (expected ${n})`).join(', ')}`,
      )
    }
    for (const [t, n] of Object.entries(manifest.tables)) say(`  ${t}: ${n} rows`)
    say(
      `restored: ${Object.keys(manifest.tables).length} tables, ${manifest.media.length} media files; counts match the backup`,
    )
    return { manifest, tables, mediaFiles: manifest.media.length }
  } finally {
    await fs.promises.rm(staging, { recursive: true, force: true })
  }
}

/** The one database file name each layout allows, and media under its folder. */
function allowedEntry(name: string): boolean {
  return (
    name === MANIFEST_FILE ||
    name === `${DATABASE_DIR}/masthead.sqlite` ||
    name === `${DATABASE_DIR}/masthead.pgdump` ||
    (name.startsWith(`${MEDIA_DIR}/`) && name.length > MEDIA_DIR.length + 1)
  )
}

/**
 * Reads the archive into `staging`. A first pass only looks at the headers and refuses the whole
 * archive for a link, a device, a path that is absolute or has `..`, a name outside the layout,
 * or a name given twice; a second pass extracts (tar's own path checks on as well), and each
 * staged file is hashed from disk. A truncated or corrupt stream fails either pass. Returns each
 * file's SHA-256 and size by entry name.
 */
async function extractChecked(
  file: string,
  staging: string,
): Promise<Map<string, { sha256: string; bytes: number }>> {
  const names = new Set<string>()
  let refusal: string | null = null
  const refuse = (why: string) => void (refusal ??= why)
  const isFile = (type: string) =>
    type === 'File' || type === 'OldFile' || type === 'ContiguousFile'
  try {
    await tar.t({
      file,
      strict: true,
      onReadEntry(entry) {
        const name = entry.path.replace(/\/$/, '')
        if (!isSafeRelativePath(name)) refuse(`unsafe path ${JSON.stringify(entry.path)}`)
        else if (entry.type === 'Directory') return
        else if (!isFile(entry.type))
          refuse(`${JSON.stringify(entry.path)} is a ${entry.type}, not a file`)
        else if (!allowedEntry(name)) refuse(`unexpected path ${JSON.stringify(entry.path)}`)
        else if (names.has(name)) refuse(`${JSON.stringify(name)} appears twice`)
        else names.add(name)
      },
    })
    if (refusal) throw new RestoreError('BACKUP_INVALID', `the archive was refused: ${refusal}`)
    await tar.x({
      file,
      cwd: staging,
      strict: true,
      // Only what the first pass accepted, even if the file changed in between.
      filter: (p, entry) => 'type' in entry && isFile(entry.type) && names.has(p),
    })
  } catch (err) {
    if (err instanceof RestoreError) throw err
    throw new RestoreError(
      'BACKUP_INVALID',
      `the archive is damaged or truncated: ${(err as Error).message}`,
    )
  }
  const hashes = new Map<string, { sha256: string; bytes: number }>()
  for (const name of names) {
    const staged = path.join(staging, name)
    const stat = await fs.promises.lstat(staged).catch(() => null)
    if (!stat?.isFile()) throw new RestoreError('BACKUP_INVALID', `${name} could not be read`)
    hashes.set(name, { sha256: await sha256File(staged), bytes: stat.size })
  }
  return hashes
}

function readManifest(staging: string): Manifest {
  const file = path.join(staging, MANIFEST_FILE)
  if (!fs.existsSync(file))
    throw new RestoreError('BACKUP_INVALID', 'the archive has no manifest.json')
  let json: unknown
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (err) {
    throw new RestoreError('BACKUP_INVALID', `manifest.json is not JSON: ${(err as Error).message}`)
  }
  const parsed = manifestSchema.safeParse(json)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    throw new RestoreError('BACKUP_INVALID', `manifest.json is not valid: ${problems.join('; ')}`)
  }
  return parsed.data
}

/** Every file the manifest lists is there with its hash and size; nothing else is. */
function verifyFiles(manifest: Manifest, hashes: Map<string, { sha256: string; bytes: number }>) {
  const expected = new Map<string, { sha256: string; bytes: number }>([
    [manifest.database.file, manifest.database],
    ...manifest.media.map((m) => [`${MEDIA_DIR}/${m.path}`, m] as const),
  ])
  for (const [name, want] of expected) {
    const got = hashes.get(name)
    if (!got)
      throw new RestoreError('BACKUP_INVALID', `${name} is listed in the manifest but missing`)
    if (got.sha256 !== want.sha256 || got.bytes !== want.bytes) {
      throw new RestoreError('BACKUP_INVALID', `${name} does not match its SHA-256 in the manifest`)
    }
  }
  for (const name of hashes.keys()) {
    if (name !== MANIFEST_FILE && !expected.has(name)) {
      throw new RestoreError('BACKUP_INVALID', `${name} is in the archive but not in the manifest`)
    }
  }
}
