// The admin bench's databases: 100,000 articles by default, more than `masthead seed --demo` can
// write, so the CLI's articles are copied in SQL; and the editor the bench signs in as.
import path from 'node:path'
import { seedArticles } from '../lib/amplify.mjs'
import { childEnv, postgresDb, sqliteDb } from '../lib/databases.mjs'
import { runChild } from '../lib/processes.mjs'
import { DATA, MAIN, ROOT } from '../lib/setup.mjs'

export const STAFF = { email: 'bench@example.org', name: 'Bench', role: 'editor' }
export const PASSWORD = 'a long enough passphrase'
/** The admin bench's database for `dialect`, or { skip } (PostgreSQL unreachable). */
export async function openDb(dialect, opt) {
  if (dialect === 'sqlite')
    return sqliteDb(path.join(DATA, 'admin.db'), path.join(DATA, 'media-admin-sqlite'))
  return postgresDb(opt, path.join(DATA, 'media-admin-postgres'))
}

/** The admin bench's articles: the CLI's, copied in SQL up to `articles`. */
export const ensureSeeded = (db, articles) => seedArticles(db, articles, { hideDemoAdmin: true })

/** The bench editor; "already exists" (exit 2) on re-runs is fine. */
export async function ensureStaff(db) {
  const r = await runChild(
    process.execPath,
    [MAIN, 'user', 'add', '--email', STAFF.email, '--name', STAFF.name, '--role', STAFF.role],
    { cwd: ROOT, env: childEnv(db), input: PASSWORD },
  )
  const out = `${r.stdout}${r.stderr}`.trim()
  if (r.code === 0) return 'added'
  if (r.code === 2 && /already|taken|exists/i.test(out)) return 'existed'
  throw new Error(`masthead user add failed (exit ${r.code ?? r.signal ?? r.error}): ${out}`)
}
