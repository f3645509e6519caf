import os from 'node:os'
import fs from 'node:fs'
import path from 'node:path'
import type { CommandContext } from './command.js'
import { fail, openStorage } from './process.js'

/** Pages rendered in this thread before the worker threads are started. */
const POOL_AFTER = 100

export const STATIC_HELP = `Usage: masthead export static --out DIR [--url URL] [--archive FILE.tar.gz] [--full] [--verbose] [--jobs N]

Writes the whole reader site into DIR as plain files (home and its pages, sections, topics,
authors, every published article, /reach, /reach.json and the offline edition, feeds,
robots.txt, images, the stylesheet), with relative links, so it can be served from any host,
under a sub-path, or opened from disk. Forms that need the live site (newsletters,
contributions) point at the main address (or the first mirror) of the newsroom's address list.
A second run renders only pages whose content changed, writes only files whose bytes changed,
and removes what was withdrawn; DIR/.masthead-export.json remembers what was written. Safe to
stop and run again.

Options:
  --out DIR         The folder to write (empty, or one an earlier export wrote)
  --url URL         Where the copy will be published (https://mirror.example/path/): makes
                    sitemaps and absolute links (canonical, feeds) on that address
  --archive FILE    Also pack the copy into one .tar.gz
  --full            Render every page, even those the manifest says are unchanged
  --verbose         List every file added, changed or removed
  --jobs N          Threads that render pages (default: one per core, at most 4; 0: this one)
  -h, --help        Show this help`

/** `masthead export static`: the reader site as plain files for a mirror (ADR 020). */
export async function exportStatic({ config, flags, say }: CommandContext): Promise<void> {
  const stop = (code: string, why: string): never => fail(`export static [${code}]: ${why}`)
  const out = flags.out
  if (!out) return stop('EXPORT_OUT_REQUIRED', `say where to write: --out DIR\n\n${STATIC_HELP}`)
  const { mirrorBase } = await import('../export/static/paths.js')
  let url: string | null = null
  if (flags.url !== undefined) {
    const checked = mirrorBase(flags.url)
    if ('problem' in checked) stop('EXPORT_URL_INVALID', checked.problem)
    else url = checked.base
  }
  const cores = os.availableParallelism()
  const jobs = flags.jobs === undefined ? (cores > 1 ? Math.min(4, cores) : 0) : Number(flags.jobs)
  if (!Number.isInteger(jobs) || jobs < 0 || jobs > 64)
    stop('EXPORT_JOBS_INVALID', '--jobs must be a whole number from 0 to 64')
  if (flags.archive !== undefined) {
    const folder = path.dirname(path.resolve(flags.archive))
    try {
      if (!fs.statSync(folder).isDirectory()) throw new Error('not a folder')
      fs.accessSync(folder, fs.constants.W_OK)
    } catch {
      stop(
        'EXPORT_ARCHIVE_UNWRITABLE',
        `cannot write ${flags.archive}: no writable folder ${folder}`,
      )
    }
  }
  const { ExportInputError, exportStatic, createProgress, writeArchive, openOutDir } =
    await import('../export/static/index.js')
  try {
    openOutDir(out) // Refuse a wrong folder before the database is opened.
  } catch (err) {
    if (err instanceof ExportInputError) stop(err.code, err.message)
    throw err
  }
  const storage = await openStorage(config, 'export')
  const { buildApp } = await import('../app.js')
  // Rendered on a host of our own, every page once: no cache, no canonical origin, no worker.
  const renderConfig = {
    ...config,
    PAGE_CACHE: false,
    PUBLIC_URL: undefined,
    ALLOWED_HOSTS: [],
    WORKER: 'off' as const,
  }
  const app = await buildApp({ config: renderConfig, storage, logger: false })
  const { RENDER_HOST, createRenderPool, injectRender } = await import('../export/static/index.js')
  // Worker threads start from the file this process started from (src/main.ts, the bundle), and
  // only once there is enough to render: a run with little to do renders here, without their
  // start-up.
  const here = injectRender(app)
  const workers: { pool: ReturnType<typeof createRenderPool> | null } = { pool: null }
  let renders = 0
  const render = (sitePath: string) => {
    if (jobs === 0 || !process.argv[1] || ++renders <= POOL_AFTER) return here(sitePath)
    workers.pool ??= createRenderPool(jobs, path.resolve(process.argv[1]), {
      mastheadRenderWorker: true,
      config: renderConfig,
      host: RENDER_HOST,
    })
    return workers.pool.then((p) => p.render(sitePath))
  }
  try {
    const started = Date.now()
    const r = await exportStatic({
      app,
      out,
      url,
      full: flags.full === true,
      email: config.MAIL_FROM,
      siteName: config.SITE_NAME,
      languages: config.SITE_LANGUAGES,
      progress: createProgress(process.stderr),
      concurrency: jobs > 0 ? jobs * 3 : 4,
      render,
    })
    if (flags.archive) await writeArchive(out, flags.archive, r.files)
    const secs = ((Date.now() - started) / 1000).toFixed(1)
    say(
      `${r.added.length} added, ${r.changed.length} changed, ${r.removed.length} removed, ` +
        `${r.unchanged} unchanged (${r.rendered} rendered) in ${secs} s: ${out}`,
    )
    if (flags.verbose)
      for (const [mark, list] of [
        ['+', r.added],
        ['~', r.changed],
        ['-', r.removed],
      ] as const)
        for (const f of list) say(`${mark} ${f}`)
    if (flags.archive) say(`archive: ${flags.archive}`)
  } catch (err) {
    if (err instanceof ExportInputError) stop(err.code, err.message)
    fail(`export static failed: ${(err as Error).message}`, 1)
  } finally {
    await (await workers.pool?.catch(() => null))?.close()
    await app.http.close()
    await storage.close()
  }
}
