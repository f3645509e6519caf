import crypto from 'node:crypto'
import fs from 'node:fs'
import zlib from 'node:zlib'
import { fileURLToPath } from 'node:url'

export interface Asset {
  /** Content-hashed path, e.g. /assets/site.3f9a1c2b.css: cached for a year. */
  href: string
  type: string
  body: Buffer
  gzip: Buffer
  etag: string
}

/**
 * The stylesheet, read once at start. It lives beside the TypeScript source; the compiled
 * build reads the same file from src/ (see the path below), so there is one copy.
 */
export function loadStylesheet(): Asset {
  const here = fileURLToPath(new URL('.', import.meta.url))
  const candidates = [
    `${here}assets/site.css`,
    `${here.replace(/\/dist\/src\//, '/src/')}assets/site.css`,
  ]
  const file = candidates.find((f) => fs.existsSync(f))
  if (!file) throw new Error(`site.css not found in ${candidates.join(' or ')}`)
  const body = fs.readFileSync(file)
  const hash = crypto.createHash('sha256').update(body).digest('hex').slice(0, 10)
  return {
    href: `/assets/site.${hash}.css`,
    type: 'text/css; charset=utf-8',
    body,
    gzip: zlib.gzipSync(body, { level: 9 }),
    etag: `"${hash}"`,
  }
}
