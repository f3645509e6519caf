#!/usr/bin/env node
// Structural checks that run in `npm test` before the test files (docs/ARCHITECTURE.md, "Fences"):
//   1. no source file over 400 lines (tests and demo content excepted),
//   2. no import cycles in src/, type-only imports included (dpdm),
//   3. every file formatted by prettier.
// Each check prints what it found; the script fails when any of them does.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const MAX_LINES = 400
const roots = ['src', 'scripts', 'bench', 'test/support']
const exempt = [
  /\.test\.tsx?$/,
  /^src\/demo\/demo-content(-[a-z]{2})?\.ts$/,
  /^bench\/(results|\.data)\//,
]
const sourceFile = /\.(ts|tsx|mts|js|mjs|css)$/

let failed = false

const files = roots.flatMap((r) =>
  fs.existsSync(r)
    ? fs
        .readdirSync(r, { recursive: true })
        .map((f) => path.join(r, String(f)).split(path.sep).join('/'))
        .filter((f) => sourceFile.test(f) && !exempt.some((e) => e.test(f)))
    : [],
)
const long = files
  .map((f) => ({ f, lines: fs.readFileSync(f, 'utf8').split('\n').length - 1 }))
  .filter((x) => x.lines > MAX_LINES)
if (long.length > 0) {
  failed = true
  console.error(`structure: ${long.length} source file(s) over ${MAX_LINES} lines:`)
  for (const x of long) console.error(`  ${x.f}: ${x.lines}`)
} else {
  console.log(`structure: ${files.length} source files, none over ${MAX_LINES} lines`)
}

const bin = (name) => path.join('node_modules', '.bin', name)
const cycles = spawnSync(
  bin('dpdm'),
  [
    '--no-warning',
    '--no-tree',
    '--no-progress',
    '--transform=false',
    '--exit-code',
    'circular:1',
    'src/**/*.ts',
    'src/**/*.tsx',
  ],
  { encoding: 'utf8' },
)
if (cycles.status !== 0) {
  failed = true
  console.error('structure: import cycles (type-only imports included):')
  console.error(cycles.stdout || cycles.stderr || cycles.error?.message)
} else {
  console.log('structure: no import cycles in src/ (dpdm, type-only imports included)')
}

const pretty = spawnSync(bin('prettier'), ['--check', '--log-level', 'warn', '.'], {
  encoding: 'utf8',
})
if (pretty.status !== 0) {
  failed = true
  console.error('structure: files prettier would change (run `npm run format`):')
  console.error(pretty.stdout + pretty.stderr)
} else {
  console.log('structure: prettier finds nothing to change')
}

process.exit(failed ? 1 : 0)
