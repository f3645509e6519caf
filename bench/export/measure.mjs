// The export bench's runs: the compiled `masthead export static` as a child process, timed from
// spawn to exit, and the one edit between the second and third run (a headline, in SQL, with
// its updated_at, as a save in the admin leaves it).
import fs from 'node:fs'
import { childEnv } from '../lib/databases.mjs'
import { runChild } from '../lib/processes.mjs'
import { MAIN, ROOT, round, say } from '../lib/setup.mjs'

/** One export into `out`; its summary line parsed. */
async function exportOnce(db, out, label) {
  const started = performance.now()
  const r = await runChild(process.execPath, [MAIN, 'export', 'static', '--out', out], {
    cwd: ROOT,
    env: childEnv(db),
  })
  const seconds = round((performance.now() - started) / 1000, 2)
  if (r.code !== 0)
    throw new Error(
      `export (${label}) failed, exit ${r.code ?? r.signal}: ${r.stderr.slice(-2000)}`,
    )
  const m = /(\d+) added, (\d+) changed, (\d+) removed, (\d+) unchanged \((\d+) rendered\)/.exec(
    r.stdout,
  )
  if (!m) throw new Error(`export (${label}) printed no summary: ${r.stdout.slice(-500)}`)
  const [added, changed, removed, unchanged, rendered] = m.slice(1).map(Number)
  const run = { seconds, added, changed, removed, unchanged, rendered }
  say(
    `  ${label}: ${seconds} s (${added} added, ${changed} changed, ${removed} removed, ${rendered} rendered)`,
  )
  return run
}

/**
 * Changes one article of the middle of the archive (by publication time): its headline and
 * updated_at, straight in the database, as a save in the admin leaves them. Not the newest: in
 * the bench's data every story has 166 copies with the same topics, so the newest one is in the
 * related list of nearly every page and an edit of it renders the whole site.
 */
async function editOneArticle(db) {
  const now = Date.now()
  const sql = (t) =>
    `update ${t} set headline = headline || ' (edited)', updated_at = ${now}
     where id = (select id from ${t} where status = 'published'
                 order by published_at desc, id desc
                 limit 1 offset (select count(*) / 2 from ${t} where status = 'published'))`
  if (db.dialect === 'sqlite') {
    const { default: SQLite } = await import('better-sqlite3')
    const s = new SQLite(db.file, { fileMustExist: true })
    try {
      s.prepare(sql('article')).run()
    } finally {
      s.close()
    }
    return
  }
  await db.withClient((cl) => cl.query(sql(`"${db.schema}".article`)))
}

export async function measure(db, out) {
  fs.rmSync(out, { recursive: true, force: true })
  const full = await exportOnce(db, out, 'full export into an empty folder')
  const unchanged = await exportOnce(db, out, 'second run, nothing changed')
  await editOneArticle(db)
  const afterEdit = await exportOnce(db, out, 'after one edit')
  return { full, unchanged, afterEdit }
}
