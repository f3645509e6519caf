/**
 * Which address the reader used. Pages are built for the host they were asked on, so the same
 * process can serve the main domain, its mirrors and an onion name at once.
 */

// A DNS name (including .onion), an IPv4 address, or a bracketed IPv6 literal, with an optional
// port. Anything else in a Host header is a probe, not a reader.
const HOST =
  /^(?:(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.?|\[[0-9a-f:.]{2,45}\])(?::[0-9]{1,5})?$/i

export function isValidHost(host: string | undefined): host is string {
  return !!host && host.length <= 260 && HOST.test(host)
}

/** `https://example.org` from the request's scheme and host; host is lowercased. */
export function originOf(protocol: string, host: string): string {
  return `${protocol === 'https' ? 'https' : 'http'}://${host.toLowerCase().replace(/\.(?=:|$)/, '')}`
}

export function isOnionHost(host: string): boolean {
  return /\.onion\.?(?::\d+)?$/i.test(host)
}

/** Whether `host` (lowercased, port optional) is in the allow-list; an empty list allows all. */
export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true
  const h = host.toLowerCase().replace(/\.(?=:|$)/, '')
  const bare = h.replace(/:\d+$/, '')
  return allowed.some((a) =>
    a.startsWith('*.')
      ? bare.endsWith(a.slice(1)) || h.endsWith(a.slice(1))
      : a === h || a === bare,
  )
}

/**
 * The origin to put in links we email (password resets, confirmations). A link built from a
 * request's Host could point anywhere the requester chose, so: PUBLIC_URL when configured; the
 * request's own origin only when hosts are restricted (ALLOWED_HOSTS) or it is this machine.
 */
export function mailOrigin(
  requestOrigin: string,
  hostname: string,
  opts: { publicUrl?: string | undefined; allowedHosts: readonly string[] },
): string | null {
  if (opts.publicUrl) return opts.publicUrl
  const local = /^(localhost|127\.0\.0\.1|\[::1\]|::1|[a-z0-9-]+\.localhost)$/i.test(hostname)
  return opts.allowedHosts.length > 0 || local ? requestOrigin : null
}
