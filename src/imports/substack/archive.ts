/**
 * A Substack export as a set of named files, whether it is the folder or the `.zip` Substack
 * sends (ADR 028). The zip is read with yauzl, entry by entry when asked: nothing is unpacked
 * to disk, one file at a time is in memory and never past the size asked for. An entry named
 * with `..`, an absolute path or a backslash refuses the whole file (zip-slip), as does a
 * zip whose sizes lie (yauzl checks what it inflates against what the entry declares).
 */
import fs from 'node:fs'
import path from 'node:path'
import yauzl from 'yauzl'
import { ImportError } from '../import-error.js'

/** More entries than any export has: a bound on the index kept in memory. */
export const MAX_ENTRIES = 100_000

export interface ExportFiles {
  /** Every file, as a relative path with `/`. */
  names: string[]
  /** A file's bytes; null when it is missing or larger than `max`. */
  read(name: string, max: number): Promise<Buffer | null>
  close(): void
}

/** A name is safe when it stays inside the export: relative, no `..`, no backslash. */
export function unsafeName(name: string): boolean {
  return (
    name.startsWith('/') ||
    /^[a-zA-Z]:/.test(name) ||
    name.includes('\\') ||
    name.includes('\0') ||
    name.split('/').includes('..')
  )
}

function openFolder(dir: string): ExportFiles {
  const root = path.resolve(dir)
  const names: string[] = []
  for (const rel of fs.readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const name = rel.split(path.sep).join('/')
    // Symbolic links are not followed: a file outside the folder is never read.
    if (fs.lstatSync(path.join(root, rel)).isFile()) names.push(name)
    if (names.length > MAX_ENTRIES)
      throw new ImportError('IMPORT_NOT_SUBSTACK', `more than ${MAX_ENTRIES} files in ${dir}`)
  }
  return {
    names,
    async read(name, max) {
      if (unsafeName(name) || !names.includes(name)) return null
      const file = path.join(root, name)
      const stat = await fs.promises.lstat(file)
      return stat.isFile() && stat.size <= max ? fs.promises.readFile(file) : null
    },
    close() {},
  }
}

const zipError = (err: Error) =>
  /absolute path|relative path|invalid characters/i.test(err.message)
    ? new ImportError('IMPORT_ZIP_UNSAFE', `the zip names a file outside itself: ${err.message}`)
    : new ImportError('IMPORT_ZIP_INVALID', `not a zip file we can read: ${err.message}`)

async function openZip(file: string): Promise<ExportFiles> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (err, z) =>
      err ? reject(zipError(err)) : resolve(z),
    ),
  )
  const entries = new Map<string, yauzl.Entry>()
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (err: Error) => reject(zipError(err)))
      zip.on('end', () => resolve())
      zip.on('entry', (e: yauzl.Entry) => {
        if (unsafeName(e.fileName))
          return reject(
            new ImportError(
              'IMPORT_ZIP_UNSAFE',
              `the zip names a file outside itself: ${JSON.stringify(e.fileName.slice(0, 200))}`,
            ),
          )
        if (entries.size >= MAX_ENTRIES)
          return reject(new ImportError('IMPORT_ZIP_UNSAFE', `more than ${MAX_ENTRIES} entries`))
        if (!e.fileName.endsWith('/')) entries.set(e.fileName, e)
        zip.readEntry()
      })
      zip.readEntry()
    })
  } catch (err) {
    zip.close()
    throw err
  }
  return {
    names: [...entries.keys()],
    async read(name, max) {
      const e = entries.get(name)
      if (!e || e.uncompressedSize > max) return null
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
        zip.openReadStream(e, (err, s) => (err ? reject(zipError(err)) : resolve(s))),
      )
      const parts: Buffer[] = []
      let size = 0
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          size += chunk.length
          if (size > max) {
            ;(stream as NodeJS.ReadableStream & { destroy(): void }).destroy()
            return null
          }
          parts.push(chunk)
        }
      } catch (err) {
        throw zipError(err as Error)
      }
      return Buffer.concat(parts)
    },
    close: () => zip.close(),
  }
}

/** The export at `where`: a folder, or a zip file. */
export function openExport(where: string, stat: fs.Stats): Promise<ExportFiles> {
  return stat.isDirectory() ? Promise.resolve(openFolder(where)) : openZip(where)
}
