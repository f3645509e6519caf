import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { test } from 'node:test'

const root = new URL('../../', import.meta.url)
const read = (file: string) => fs.readFileSync(new URL(file, root), 'utf8')
const flagsIn = (words: string) => words.split(/\s+/).filter((w) => w.startsWith('--'))

/** The Node flags before the script in a command line such as `node --a --b dist/masthead.js`. */
function nodeFlags(command: string, where: string): string[] {
  const m = /(?:^|[\s/])node((?:\s+--\S+)*)\s+dist\/masthead\.js\b/m.exec(command)
  assert.ok(m, `${where} runs node dist/masthead.js`)
  return flagsIn(m[1] ?? '')
}

/**
 * `npm start`, the image and the systemd units run Node with the same flags (ADR 004's heap
 * limits, ADR 043's pretenuring), so what the benchmarks measure is what operators run.
 */
test('npm start, the Dockerfile and the systemd units give Node the same flags', () => {
  const start = nodeFlags(
    (JSON.parse(read('package.json')) as { scripts: { start: string } }).scripts.start,
    'npm start',
  )
  assert.ok(start.includes('--no-allocation-site-pretenuring'), 'ADR 043')
  assert.ok(start.includes('--max-semi-space-size=4'), 'ADR 004')

  const docker = read('Dockerfile')
  const options = /NODE_OPTIONS="([^"]*)"/.exec(docker)?.[1]
  assert.ok(options !== undefined, 'the image sets NODE_OPTIONS')
  const entry = /^ENTRYPOINT (\[.*\])$/m.exec(docker)?.[1]
  assert.ok(entry, 'the image has an ENTRYPOINT in exec form')
  const image = [
    ...flagsIn(options),
    ...nodeFlags((JSON.parse(entry) as string[]).join(' '), 'ENTRYPOINT'),
  ]
  assert.deepEqual([...image].sort(), [...start].sort(), 'the image')

  for (const unit of ['masthead-web@.service', 'masthead-worker.service']) {
    const exec = /^ExecStart=(.*)$/m.exec(read(`deploy/systemd/${unit}`))?.[1]
    assert.ok(exec, `${unit} has ExecStart`)
    assert.deepEqual(nodeFlags(exec, unit).sort(), [...start].sort(), unit)
  }

  // Node takes them: the image's NODE_OPTIONS as NODE_OPTIONS (it refuses some V8 flags there),
  // the rest on the command line.
  const run = spawnSync(process.execPath, [...start, '-e', '0'], {
    env: { ...process.env, NODE_OPTIONS: options },
    encoding: 'utf8',
  })
  assert.equal(run.status, 0, run.stderr)
})
