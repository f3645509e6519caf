#!/usr/bin/env node
// Finds every *.test.ts(x) under src/ and test/ and runs them with node:test via tsx.
// (Node 20 does not expand globs itself, and the shell npm uses has no **.)
//
// Files start longest first, by the times in test/timings.json, so that the two lanes end
// together: sorted by name, the browser suites (up to 100 s each) came last and one lane often
// ran the last of them alone. `node scripts/run-tests.mjs --save-timings` writes that file
// again from the run (scripts/test-times-reporter.mjs). A file it does not list yet goes first.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const TIMINGS = 'test/timings.json'
const UNKNOWN_MS = Number.MAX_SAFE_INTEGER
const roots = ['src', 'test']
const args = process.argv.slice(2)
const save = args.includes('--save-timings')
const only = args.filter((a) => a !== '--save-timings')

const timings = fs.existsSync(TIMINGS) ? JSON.parse(fs.readFileSync(TIMINGS, 'utf8')) : {}
const weight = (f) => timings[f.split(path.sep).join('/')] ?? UNKNOWN_MS
const files = roots
  .flatMap((r) =>
    fs.existsSync(r)
      ? fs.readdirSync(r, { recursive: true }).map((f) => path.join(r, String(f)))
      : [],
  )
  .filter((f) => /\.test\.tsx?$/.test(f))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()
  .sort((a, b) => weight(b) - weight(a))
if (files.length === 0) {
  console.error('No test files found')
  process.exit(1)
}
const measured = 'test-output/test-times.json'
const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout']
if (save) {
  fs.mkdirSync(path.dirname(measured), { recursive: true })
  reporters.push(
    '--test-reporter=./scripts/test-times-reporter.mjs',
    `--test-reporter-destination=${measured}`,
  )
}
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', ...reporters, ...files],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
)
if (save && fs.existsSync(measured)) {
  // A run of some files only updates theirs.
  const merged = { ...timings, ...JSON.parse(fs.readFileSync(measured, 'utf8')) }
  const sorted = Object.entries(merged).sort((a, b) => b[1] - a[1])
  fs.writeFileSync(TIMINGS, JSON.stringify(Object.fromEntries(sorted), null, 2) + '\n')
}
process.exit(r.status ?? 1)
