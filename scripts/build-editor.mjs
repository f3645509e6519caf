#!/usr/bin/env node
// Builds the admin's rich body editor: src/admin/editor/editor.client.ts bundled with esbuild
// into dist/admin-assets/editor.js, and editor.css copied beside it; and the edition page's
// small script (edition-order.client.ts: stories reordered by dragging) into edition.js. Run by
// `npm run build` after tsc; runs alone too. `--dev` keeps it readable with an inline source map.
// The reader site never loads these files: only the admin's article form and edition page do.
import { build } from 'esbuild'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const src = path.join(root, 'src/admin/editor')
const out = path.join(root, 'dist/admin-assets')
const dev = process.argv.includes('--dev')

fs.mkdirSync(out, { recursive: true })
// Written under a temporary name and renamed: a server or test reading the bundle while another
// process rebuilds it gets the old file or the new one, never half of one.
const tmp = `.${process.pid}.tmp`
const bundles = [
  ['editor.client.ts', 'editor.js'],
  ['edition-order.client.ts', 'edition.js'],
]
const options = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2020',
  minify: !dev,
  // Production has no source maps: the admin serves only the built files.
  sourcemap: dev ? 'inline' : false,
  // Some dependencies branch on NODE_ENV; the browser has no `process`.
  define: { 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') },
  legalComments: 'eof',
  logLevel: 'warning',
}
for (const [entry, name] of bundles)
  await build({
    ...options,
    entryPoints: [path.join(src, entry)],
    outfile: path.join(out, name + tmp),
  })
fs.copyFileSync(path.join(src, 'editor.css'), path.join(out, `editor.css${tmp}`))
const names = [...bundles.map(([, name]) => name), 'editor.css']
for (const name of names) fs.renameSync(path.join(out, name + tmp), path.join(out, name))

for (const name of names) {
  const body = fs.readFileSync(path.join(out, name))
  const gz = zlib.gzipSync(body, { level: 9 }).length
  console.log(
    `dist/admin-assets/${name}: ${kb(body.length)} raw, ${kb(gz)} gzip${dev ? ' (dev)' : ''}`,
  )
}

function kb(n) {
  return `${(n / 1024).toFixed(1)} KiB`
}
