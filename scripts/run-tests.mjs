#!/usr/bin/env node
// Finds every *.test.ts(x) under src/ and test/ and runs them with node:test via tsx.
// (Node 20 does not expand globs itself, and the shell npm uses has no **.)
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const roots = ['src', 'test']
const only = process.argv.slice(2)
const files = roots
  .flatMap((r) =>
    fs.existsSync(r)
      ? fs.readdirSync(r, { recursive: true }).map((f) => path.join(r, String(f)))
      : [],
  )
  .filter((f) => /\.test\.tsx?$/.test(f))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()
if (files.length === 0) {
  console.error('No test files found')
  process.exit(1)
}
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
)
process.exit(r.status ?? 1)
