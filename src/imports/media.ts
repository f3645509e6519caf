/**
 * Where an import's images come from (`--media-from`, ADR 025, 028): a local copy of the old
 * site's media folder, or the old site's address. Each source says where in that folder (and
 * under that address) one of its image URLs lives; a URL it does not recognise, a path with
 * `.` or `..`, a file outside the folder or on another host is never read.
 */
import fs from 'node:fs'
import path from 'node:path'

/** Largest image taken from the old site; bigger ones are reported missing. */
export const MAX_MEDIA_BYTES = 20 * 1024 * 1024

export interface MediaLayout {
  /** The file's path inside a copy of the old media folder, or null. */
  local(url: string): string | null
  /** The file's path under the old site's address, or null. */
  remote(url: string): string | null
}

/** A path decoded and checked: no empty, `.` or `..` segment; null when it is not safe. */
export function safeRelative(encoded: string): string | null {
  let rest: string
  try {
    rest = decodeURIComponent(encoded)
  } catch {
    return null
  }
  if (rest.includes('\\') || rest.includes('\0')) return null
  return rest.split('/').some((s) => s === '..' || s === '.' || s === '') ? null : rest
}

export type FetchMedia = (url: string) => Promise<Buffer | null>

export function mediaFetcher(from: string, layout: MediaLayout): FetchMedia {
  if (/^https?:\/\//i.test(from)) {
    const base = new URL(from.endsWith('/') ? from : `${from}/`)
    return async (url) => {
      const rest = layout.remote(url)
      if (!rest) return null
      const target = new URL(rest.split('/').map(encodeURIComponent).join('/'), base)
      if (target.origin !== base.origin) return null
      const res = await fetch(target, { redirect: 'error', signal: AbortSignal.timeout(20_000) })
      if (!res.ok) return null
      const length = Number(res.headers.get('content-length') ?? 0)
      if (length > MAX_MEDIA_BYTES) return null
      const bytes = Buffer.from(await res.arrayBuffer())
      return bytes.length > MAX_MEDIA_BYTES ? null : bytes
    }
  }
  const root = path.resolve(from)
  return async (url) => {
    const rest = layout.local(url)
    if (!rest) return null
    const file = path.resolve(root, rest)
    if (!file.startsWith(root + path.sep)) return null
    try {
      const stat = await fs.promises.stat(file)
      return stat.isFile() && stat.size <= MAX_MEDIA_BYTES ? await fs.promises.readFile(file) : null
    } catch {
      return null
    }
  }
}
