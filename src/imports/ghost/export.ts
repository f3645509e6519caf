/**
 * A Ghost export (Settings, Labs, Export: `{"db":[{"meta":…,"data":{…}}]}`, or the same
 * without the `db` wrapper), read whole and checked before anything is written (ADR 028).
 * Files up to MAX_GHOST_BYTES are parsed in memory: exports are mostly text, and a few hundred
 * MB of JSON is within a server's means; larger ones are refused with a code.
 */
import fs from 'node:fs'
import { ImportError, readableFile } from '../import-error.js'

export const MAX_GHOST_BYTES = 256 * 1024 * 1024

export type Row = Record<string, unknown>

export interface GhostData {
  posts: Row[]
  users: Row[]
  tags: Row[]
  posts_tags: Row[]
  posts_authors: Row[]
  posts_meta: Row[]
  members: Row[]
  members_newsletters: Row[]
  comments: Row[]
}

const TABLES: (keyof GhostData)[] = [
  'posts',
  'users',
  'tags',
  'posts_tags',
  'posts_authors',
  'posts_meta',
  'members',
  'members_newsletters',
  'comments',
]

const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The line and column of a character offset, for a person to find the fault. */
function where(text: string, offset: number): string {
  const before = text.slice(0, offset)
  const line = (before.match(/\n/g)?.length ?? 0) + 1
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`
}

/** The tables of a parsed export; refuses anything without a list of posts. */
export function ghostData(json: unknown): GhostData {
  const top = isRow(json) ? json : null
  const db = top && Array.isArray(top['db']) ? top['db'][0] : top
  const data = isRow(db) && isRow(db['data']) ? db['data'] : null
  if (!data || !Array.isArray(data['posts']))
    throw new ImportError(
      'IMPORT_NOT_GHOST',
      'no "data" with a list of "posts": not a Ghost export (Settings, Labs, Export your content)',
    )
  const out = {} as GhostData
  for (const t of TABLES) {
    const v = data[t] ?? []
    if (!Array.isArray(v))
      throw new ImportError('IMPORT_NOT_GHOST', `"${t}" is not a list: not a Ghost export`)
    out[t] = v.filter(isRow)
  }
  return out
}

export function readGhostExport(file: string): GhostData {
  const stat = readableFile(file)
  if (stat.size > MAX_GHOST_BYTES)
    throw new ImportError(
      'IMPORT_TOO_LARGE',
      `${file} is ${Math.round(stat.size / 1024 / 1024)} MB; at most ${MAX_GHOST_BYTES / 1024 / 1024} MB is read (export without images or members, or split it)`,
    )
  let text = fs.readFileSync(file, 'utf8')
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    const m = /position (\d+)/.exec((err as Error).message)
    const at = m ? ` at ${where(text, Number(m[1]))}` : ''
    throw new ImportError('IMPORT_NOT_JSON', `${file} is not JSON${at}: ${(err as Error).message}`)
  }
  return ghostData(json)
}
