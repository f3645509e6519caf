import path from 'node:path'

/**
 * Where each page of the site lives in the mirror, and how one file links to another. Pure:
 * the exporter and its tests share these rules.
 *
 * A page (a path whose last part has no dot) is a folder with an `index.html`, and links name
 * that `index.html` outright, so the copy works from disk (file://), where nothing turns a
 * folder into its index. `?page=N` (N ≥ 2) becomes `page/N/` under the page's folder. Files
 * (feeds, images, the stylesheet) keep their own names.
 */
export function fileOf(sitePath: string): string | null {
  const [p = '/', query = ''] = sitePath.split('?', 2) as [string, string?]
  if (!p.startsWith('/') || p.includes('..') || p.includes('//')) return null
  const parts = p.split('/').filter(Boolean)
  const last = parts[parts.length - 1] ?? ''
  const params = new URLSearchParams(query)
  const extra = [...params.keys()].filter((k) => k !== 'page')
  if (extra.length > 0) return null
  const page = params.get('page')
  if (last.includes('.')) return page === null ? parts.join('/') : null
  if (page !== null) {
    if (!/^[1-9][0-9]{0,5}$/.test(page)) return null
    if (page !== '1') parts.push('page', page)
  }
  return [...parts, 'index.html'].join('/')
}

/** The link from the file `from` to the file `to` (both mirror-relative), with `hash` kept. */
export function relativeLink(from: string, to: string, hash = ''): string {
  const rel = path.posix.relative(path.posix.dirname(from), to)
  return (rel === '' ? path.posix.basename(to) : rel) + hash
}

/** `https://mirror.example/path/` checked and ending in `/`, or a reason it is refused. */
export function mirrorBase(url: string): { base: string } | { problem: string } {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return { problem: `"${url}" is not a URL` }
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    return { problem: `"${url}" must start with https:// or http://` }
  if (u.username || u.password) return { problem: 'the URL must not hold a user name or password' }
  if (u.search || u.hash) return { problem: 'the URL must not have a query or a #fragment' }
  if (!u.pathname.endsWith('/')) u.pathname += '/'
  return { base: u.href }
}

/** The absolute address of a mirror file under `base` (which ends in `/`). */
export function absoluteLink(base: string, file: string, hash = ''): string {
  return base + file + hash
}
