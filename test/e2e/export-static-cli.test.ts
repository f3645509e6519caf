import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import * as tar from 'tar'

// The command as a process: its bad-input codes (docs/errors.md) and one run with an archive.
// The export itself is tested on both databases in src/export/static/static-export.test.ts.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-export-cli-'))
const env = {
  ...process.env,
  DATABASE_URL: `sqlite:${path.join(dir, 'cli.db')}`,
  MEDIA_DIR: path.join(dir, 'media'),
  LOG_LEVEL: 'silent',
}
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', 'export', ...args], {
    env,
    encoding: 'utf8',
  })

/** Exit 2, the code in brackets, and no stack trace. */
function refused(r: ReturnType<typeof cli>, code: string) {
  assert.equal(r.status, 2, r.stderr)
  assert.match(r.stderr, new RegExp(`^masthead: export static \\[${code}\\]: `))
  assert.doesNotMatch(r.stderr, /\n\s+at /)
}

describe('masthead export static (command line)', () => {
  after(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('says what is wrong with the command line, with a stable code and exit 2', () => {
    refused(cli('static'), 'EXPORT_OUT_REQUIRED')
    refused(
      cli('static', '--out', path.join(dir, 'a'), '--url', 'ftp://mirror.example/'),
      'EXPORT_URL_INVALID',
    )
    refused(cli('static', '--out', path.join(dir, 'a'), '--url', 'not a url'), 'EXPORT_URL_INVALID')
    const file = path.join(dir, 'a-file')
    fs.writeFileSync(file, 'x')
    refused(cli('static', '--out', path.join(file, 'below')), 'EXPORT_OUT_UNWRITABLE')
    const theirs = path.join(dir, 'theirs')
    fs.mkdirSync(theirs)
    fs.writeFileSync(path.join(theirs, 'notes.txt'), 'keep me')
    refused(cli('static', '--out', theirs), 'EXPORT_OUT_NOT_OURS')
    refused(
      cli('static', '--out', path.join(dir, 'b'), '--archive', path.join(file, 'x.tar.gz')),
      'EXPORT_ARCHIVE_UNWRITABLE',
    )
    assert.deepEqual(fs.readdirSync(theirs), ['notes.txt'])
    const r = cli('something')
    assert.equal(r.status, 2)
    assert.match(r.stderr, /export static/)
  })

  it('writes the copy and an archive, then finds nothing to do', async () => {
    const out = path.join(dir, 'site')
    const archive = path.join(dir, 'site.tar.gz')
    const first = cli('static', '--out', out, '--archive', archive, '--verbose')
    assert.equal(first.status, 0, first.stderr)
    assert.match(first.stdout, /^\d+ added, 0 changed, 0 removed, 0 unchanged/m)
    assert.match(first.stdout, /^\+ index\.html$/m)
    const names: string[] = []
    await tar.list({ file: archive, onReadEntry: (e) => void names.push(e.path) })
    assert.ok(names.includes('index.html') && names.includes('reach/index.html'), names.join())
    assert.ok(!names.some((n) => n.includes('.masthead-export')), 'the manifest stays out')
    const second = cli('static', '--out', out)
    assert.equal(second.status, 0, second.stderr)
    assert.match(second.stdout, /^0 added, 0 changed, 0 removed, \d+ unchanged/m)
  })
})
