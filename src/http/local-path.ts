// Where a form may send a reader or an editor next (`back`, `next`): a path on this site only.

const BASE = 'http://local.invalid'

/**
 * `value` as a path on this site (optionally inside `within`, e.g. '/admin'), re-serialised by
 * the URL parser so that it is plain ASCII and safe in a Location header; or null when it could
 * lead anywhere else. Refused: absolute and protocol-relative URLs, backslashes (browsers read
 * them as slashes), white space and control characters, and anything whose normalised form starts with `//`
 * (such as `/.//host`).
 */
export function localPath(value: unknown, within = '/'): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return null
  if (!value.startsWith('/') || /[\s\\]/.test(value) || hasControl(value)) return null
  let url: URL
  try {
    url = new URL(value, BASE)
  } catch {
    return null
  }
  if (url.origin !== BASE) return null
  const path = url.pathname + url.search
  if (path.startsWith('//')) return null
  if (within !== '/' && url.pathname !== within && !url.pathname.startsWith(`${within}/`)) {
    return null
  }
  return path
}

function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x20 || c === 0x7f) return true
  }
  return false
}
