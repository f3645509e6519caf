import { z } from 'zod'

/**
 * manifest.json, the first entry of a backup archive: what the archive holds and how to check it
 * before anything is overwritten. `version` changes when the layout does; restore refuses
 * versions it does not know rather than guessing.
 */
export const MANIFEST_VERSION = 1

/** Entry names inside the archive. */
export const MANIFEST_FILE = 'manifest.json'
export const DATABASE_DIR = 'database'
export const MEDIA_DIR = 'media'

const sha256 = z.string().regex(/^[0-9a-f]{64}$/)
/** A relative path of plain segments: no `..`, no absolute path, no backslash, no empty part. */
const safeRelative = z
  .string()
  .min(1)
  .max(1024)
  .refine(isSafeRelativePath, 'must be a relative path without ".." or empty parts')

export const manifestSchema = z.strictObject({
  format: z.literal('masthead-backup'),
  version: z.literal(MANIFEST_VERSION),
  dialect: z.enum(['sqlite', 'postgres']),
  /** The PostgreSQL schema the tables were in; absent for SQLite and for `public`. */
  schema: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/)
    .optional(),
  created: z.iso.datetime(),
  database: z.strictObject({
    file: z.enum([`${DATABASE_DIR}/masthead.sqlite`, `${DATABASE_DIR}/masthead.pgdump`]),
    bytes: z.number().int().nonnegative(),
    sha256,
  }),
  /** Rows per table at the moment of the copy. */
  tables: z.record(
    z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/),
    z.number().int().nonnegative(),
  ),
  /** Every media file, its path under the media folder. */
  media: z.array(
    z.strictObject({ path: safeRelative, bytes: z.number().int().nonnegative(), sha256 }),
  ),
})

export type Manifest = z.infer<typeof manifestSchema>

export function isSafeRelativePath(p: string): boolean {
  if (p.startsWith('/') || p.includes('\\') || p.includes('\0')) return false
  return p.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
}
