import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import type pg from 'pg'
import { loadPg } from './pg-driver.js'

/**
 * Whole-database copies for `masthead backup` and `masthead restore` (src/backup/): the one place
 * that knows how each dialect copies itself. SQLite uses its online backup API (consistent while
 * the site writes); PostgreSQL uses pg_dump's custom format inside an exported snapshot, so the
 * row counts we record are those of exactly the data dumped.
 */

/** Rows per table, by table name. */
export type RowCounts = Record<string, number>

export interface SnapshotResult {
  /** The PostgreSQL schema the tables were in (absent for SQLite and for `public`). */
  schema?: string
  tables: RowCounts
}

/** Thrown when the PostgreSQL client tools are missing or fail; the message says what to do. */
export class SnapshotToolError extends Error {}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

function countSqlite(db: SQLite.Database): RowCounts {
  const names = db
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
    .pluck()
    .all() as string[]
  const counts: RowCounts = {}
  for (const name of names.sort()) {
    counts[name] = db
      .prepare(`select count(*) from ${quoteIdent(name)}`)
      .pluck()
      .get() as number
  }
  return counts
}

/** Copies an open SQLite database to `file` while it stays in use; counts the copy's rows. */
export async function snapshotSqlite(db: SQLite.Database, file: string): Promise<SnapshotResult> {
  await db.backup(file)
  const copy = new SQLite(file, { readonly: true })
  try {
    return { tables: countSqlite(copy) }
  } finally {
    copy.close()
  }
}

async function countPostgres(client: pg.ClientBase, schema: string): Promise<RowCounts> {
  const { rows } = await client.query<{ table_name: string }>(
    `select table_name from information_schema.tables
      where table_schema = $1 and table_type = 'BASE TABLE' order by table_name`,
    [schema],
  )
  const counts: RowCounts = {}
  for (const { table_name } of rows) {
    const r = await client.query<{ n: string }>(
      `select count(*) as n from ${quoteIdent(schema)}.${quoteIdent(table_name)}`,
    )
    counts[table_name] = Number(r.rows[0]!.n)
  }
  return counts
}

/** Runs a PostgreSQL client tool; a missing tool is a SnapshotToolError saying how to get it. */
function runTool(tool: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', (err: NodeJS.ErrnoException) => {
      reject(
        new SnapshotToolError(
          err.code === 'ENOENT'
            ? `${tool} was not found: install the PostgreSQL client tools (Debian: postgresql-client) of the server's major version or newer`
            : `${tool} could not start: ${err.message}`,
        ),
      )
    })
    child.on('close', (code) => {
      if (code === 0) resolve()
      else reject(new SnapshotToolError(`${tool} failed (exit ${code}): ${stderr.trim()}`))
    })
  })
}

/** The schemas a site's data lives in: its own and pg-boss's beside it (src/jobs/pgboss-schema.ts). */
function siteSchemas(schema: string | undefined): [string, string] {
  return schema ? [schema, `${schema}_jobs`.slice(0, 63)] : ['public', 'pgboss']
}

/**
 * Dumps the site's schemas with pg_dump (custom format) to `file`. The row counts and the dump
 * read the same exported snapshot, so they agree even while the site keeps writing.
 */
export async function snapshotPostgres(
  url: string,
  schema: string | undefined,
  file: string,
): Promise<SnapshotResult> {
  const pg = await loadPg()
  const client = new pg.Client({ connectionString: url, application_name: 'masthead backup' })
  await client.connect()
  try {
    await client.query('begin isolation level repeatable read read only')
    const id = (await client.query<{ id: string }>('select pg_export_snapshot() as id')).rows[0]!.id
    const [own, jobs] = siteSchemas(schema)
    const tables = await countPostgres(client, own)
    await runTool('pg_dump', [
      '--format=custom',
      `--snapshot=${id}`,
      '--no-owner',
      '--no-privileges',
      `--schema=${own}`,
      `--schema=${jobs}`,
      `--file=${file}`,
      `--dbname=${url}`,
    ])
    await client.query('commit')
    return { ...(schema ? { schema } : {}), tables }
  } finally {
    await client.end().catch(() => {})
  }
}

/** Rows in the database `url` names, per table; absent tables count nothing. */
export async function countRows(url: string): Promise<RowCounts> {
  const target = parseTarget(url)
  if (target.dialect === 'sqlite') {
    if (!fs.existsSync(target.file)) return {}
    const db = new SQLite(target.file, { readonly: true })
    try {
      return countSqlite(db)
    } finally {
      db.close()
    }
  }
  const pg = await loadPg()
  const client = new pg.Client({ connectionString: target.url })
  await client.connect()
  try {
    return await countPostgres(client, target.schema ?? 'public')
  } finally {
    await client.end().catch(() => {})
  }
}

type Target =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; url: string; schema: string | undefined }

function parseTarget(url: string): Target {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length)
    if (file === ':memory:') throw new Error('Cannot restore into an in-memory SQLite database')
    return { dialect: 'sqlite', file: path.resolve(file) }
  }
  const u = new URL(url)
  const schema = u.searchParams.get('schema') ?? undefined
  u.searchParams.delete('schema')
  return { dialect: 'postgres', url: u.toString(), schema }
}

/**
 * Puts a dump made by a snapshot function into the database `url` names, replacing what is
 * there (the caller has checked it is empty, or was told --force). SQLite: the file is written
 * beside the target and renamed over it. PostgreSQL: the site's schemas are dropped and
 * pg_restore recreates them; the archive's schema name must be the target's.
 */
export async function restoreSnapshot(
  url: string,
  dump: string,
  from: { dialect: 'sqlite' | 'postgres'; schema?: string | undefined },
): Promise<void> {
  const target = parseTarget(url)
  if (target.dialect !== from.dialect) {
    throw new Error(
      `The backup is of a ${from.dialect} database; DATABASE_URL is ${target.dialect}`,
    )
  }
  if (target.dialect === 'sqlite') {
    fs.mkdirSync(path.dirname(target.file), { recursive: true })
    const tmp = `${target.file}.restore-${process.pid}`
    fs.copyFileSync(dump, tmp)
    // A stale write-ahead log beside the new file would be replayed into it.
    for (const extra of ['-wal', '-shm']) fs.rmSync(`${target.file}${extra}`, { force: true })
    fs.renameSync(tmp, target.file)
    return
  }
  if ((from.schema ?? undefined) !== target.schema) {
    throw new Error(
      `The backup holds schema "${from.schema ?? 'public'}"; restore it into a DATABASE_URL with ${from.schema ? `?schema=${from.schema}` : 'no schema parameter'}`,
    )
  }
  const pg = await loadPg()
  const client = new pg.Client({ connectionString: target.url })
  await client.connect()
  try {
    for (const s of siteSchemas(target.schema)) {
      await client.query(`drop schema if exists ${quoteIdent(s)} cascade`)
    }
  } finally {
    await client.end().catch(() => {})
  }
  await runTool('pg_restore', [
    '--no-owner',
    '--no-privileges',
    '--exit-on-error',
    `--dbname=${target.url}`,
    dump,
  ])
}
