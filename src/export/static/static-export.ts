import type { App } from '../../app.js'
import { escapeHtml } from '../../lib/text.js'
import {
  type ManifestEntry,
  type ManifestFiles,
  exists,
  markRunning,
  openOutDir,
  removeFile,
  saveManifest,
  sha256,
  sweepTemporaryFiles,
  writeAtomic,
} from './out-dir.js'
import { fileOf } from './paths.js'
import type { Progress } from './progress.js'
import type { Render } from './render-pool.js'
import { type RewriteContext, rewriteDocument } from './rewrite.js'
import {
  FEED_FILES,
  FIXED_FILES,
  FIXED_PAGES,
  isAsset,
  isImmutableAsset,
  liveBase,
  readSiteModel,
  resolver,
} from './site-model.js'

/** The host pages are rendered for; every link to it is rewritten, so none is left in the mirror. */
export const RENDER_ORIGIN = 'http://export.masthead.invalid'
export const RENDER_HOST = new URL(RENDER_ORIGIN).host

/** Pages rendered by `inject()` on the app, in this thread. */
export function injectRender(app: Pick<App, 'http'>): Render {
  return async (path) => {
    const res = await app.http.inject({ method: 'GET', url: path, headers: { host: RENDER_HOST } })
    return {
      statusCode: res.statusCode,
      contentType: String(res.headers['content-type'] ?? ''),
      body: res.rawPayload,
    }
  }
}

/** Bumped when the exporter's output changes for the same data: every page is rendered again. */
const EXPORTER_VERSION = 1

export interface StaticExportOptions {
  app: Pick<App, 'http' | 'repo' | 'reach' | 'contributions' | 'newsletters'>
  out: string
  /** `--url`, checked, ending in `/`; null: relative links only, no sitemaps. */
  url: string | null
  /** Render every page, whatever the manifest says (after an upgrade, or to be sure). */
  full?: boolean
  /** The newsroom's email, shown where a form needs the live site and none is known. */
  email: string
  siteName: string
  /** SITE_LANGUAGES: every edition goes into the mirror (ADR 026). */
  languages?: readonly string[]
  progress?: Progress
  now?: Date
  /** Pages asked for at once (database reads overlap; a pool renders on several cores). */
  concurrency?: number
  /** How pages are rendered; default: `inject()` on `app` in this thread. */
  render?: Render
}

export interface StaticExportResult {
  added: string[]
  changed: string[]
  removed: string[]
  unchanged: number
  /** Pages and files fetched from the app this run (the rest were known unchanged). */
  rendered: number
  /** Pages the app answered 404 (a topic without stories): left out. */
  missing: string[]
  /** Every file the mirror now holds. */
  files: string[]
}

/** A site path to write, and whether it can be skipped by its fingerprint. */
interface Unit {
  path: string
  /** 'page': fingerprinted, rewritten; 'always': rendered every run; 'raw': bytes as they are. */
  how: 'page' | 'always' | 'raw' | 'asset'
}

/**
 * Writes the reader site into `out` as plain files (ADR 020): every page rendered by the app
 * through `inject()`, links made relative, forms that need the live site pointed at it.
 * A file is written only when its bytes changed; a page is rendered only when what it is made
 * of changed (its fingerprint); files of pages no longer on the site are removed.
 */
