import type { Clock } from '../lib/clock.js'
import { csvLine } from '../lib/csv.js'
import { AppError } from '../lib/errors.js'
import { type LocalPath, type Redirect, checkRedirect, lookupKeys } from './redirect.js'
import type { RedirectRepository } from './redirect-repository.js'

/** Redirects from old addresses: the site's lookup (cached), the admin's list, the importers. */
export interface RedirectService {
  /** Where a request that no page answers moved to (a local path), or null. Cached. */
  lookup(url: string): Promise<string | null>
  list(q: string, page: number): Promise<{ rows: Redirect[]; total: number; perPage: number }>
  /** Adds a redirect by hand; REDIRECT_INVALID (details per side) or REDIRECT_EXISTS. */
  add(from: string, to: string): Promise<Redirect>
  /**
   * An importer's redirect: made, retargeted when its earlier target changed, or kept (a
   * redirect made by hand or by another source is never overwritten). Invalid ones are
   * reported, not thrown: an import goes on. Clears this instance's cache only; the importer
   * calls `announce` once at the end.
   */
  put(
    from: string,
    to: string,
    source: string,
    opts?: { dryRun?: boolean },
  ): Promise<'made' | 'updated' | 'same' | 'kept' | 'invalid'>
  remove(id: number): Promise<Redirect | undefined>
  /** The whole table as CSV (from,to,source,created), a page of rows at a time. */
  exportCsv(): AsyncGenerator<string>
  /** Tells every instance the table changed (after an import). */
  announce(): void
  /** Drops the cached answers (another instance or this one changed the table). */
  forget(): void
}

export interface RedirectServiceDeps {
  repo: RedirectRepository
  clock: Clock
  localPath: LocalPath
  /** Told after a change, so every instance drops its cached answers. */
  onChange?: () => void
}

/** Cached answers (misses too: most 404s are bots asking for the same junk again). */
const CACHE_MAX = 10_000
/**
 * A miss is trusted this long: an import run by the command line (another process, maybe on
 * SQLite where no purge reaches the server) shows within a minute.
 */
const MISS_MS = 60_000
const PER_PAGE = 50

export function createRedirectService(deps: RedirectServiceDeps): RedirectService {
  const { repo, clock, localPath } = deps
  const cache = new Map<string, { to: string | null; at: number }>()
  const changed = () => {
    cache.clear()
    deps.onChange?.()
  }

  return {
    async lookup(url) {
      const keys = lookupKeys(url, localPath)
      if (keys.length === 0) return null
      const id = keys[0]!
      const now = clock.now().getTime()
      const hit = cache.get(id)
      if (hit && (hit.to !== null || now - hit.at < MISS_MS)) return hit.to
      const to = await repo.target(keys)
      // A Map keeps insertion order: dropping the oldest keeps it bounded without a library.
      if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!)
      cache.set(id, { to, at: now })
      return to
    },

    async list(q, page) {
      const query = q.trim().slice(0, 200)
      const [rows, total] = await Promise.all([
        repo.list({ q: query, limit: PER_PAGE, offset: (Math.max(1, page) - 1) * PER_PAGE }),
        repo.count(query),
      ])
      return { rows, total, perPage: PER_PAGE }
    },

    async add(from, to) {
      const c = checkRedirect(from, to, localPath)
      if (!c.ok)
        throw new AppError('REDIRECT_INVALID', {
          message: 'The redirect was not added',
          details: c.problems,
        })
      const createdAt = clock.now()
      if (!(await repo.insert({ from: c.from, to: c.to, source: 'manual', createdAt })))
        throw new AppError('REDIRECT_EXISTS', {
          message: `${c.from} already has a redirect`,
          details: [`from: ${c.from} already has a redirect; delete it first [REDIRECT_EXISTS]`],
        })
      changed()
      return (await repo.findByFrom(c.from))!
    },

    async put(from, to, source, opts = {}) {
      const c = checkRedirect(from, to, localPath)
      if (!c.ok) return 'invalid'
      const old = await repo.findByFrom(c.from)
      if (old) {
        if (old.to === c.to) return 'same'
        if (old.source !== source) return 'kept'
        if (!opts.dryRun) {
          await repo.retarget(old.id, c.to)
          cache.clear()
        }
        return 'updated'
      }
      if (!opts.dryRun) {
        await repo.insert({ from: c.from, to: c.to, source, createdAt: clock.now() })
        cache.clear()
      }
      return 'made'
    },

    async remove(id) {
      const gone = await repo.delete(id)
      if (gone) changed()
      return gone
    },

    async *exportCsv() {
      yield csvLine(['from', 'to', 'source', 'created'])
      let after = ''
      for (;;) {
        const rows = await repo.page(after, 1000)
        if (rows.length === 0) return
        yield rows.map((r) => csvLine([r.from, r.to, r.source, r.createdAt.toISOString()])).join('')
        after = rows[rows.length - 1]!.from
      }
    },

    announce: changed,
    forget: () => cache.clear(),
  }
}
