/**
 * WordPress as an import source (ADR 025): the WXR file read as items, its bodies converted,
 * and the addresses its posts, pages, categories and tags had.
 */
import fs from 'node:fs'
import type { ImportSource } from '../import-service.js'
import type { SourcePost, SourceWarning } from '../item.js'
import { type FetchMedia, mediaFetcher, safeRelative } from '../media.js'
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

/** The part of an image's URL inside wp-content/uploads (or WordPress.com's own `YYYY/MM/file`). */
function uploadsPath(url: string): string | null {
  const m =
    /\/wp-content\/uploads\/([^?#]+)/.exec(url) ??
    /^https?:\/\/[^/]+\/(\d{4}\/\d{2}\/[^?#]+)/.exec(url)
  return m ? safeRelative(m[1]!) : null
}

/**
 * Where images come from (`--media-from`): a folder mirroring wp-content/uploads, or the old
 * site's address, where they are under `wp-content/uploads/`.
 */
export function mediaFrom(from: string): FetchMedia {
  return mediaFetcher(from, {
    local: uploadsPath,
    remote: (url) => {
      const rest = uploadsPath(url)
      return rest && `wp-content/uploads/${rest}`
    },
  })
}