export async function exportStatic(o: StaticExportOptions): Promise<StaticExportResult> {
  const previous = openOutDir(o.out)
  const old = previous.files
  if (!previous.complete) await sweepTemporaryFiles(o.out)
  // From here until the manifest is saved whole, a marker says a run is under way.
  markRunning(o.out, true)
  const now = o.now ?? new Date()
  const { app } = o
  const model = await readSiteModel(app.repo, now, o.languages)
  const reachList = await app.reach.list()
  const live = liveBase(reachList, o.url)
  const resolve = resolver(model, { live, sitemaps: o.url !== null })
  const note =
    `<p class="mirror-note">This is a copy of ${escapeHtml(o.siteName)} for reading. ` +
    `To sign up or contribute, write to <a href="mailto:${escapeHtml(o.email)}">${escapeHtml(o.email)}</a>.</p>`
  const ctx = (): RewriteContext => ({
    origin: RENDER_ORIGIN,
    base: o.url,
    resolve,
    fallbackFile: 'reach/index.html',
    formNote: note,
  })

  const next: ManifestFiles = {}
  const result: StaticExportResult = {
    added: [],
    changed: [],
    removed: [],
    unchanged: 0,
    rendered: 0,
    missing: [],
    files: [],
  }

  const render: Render = o.render ?? injectRender(app)
  async function get(path: string) {
    result.rendered++
    const res = await render(path)
    if (res.statusCode === 404 || res.statusCode === 410) return null
    if (res.statusCode !== 200) throw new Error(`${path} answered ${res.statusCode}`)
    return res
  }

  async function put(file: string, entry: ManifestEntry, data: string | Buffer) {
    const before = old[file]
    next[file] = entry
    if (before?.hash === entry.hash && exists(o.out, file)) {
      result.unchanged++
      return
    }
    await writeAtomic(o.out, file, data)
    ;(before ? result.changed : result.added).push(file)
  }

  // Site-wide inputs: the layout, the addresses and the appeals show on every page.
  const reachPage = await get('/reach')
  if (!reachPage) throw new Error('/reach answered 404')
  const site = sha256(
    JSON.stringify([
      EXPORTER_VERSION,
      o.url,
      live,
      o.email,
      rewriteDocument(reachPage.body.toString('utf8'), 'reach/index.html', 'html', ctx()).body,
      await app.contributions.listAppeals(),
      await app.newsletters.listNewsletters(),
    ]),
  )
  const fingerprint = (path: string, deps: readonly string[]) =>
    sha256(
      [
        site,
        model.setSignature,
        path,
        model.articles.get(path) ?? '',
        ...deps.map((d) => `${d}@${model.articles.get(d) ?? 'gone'}`),
      ].join('\n'),
    )

  const queue: Unit[] = []
  const seen = new Set<string>()
  const add = (path: string, how: Unit['how']) => {
    if (seen.has(path)) return
    seen.add(path)
    queue.push({ path, how })
  }
  for (const p of FIXED_PAGES) add(p, 'always')
  add('/reach.json', 'raw')
  // The offline edition says when it was made: rendered only when its stories changed.
  add('/reach/edition.html', 'page')
  for (const p of FIXED_FILES) add(p, 'always')
  if (o.url) add('/sitemap.xml', 'always')
  for (const p of model.lists) add(p, 'page')
  for (const s of model.feedScopes) for (const f of FEED_FILES) add(`${s}/${f}`, 'page')
  for (const p of model.articles.keys()) add(p, 'page')

  async function one(unit: Unit) {
    const file = fileOf(unit.path)
    if (!file) return
    const before = old[file]
    if (unit.how === 'asset') {
      if (before && isImmutableAsset(unit.path) && exists(o.out, file)) {
        next[file] = before
        result.unchanged++
        return
      }
      const res = await get(unit.path)
      if (!res) return void result.missing.push(unit.path)
      return put(file, { path: unit.path, hash: sha256(res.body) }, res.body)
    }
    if (unit.how === 'raw') {
      const fp = sha256(JSON.stringify([reachList, app.reach.publicKey]))
      if (!o.full && before?.fp === fp && exists(o.out, file)) {
        next[file] = before
        result.unchanged++
        return
      }
      const res = await get(unit.path)
      if (!res) return void result.missing.push(unit.path)
      return put(file, { path: unit.path, hash: sha256(res.body), fp }, res.body)
    }
    if (
      unit.how === 'page' &&
      !o.full &&
      before?.fp &&
      before.fp === fingerprint(unit.path, before.deps ?? []) &&
      exists(o.out, file)
    ) {
      next[file] = before
      result.unchanged++
      for (const a of before.assets ?? []) add(a, 'asset')
      for (const m of before.more ?? []) add(m, 'page')
      return
    }
    const res = unit.path === '/reach' ? reachPage : await get(unit.path)
    if (!res) return void result.missing.push(unit.path)
    const html = res.contentType.startsWith('text/html')
    const raw = res.body.toString('utf8')
    // Without --url there are no sitemaps (they need absolute addresses): robots.txt names none.
    const text = unit.path === '/robots.txt' && !o.url ? raw.replace(/^Sitemap:.*\n?/gm, '') : raw
    const { body, refs } = rewriteDocument(text, file, html ? 'html' : 'text', ctx())
    const deps: string[] = []
    const assets: string[] = []
    const more: string[] = []
    for (const r of refs) {
      if (model.articles.has(r)) deps.push(r)
      else if (isAsset(r)) assets.push(r)
      else if (r.includes('?page=') || r.startsWith('/sitemaps/')) more.push(r)
    }
    for (const a of assets) add(a, 'asset')
    for (const m of more) add(m, m.startsWith('/sitemaps/') ? 'always' : 'page')
    const entry: ManifestEntry = { path: unit.path, hash: sha256(body) }
    if (unit.how === 'page') Object.assign(entry, { fp: fingerprint(unit.path, deps), deps })
    if (assets.length) entry.assets = assets
    if (more.length) entry.more = more
    await put(file, entry, body)
  }

  // A few at a time; the manifest is saved as the run goes, so a stopped run loses little.
  let done = 0
  let savedAt = Date.now()
  const worker = async () => {
    for (let unit = queue.shift(); unit; unit = queue.shift()) {
      await one(unit)
      done++
      o.progress?.update(done, done + queue.length)
      if (Date.now() - savedAt > 15_000) {
        savedAt = Date.now()
        saveManifest(o.out, o.url, { ...old, ...next }, false)
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: o.concurrency ?? 4 }, worker))
  } catch (err) {
    queue.length = 0 // The other workers stop after their page.
    saveManifest(o.out, o.url, { ...old, ...next }, false)
    throw err
  }
  o.progress?.end()

  for (const file of Object.keys(old)) {
    if (next[file]) continue
    await removeFile(o.out, file)
    result.removed.push(file)
  }
  saveManifest(o.out, o.url, next)
  markRunning(o.out, false)
  result.files = Object.keys(next)
  return result
}
