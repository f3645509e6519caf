// Reading pages as a browser would: page weight, sub-resources and forms.
import { get } from './network.mjs'

// ---------------------------------------------------------------- page weight

const attr = (tag, name) => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)
  return m ? (m[1] ?? m[2] ?? m[3]).replace(/&amp;/g, '&') : null
}

const IMAGE_EXT = /\.(webp|avif|png|jpe?g|gif|svg)(\?|#|$)/i

/**
 * Subresources a browser fetches before images: stylesheets, scripts, non-image preloads,
 * module preloads, icons and manifests with real (non-data:) URLs.
 */
export function subresources(html) {
  const found = []
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/)
    const href = attr(tag, 'href')
    if (!href || href.startsWith('data:')) continue
    if (rel.includes('stylesheet')) found.push({ kind: 'css', url: href })
    else if (rel.includes('modulepreload')) found.push({ kind: 'js', url: href })
    else if (rel.includes('preload')) {
      const as = (attr(tag, 'as') ?? '').toLowerCase()
      if (as === 'image') continue
      found.push({
        kind: as === 'script' ? 'js' : as === 'style' ? 'css' : `preload:${as || '?'}`,
        url: href,
      })
    } else if (
      rel.includes('icon') ||
      rel.includes('apple-touch-icon') ||
      rel.includes('manifest')
    ) {
      found.push({ kind: rel.includes('manifest') ? 'manifest' : 'icon', url: href })
    }
  }
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = attr(tag, 'src')
    if (src && !src.startsWith('data:')) found.push({ kind: 'js', url: src })
  }
  // Drop duplicates (a preload and its stylesheet are one request).
  const seen = new Set()
  return found.filter((r) => (seen.has(r.url) ? false : (seen.add(r.url), true)))
}

/** url(...) references in a stylesheet that are not images nor data: URLs (fonts, @import). */
export function cssSubresources(css) {
  const out = []
  for (const m of css.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)/gi))
    out.push({ kind: 'css-import', url: m[1] })
  for (const m of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/gi)) {
    const u = m[1].trim()
    if (u.startsWith('data:') || u.startsWith('#') || IMAGE_EXT.test(u)) continue
    out.push({ kind: 'css-url', url: u })
  }
  return out
}

/**
 * The article page's weight: gzipped HTML + CSS + JS as sent with `accept-encoding: gzip`,
 * and the number of requests before images.
 */
export async function pageWeight(pageUrl) {
  const gz = { 'accept-encoding': 'gzip' }
  const page = await get(pageUrl, gz)
  if (page.status !== 200) throw new Error(`page weight: ${pageUrl} answered ${page.status}`)
  const zlib = await import('node:zlib')
  const htmlGzip = page.headers['content-encoding'] === 'gzip'
  const html = (htmlGzip ? zlib.gunzipSync(page.body) : page.body).toString('utf8')
  const parts = [
    {
      kind: 'html',
      url: new URL(pageUrl).pathname,
      bytes: page.body.length,
      gzip: htmlGzip,
      status: 200,
    },
  ]
  const queue = subresources(html)
  const notes = []
  for (let i = 0; i < queue.length; i++) {
    const r = queue[i]
    const abs = new URL(r.url, pageUrl)
    if (abs.origin !== new URL(pageUrl).origin) {
      parts.push({ ...r, bytes: null, gzip: null, status: null, note: 'third-party: not fetched' })
      notes.push(`third-party subresource ${abs.href}`)
      continue
    }
    const res = await get(abs.href, gz)
    const isGzip = res.headers['content-encoding'] === 'gzip'
    parts.push({
      ...r,
      url: abs.pathname + abs.search,
      bytes: res.body.length,
      gzip: isGzip,
      status: res.status,
    })
    if (res.status !== 200) notes.push(`${abs.pathname} answered ${res.status}`)
    if (!isGzip && (r.kind === 'css' || r.kind === 'js'))
      notes.push(`${abs.pathname} was not gzipped`)
    if (r.kind === 'css' && res.status === 200) {
      const text = (isGzip ? zlib.gunzipSync(res.body) : res.body).toString('utf8')
      for (const sub of cssSubresources(text)) {
        const u = new URL(sub.url, abs).href
        if (!queue.some((q) => new URL(q.url, pageUrl).href === u)) queue.push({ ...sub, url: u })
      }
    }
  }
  if (!htmlGzip) notes.push('the HTML was not gzipped')
  const sum = (kinds) =>
    parts.filter((p) => kinds.includes(p.kind) && p.bytes).reduce((a, p) => a + p.bytes, 0)
  const htmlBytes = sum(['html'])
  const cssBytes = sum(['css', 'css-import'])
  const jsBytes = sum(['js'])
  return {
    url: new URL(pageUrl).pathname,
    htmlBytes,
    cssBytes,
    jsBytes,
    totalBytes: htmlBytes + cssBytes + jsBytes,
    otherBytes: parts
      .filter((p) => !['html', 'css', 'css-import', 'js'].includes(p.kind))
      .reduce((a, p) => a + (p.bytes ?? 0), 0),
    requestsBeforeImages: parts.length,
    uncompressedHtmlBytes: Buffer.byteLength(html),
    parts,
    notes,
  }
}

