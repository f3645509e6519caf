#!/usr/bin/env node
// Bundles the compiled server (dist/src/main.js and everything it imports) into one file,
// dist/masthead.js, which `npm start`, bin/masthead.js, the Dockerfile and the systemd units run.
// Why (docs/adr/015-one-file-server.md): reading ~1,200 small modules at start-up was most of a
// cold start; one file is read and parsed lazily by V8. Run by `npm run build` after tsc.
import { build } from 'esbuild'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { escapeNonAscii } from './ascii-bundle.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const out = path.join(root, 'dist/masthead.js')

/**
 * Left out of the bundle and loaded from node_modules as usual: native addons (they cannot be
 * bundled), and packages the app loads only when a feature needs them (a dynamic import keeps
 * them out of a cold start, and bundling would read them at start-up).
 */
const EXTERNAL = [
  // native
  'better-sqlite3',
  'sharp',
  '@node-rs/argon2',
  'pg-native',
  // loaded on first use
  'pg',
  'pg-boss',
  'mjml',
  'stripe',
  '@simplewebauthn/server',
  'prom-client',
  'sanitize-html',
  // pino starts worker threads for transports from its own files
  'pino',
]

// Written under a temporary name and renamed, like the editor bundle: a server starting while
// another process rebuilds reads the old file or the new one, never half of one.
const tmp = `${out}.${process.pid}.tmp`
await build({
  absWorkingDir: root,
  entryPoints: [path.join(root, 'dist/src/main.js')],
  outfile: tmp,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: EXTERNAL,
  // CommonJS packages inside an ES module bundle call require(); give them Node's.
  banner: {
    js: "import { createRequire as __mastheadRequire } from 'node:module'; const require = __mastheadRequire(import.meta.url);",
  },
  // Licences stay inside the file, at its end.
  legalComments: 'eof',
  logLevel: 'warning',
})
// The packages "loaded on first use" stay so only if every import of them is dynamic: esbuild
// hoists a static import of an external package to the top of the bundle, wherever it is, and
// it then loads at every start (pg-boss did, with pg: ~85 ms of each cold start).
const EAGER = new Set(['better-sqlite3', 'pino'])
const bundled = fs.readFileSync(tmp, 'utf8')
const hoisted = [...bundled.matchAll(/^import [^;]*? from "([^"]+)";$/gm)]
  .map((m) => m[1])
  .filter((name) => EXTERNAL.includes(name) && !EAGER.has(name))
if (hoisted.length > 0) {
  fs.rmSync(tmp)
  throw new Error(
    `loaded at every start, though listed as loaded on first use: ${[...new Set(hoisted)].join(', ')}. Import them with await import() where they are used.`,
  )
}

// ASCII only, so V8 holds the text one byte a character (scripts/ascii-bundle.mjs says why).
fs.writeFileSync(tmp, escapeNonAscii(bundled))
fs.renameSync(tmp, out)
const kb = (fs.statSync(out).size / 1024).toFixed(0)
console.log(`${path.relative(root, out)}: ${kb} KiB (the server in one file)`)
