import crypto from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { fileURLToPath, pathToFileURL } from 'node:url'

export interface Asset {
  /** Content-hashed path, e.g. /assets/site.3f9a1c2b.css: cached for a year. */
  href: string
  type: string
  body: Buffer
  gzip: Buffer
  etag: string
}

/**
 * The folder holding package.json. Assets are found from it, so the same code finds them when it
 * runs from src/ (tsx), from dist/src/ (tsc's output) or bundled into dist/masthead.js.
 */
export const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)))

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`)
  }
}

/** A surface's source folder (`src/<area>/`), where its assets live. */
export function sourceDir(area: string): URL {
  return pathToFileURL(`${path.join(PROJECT_ROOT, 'src', area)}/`)
}

/**
 * A surface's stylesheet (`<dir>/assets/<name>.css`), read once at start from beside the
 * TypeScript source, whichever build runs (see sourceDir).
 */
export function loadStylesheet(dir: URL, name = 'site', prefix = '/assets'): Asset {
  const type = 'text/css; charset=utf-8'
  // A long stylesheet is kept as parts in `assets/<name>/` (01-base.css, 02-…), joined in name
  // order into one served file: readers still fetch a single request.
  const parts = inAssets(dir, name)
  if (!fs.statSync(parts, { throwIfNoEntry: false })?.isDirectory()) {
    return loadAsset(dir, `${name}.css`, prefix, type)
  }
  const files = fs
    .readdirSync(parts)
    .filter((f) => f.endsWith('.css'))
    .sort()
  const source = files.map((f) => fs.readFileSync(`${parts}/${f}`, 'utf8')).join('\n')
  return assetOf(Buffer.from(minifyCss(source)), `${name}.css`, prefix, type)
}

/**
 * Our own stylesheet without its comments and spacing: the comments are for us, and a reader
 * on a slow, blocked connection should not download them (over a third of the file). The SOS
 * pages write it into each page. Only for our stylesheets, which put no comment markers or
 * significant spaces inside strings.
 */
export function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim()
}
/** `<dir>/assets/<file>` as a path. */
function inAssets(dir: URL, file: string): string {
  return `${fileURLToPath(dir)}assets/${file}`
}

/** A file from an `assets/` folder beside the source, content-hashed; one copy for every build. */
export function loadAsset(dir: URL, file: string, prefix: string, type: string): Asset {
  const found = inAssets(dir, file)
  if (!fs.existsSync(found)) throw new Error(`${file} not found in ${found}`)
  return assetFrom(found, prefix, type)
}

function assetFrom(file: string, prefix: string, type: string): Asset {
  return assetOf(fs.readFileSync(file), file.slice(file.lastIndexOf('/') + 1), prefix, type)
}

function assetOf(body: Buffer, base: string, prefix: string, type: string): Asset {
  const hash = crypto.createHash('sha256').update(body).digest('hex').slice(0, 10)
  const dot = base.lastIndexOf('.')
  return {
    href: `${prefix}/${base.slice(0, dot)}.${hash}${base.slice(dot)}`,
    type,
    body,
    gzip: zlib.gzipSync(body, { level: 9 }),
    etag: `"${hash}"`,
  }
}

/** Serves a content-hashed asset: immutable, ETag, gzip when asked. */
export function serveAsset(app: FastifyInstance, asset: Asset): void {
  app.get(asset.href, async (req, reply) => {
    reply.header('cache-control', 'public, max-age=31536000, immutable').header('etag', asset.etag)
    if (req.headers['if-none-match'] === asset.etag) return reply.code(304).send()
    reply.type(asset.type).header('vary', 'Accept-Encoding')
    const gz = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
    return gz ? reply.header('content-encoding', 'gzip').send(asset.gzip) : reply.send(asset.body)
  })
}

/**
 * A file `npm run build` made under dist/ (e.g. `admin-assets/editor.js`), content-hashed;
 * undefined if it was not built.
 */
export function loadBuiltAsset(name: string, prefix: string, type: string): Asset | undefined {
  const file = path.join(PROJECT_ROOT, 'dist', name)
  return fs.existsSync(file) ? assetFrom(file, prefix, type) : undefined
}
