import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

/** The manifest's name in the output folder: what marks the folder as ours. */
export const MANIFEST = '.masthead-export.json'
/** Present while a run is under way: the next run then sweeps what a stopped one left. */
export const RUNNING = '.masthead-export.running'

/** A problem with the command line or the output folder: exit 2, with a stable code. */
export class ExportInputError extends Error {
  constructor(
    readonly code:
      | 'EXPORT_OUT_REQUIRED'
      | 'EXPORT_URL_INVALID'
      | 'EXPORT_OUT_NOT_OURS'
      | 'EXPORT_OUT_UNWRITABLE'
      | 'EXPORT_ARCHIVE_UNWRITABLE',
    message: string,
  ) {
    super(message)
  }
}

const Entry = z.object({
  /** The site path the file was rendered from. */
  path: z.string(),
  /** SHA-256 of the bytes written. */
  hash: z.string(),
  /** What the page was made from (ADR 020); absent: rendered on every run. */
  fp: z.string().optional(),
  /** Articles the page shows (their paths), whose changes make it stale. */
  deps: z.array(z.string()).optional(),
  /** Files of the mirror the page needs (images, the stylesheet). */
  assets: z.array(z.string()).optional(),
  /** Pages found through this one (list pages after the first, sitemap files), kept for runs that skip it. */
  more: z.array(z.string()).optional(),
})
export type ManifestEntry = z.infer<typeof Entry>

const ManifestSchema = z.object({
  format: z.literal('masthead.static-export'),
  version: z.literal(1),
  url: z.string().nullable(),
  writtenAt: z.string(),
  /** False while a run is under way: the next run sweeps what a stopped one left. */
  complete: z.boolean().default(true),
  files: z.record(z.string(), Entry),
})
export type Manifest = z.infer<typeof ManifestSchema>
export type ManifestFiles = Manifest['files']

/** What an earlier run left: its files, and whether it finished. */
export interface Previous {
  files: ManifestFiles
  complete: boolean
}

export const sha256 = (data: string | Buffer) =>
  crypto.createHash('sha256').update(data).digest('hex')

/**
 * Makes sure `out` can take the mirror, and reads the manifest of an earlier run. A folder that
 * holds files but no manifest of ours is refused: the export removes what it did not write.
 * A manifest that cannot be read is treated as none (every file is written again).
 */
export function openOutDir(out: string): Previous {
  let entries: string[]
  try {
    fs.mkdirSync(out, { recursive: true })
    entries = fs.readdirSync(out)
    const probe = path.join(out, `.masthead-probe-${process.pid}`)
    fs.writeFileSync(probe, '')
    fs.rmSync(probe)
  } catch (err) {
    throw new ExportInputError(
      'EXPORT_OUT_UNWRITABLE',
      `cannot write into ${out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    )
  }
  const running = entries.includes(RUNNING)
  if (!entries.includes(MANIFEST)) {
    // A first run stopped before its first manifest: the marker says the folder is ours.
    if (entries.length > 0 && !running)
      throw new ExportInputError(
        'EXPORT_OUT_NOT_OURS',
        `${out} is not empty and holds no ${MANIFEST}: give an empty folder or one an earlier export made`,
      )
    return { files: {}, complete: !running }
  }
  try {
    const parsed = ManifestSchema.safeParse(
      JSON.parse(fs.readFileSync(path.join(out, MANIFEST), 'utf8')),
    )
    if (parsed.success)
      return { files: parsed.data.files, complete: parsed.data.complete && !running }
  } catch {
    // Unreadable: as if there were none, and swept.
  }
  return { files: {}, complete: false }
}

/** Marks a run as under way (a small file, so a big manifest is not written twice). */
export function markRunning(out: string, on: boolean) {
  const file = path.join(out, RUNNING)
  if (on) fs.writeFileSync(file, `${process.pid}\n`)
  else fs.rmSync(file, { force: true })
}

/** Removes the temporary files (`name.PID.tmp`) a stopped run left anywhere in `out`. */
export async function sweepTemporaryFiles(out: string): Promise<number> {
  const names = (await fs.promises.readdir(out, { recursive: true })) as string[]
  const stale = names.filter((n) => /\.\d+\.tmp$/.test(n))
  for (const n of stale) await fs.promises.rm(path.join(out, n), { force: true })
  return stale.length
}

/** Folders made in this process, so each is made once (a full export writes thousands). */
const made = new Set<string>()

/** Writes `data` to `out/file` under a temporary name, then renames it: never half a file. */
export async function writeAtomic(out: string, file: string, data: string | Buffer) {
  const target = path.join(out, file)
  const dir = path.dirname(target)
  if (!made.has(dir)) {
    await fs.promises.mkdir(dir, { recursive: true })
    made.add(dir)
  }
  const tmp = `${target}.${process.pid}.tmp`
  await fs.promises.writeFile(tmp, data)
  await fs.promises.rename(tmp, target)
}

export function saveManifest(
  out: string,
  url: string | null,
  files: ManifestFiles,
  complete = true,
) {
  const doc: Manifest = {
    format: 'masthead.static-export',
    version: 1,
    url,
    writtenAt: new Date().toISOString(),
    complete,
    files,
  }
  const target = path.join(out, MANIFEST)
  const tmp = `${target}.${process.pid}.tmp`
  fs.writeFileSync(tmp, JSON.stringify(doc))
  fs.renameSync(tmp, target)
}

/** Removes `out/file` and the folders it leaves empty (never `out` itself). */
export async function removeFile(out: string, file: string) {
  await fs.promises.rm(path.join(out, file), { force: true })
  made.clear()
  let dir = path.dirname(path.join(out, file))
  const root = path.resolve(out)
  while (path.resolve(dir) !== root && path.resolve(dir).startsWith(root)) {
    try {
      await fs.promises.rmdir(dir)
    } catch {
      return
    }
    dir = path.dirname(dir)
  }
}

export const exists = (out: string, file: string) => fs.existsSync(path.join(out, file))
