/**
 * What the import tests share: the shared fixtures' folder (read where it is, never copied),
 * row counts of the tables an import writes, and a small JPEG to stand for every old image.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import type { Kysely } from 'kysely'
import type { Database } from '../../src/storage/index.js'

export const FIXTURES = new URL('../../../shared/fixtures/imports/', import.meta.url).pathname

/** Why a test of the shared fixtures cannot run here, or false. */
export function fixturesSkip(sub: string): string | false {
  const dir = path.join(FIXTURES, sub)
  const reason = fs.existsSync(dir) ? false : `import fixtures not found at ${dir}`
  if (reason) console.log(`# skipping: ${reason}`)
  return reason
}

export const TABLES = [
  'article',
  'author',
  'section',
  'topic',
  'image',
  'redirect',
  'subscription',
] as const

export async function countRows(
  db: Kysely<Database>,
  table: (typeof TABLES)[number],
): Promise<number> {
  const r = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

export const countAll = (db: Kysely<Database>) => Promise.all(TABLES.map((t) => countRows(db, t)))

export function smallJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#7a8' } })
    .jpeg()
    .toBuffer()
}

/** A temporary folder holding `files` (relative paths) with the same bytes each. */
export function mediaFolder(files: Iterable<string>, bytes: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-media-'))
  for (const rel of files) {
    const to = path.join(dir, rel)
    fs.mkdirSync(path.dirname(to), { recursive: true })
    fs.writeFileSync(to, bytes)
  }
  return dir
}
