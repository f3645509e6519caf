/**
 * WordPress as an import source (ADR 025): the WXR file read as items, its bodies converted,
 * and the addresses its posts, pages, categories and tags had.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { ImportSource } from '../import-service.js'
import type { SourcePost, SourceWarning } from '../item.js'
import { convertBody } from './body.js'
import { readWxr } from './wxr-reader.js'

/** The old site's paths of a post or page: `/?p=ID`, its permalink, dated and plain slugs. */
export function postPaths(p: SourcePost): string[] {
  const paths = new Set<string>()
  paths.add(p.kind === 'page' ? `/?page_id=${p.sourceId}` : `/?p=${p.sourceId}`)
  try {
    const u = new URL(p.link)
    const own = u.pathname + (u.pathname === '/' ? u.search : '')
    if (own !== '/') paths.add(own)
  } catch {
    // No permalink in the export: the paths below stand in for it.
  }
  if (p.slug) {
    if (p.kind === 'post' && p.addressDate) paths.add(`/${p.addressDate}/${p.slug}/`)
    paths.add(`/${p.slug}/`)
  }
  return [...paths]
}

export function termPaths(t: { kind: 'category' | 'tag'; slug: string }): string[] {
  return [`/${t.kind}/${t.slug}/`]
}

/** The export at `file`, read in 64 KB pieces of text (the decoder keeps UTF-8 whole). */
export function wordpressSource(file: string): ImportSource {
  const warnings: SourceWarning[] = []
  return {
    name: 'wordpress',
    items: readWxr(
      fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 64 * 1024 }),
      warnings,
    ),
    warnings,
    convertBody,
    postPaths,
    termPaths,
  }
}

/** Largest image taken from the old site; bigger ones are reported missing. */
const MAX_BYTES = 20 * 1024 * 1024

/**
 * Where images come from (`--media-from`): a folder mirroring wp-content/uploads, or the old
 * site's address. Only the part of an image's URL after `wp-content/uploads/` (or WordPress.com's
 * `YYYY/MM/file`) is used, so a file outside the folder or another host is never read.
 */
export function mediaFrom(from: string): (url: string) => Promise<Buffer | null> {
  const within = (url: string) => {
    // wp-content/uploads/2019/04/x.jpg, or WordPress.com's own 2019/04/x.jpg.
    const m =
      /\/wp-content\/uploads\/([^?#]+)/.exec(url) ??
      /^https?:\/\/[^/]+\/(\d{4}\/\d{2}\/[^?#]+)/.exec(url)
    if (!m) return null
    let rest: string
    try {
      rest = decodeURIComponent(m[1]!)
    } catch {
      return null
    }
    return rest.split('/').some((s) => s === '..' || s === '.' || s === '') ? null : rest
  }
  if (/^https?:\/\//i.test(from)) {
    const base = new URL(from.endsWith('/') ? from : `${from}/`)
    return async (url) => {
      const rest = within(url)
      if (!rest) return null
      const target = new URL(
        `wp-content/uploads/${rest.split('/').map(encodeURIComponent).join('/')}`,
        base,
      )
      if (target.origin !== base.origin) return null
      const res = await fetch(target, { redirect: 'error', signal: AbortSignal.timeout(20_000) })
      if (!res.ok) return null
      const length = Number(res.headers.get('content-length') ?? 0)
      if (length > MAX_BYTES) return null
      const bytes = Buffer.from(await res.arrayBuffer())
      return bytes.length > MAX_BYTES ? null : bytes
    }
  }
  const root = path.resolve(from)
  return async (url) => {
    const rest = within(url)
    if (!rest) return null
    const file = path.resolve(root, rest)
    if (!file.startsWith(root + path.sep)) return null
    try {
      const stat = await fs.promises.stat(file)
      return stat.isFile() && stat.size <= MAX_BYTES ? await fs.promises.readFile(file) : null
    } catch {
      return null
    }
  }
}
