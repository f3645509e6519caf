/** Why an import refused its file, before writing anything (docs/errors.md, ADR 025, 028). */
import fs from 'node:fs'

/** Every code an import stops with; docs/errors.md lists each (import-error.test.ts checks). */
export const IMPORT_FAILURES = [
  'IMPORT_FILE_UNREADABLE',
  'IMPORT_NOT_WELL_FORMED',
  'IMPORT_NOT_WXR',
  'IMPORT_ENTITY_REFUSED',
  'IMPORT_TOO_LARGE',
  'IMPORT_NOT_JSON',
  'IMPORT_NOT_GHOST',
  'IMPORT_NOT_SUBSTACK',
  'IMPORT_CSV_INVALID',
  'IMPORT_ZIP_INVALID',
  'IMPORT_ZIP_UNSAFE',
  'IMPORT_NEWSLETTER_REQUIRED',
  'IMPORT_WRONG_TYPE',
  'IMPORT_UPLOAD_MISSING',
  'IMPORT_UPLOAD_TOO_LARGE',
  'IMPORT_FAILED',
] as const

export type ImportFailure = (typeof IMPORT_FAILURES)[number]

/** A refusal with a code from docs/errors.md, for the command line to print. */
export class ImportError extends Error {
  constructor(
    readonly code: ImportFailure,
    message: string,
  ) {
    super(message)
  }
}

/** The file's size, or a refusal when it is missing, not a file, or unreadable. */
export function readableFile(file: string, what: 'file' | 'file or folder' = 'file'): fs.Stats {
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
  if (!stat.isFile() && !(what === 'file or folder' && stat.isDirectory()))
    throw new ImportError('IMPORT_FILE_UNREADABLE', `${file} is not a ${what}`)
  return stat
}

/** A run told to stop (its worker is stopping): what it wrote stays, a later run continues. */
export class ImportStopped extends Error {
  constructor() {
    super('The import was stopped before it ended')
  }
}