/** An attribute's raw value (character references still encoded). */
const rawAttr = (tag, name) => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)
  return m ? (m[1] ?? m[2] ?? m[3]) : null
}

/** Decodes the HTML character references a server-side renderer emits. */
export function decodeHtml(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos|nbsp);/gi, (m, e) => {
    const k = e.toLowerCase()
    if (k[0] === '#')
      return String.fromCodePoint(k[1] === 'x' ? parseInt(k.slice(2), 16) : Number(k.slice(1)))
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }[k] ?? m
  })
}

/**
 * The fields a browser would submit for the first <form method="post"> in `html` (or the form
 * whose action is `action`): inputs (checkboxes and radios when checked), selects (the selected
 * option, else the first), textareas. Returns [name, value] pairs, in document order.
 */
export function formFields(html, action) {
  const forms = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)]
  const form = forms.find(
    (f) =>
      /\smethod\s*=\s*["']?post/i.test(f[1]) &&
      (action === undefined || rawAttr(f[1], 'action') === action),
  )
  if (!form) return null
  const inner = form[2]
  const pairs = []
  const re =
    /<input\b([^>]*)>|<select\b([^>]*)>([\s\S]*?)<\/select>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi
  for (const m of inner.matchAll(re)) {
    if (m[1] !== undefined) {
      const tag = m[1]
      const name = rawAttr(tag, 'name')
      if (!name || /\sdisabled\b/i.test(tag)) continue
      const type = (rawAttr(tag, 'type') ?? 'text').toLowerCase()
      if (['submit', 'button', 'reset', 'image', 'file'].includes(type)) continue
      if ((type === 'checkbox' || type === 'radio') && !/\schecked\b/i.test(tag)) continue
      pairs.push([name, decodeHtml(rawAttr(tag, 'value') ?? (type === 'checkbox' ? 'on' : ''))])
    } else if (m[2] !== undefined) {
      const name = rawAttr(m[2], 'name')
      if (!name || /\sdisabled\b/i.test(m[2])) continue
      const options = [...m[3].matchAll(/<option\b([^>]*)>([\s\S]*?)(?=<\/option>|<option\b|$)/gi)]
      const chosen = options.find((o) => /\sselected\b/i.test(o[1])) ?? options[0]
      if (chosen) pairs.push([name, decodeHtml(rawAttr(chosen[1], 'value') ?? chosen[2].trim())])
    } else {
      const name = rawAttr(m[4], 'name')
      if (!name || /\sdisabled\b/i.test(m[4])) continue
      // A browser drops one newline right after <textarea>.
      pairs.push([name, decodeHtml(m[5]).replace(/^\r?\n/, '')])
    }
  }
  return pairs
}

/** The options of <select id="…"> as [{ value, label }], without the empty "any" option. */
export function selectOptions(html, id) {
  const m = new RegExp(`<select\\b[^>]*\\sid="${id}"[^>]*>([\\s\\S]*?)</select>`, 'i').exec(html)
  if (!m) return []
  return [...m[1].matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/gi)]
    .map((o) => ({
      value: decodeHtml(rawAttr(o[1], 'value') ?? ''),
      label: decodeHtml(o[2].trim()),
    }))
    .filter((o) => o.value !== '')
}
