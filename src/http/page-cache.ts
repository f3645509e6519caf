import crypto from 'node:crypto'
import zlib from 'node:zlib'

/**
 * Rendered responses kept in memory, each tagged with the content keys it was built from, so
 * a change purges exactly the pages that showed it. Bounded by bytes, least recently used out.
 */
export interface CachedResponse {
  status: number
  body: Buffer
  etag: string
  headers: Record<string, string>
  keys: readonly string[]
  /** The route pattern that rendered it, which metrics count a hit under. */
  route?: string
  /** Filled on the first request that accepts gzip. */
  gzip?: Buffer
  /** Epoch ms after which the entry is not served (a safety net behind exact purges). */
  expires?: number
}

export interface PageCacheStats {
  entries: number
  bytes: number
  hits: number
  misses: number
  purged: number
}

export class PageCache {
  private readonly entries = new Map<string, CachedResponse>()
  /** Entries currently stored: only their gzip bytes count toward the budget. */
  private readonly live = new WeakSet<CachedResponse>()
  private readonly byKey = new Map<string, Set<string>>()
  private bytes = 0
  private hits = 0
  private misses = 0
  private purged = 0
  /** Bumped by every purge, so a page rendered before a change is not stored after it. */
  private generation = 0

  /**
   * @param maxBytes upper bound of bodies (and their gzip) kept
   * @param ttlMs how long an entry may live even if nothing purges it: "Read more" and the news
   *   sitemap's time window change without an edit
   */
  constructor(
    private readonly maxBytes: number,
    private readonly ttlMs = 10 * 60_000,
  ) {}

  get(id: string, now = Date.now()): CachedResponse | undefined {
    const e = this.entries.get(id)
    if (!e || (e.expires !== undefined && e.expires <= now)) {
      if (e) this.delete(id)
      this.misses++
      return undefined
    }
    this.hits++
    // Map keeps insertion order: re-inserting marks the entry most recently used.
    this.entries.delete(id)
    this.entries.set(id, e)
    return e
  }

  currentGeneration(): number {
    return this.generation
  }

  /** Stores a response unless a purge happened since `generation` was read; says if it did. */
  set(id: string, entry: CachedResponse, generation: number): boolean {
    if (generation !== this.generation) return false
    const size = sizeOf(entry)
    if (size > this.maxBytes / 4) return false
    this.delete(id)
    entry.expires ??= Date.now() + this.ttlMs
    this.entries.set(id, entry)
    this.live.add(entry)
    this.bytes += size
    for (const k of entry.keys) {
      let ids = this.byKey.get(k)
      if (!ids) this.byKey.set(k, (ids = new Set()))
      ids.add(id)
    }
    while (this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value
      if (oldest === undefined) break
      this.delete(oldest)
    }
    return this.entries.get(id) === entry
  }

  gzipOf(entry: CachedResponse): Buffer {
    if (!entry.gzip) {
      entry.gzip = zlib.gzipSync(entry.body, { level: 6 })
      if (this.live.has(entry)) this.bytes += entry.gzip.length
    }
    return entry.gzip
  }

  /** Drops every page tagged with any of `keys`; `all` drops everything. */
  purge(keys: readonly string[]): number {
    this.generation++
    if (keys.includes('all')) {
      const n = this.entries.size
      this.clear()
      this.purged += n
      return n
    }
    let n = 0
    for (const k of keys) {
      const ids = this.byKey.get(k)
      if (!ids) continue
      for (const id of [...ids]) {
        if (this.delete(id)) n++
      }
    }
    this.purged += n
    return n
  }

  clear(): void {
    this.generation++
    for (const e of this.entries.values()) this.live.delete(e)
    this.entries.clear()
    this.byKey.clear()
    this.bytes = 0
  }

  stats(): PageCacheStats {
    return {
      entries: this.entries.size,
      bytes: this.bytes,
      hits: this.hits,
      misses: this.misses,
      purged: this.purged,
    }
  }

  private delete(id: string): boolean {
    const e = this.entries.get(id)
    if (!e) return false
    this.entries.delete(id)
    this.live.delete(e)
    this.bytes -= sizeOf(e)
    for (const k of e.keys) {
      const ids = this.byKey.get(k)
      ids?.delete(id)
      if (ids && ids.size === 0) this.byKey.delete(k)
    }
    return true
  }
}

function sizeOf(e: CachedResponse): number {
  return e.body.length + (e.gzip?.length ?? 0) + 512
}

/** A strong validator from the bytes: equal bodies, equal ETags, on every instance. */
export function etagOf(body: Buffer): string {
  return `"${crypto.createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`
}
