import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import * as tar from 'tar'
import { writeArchive } from './archive.js'
import { MANIFEST } from './out-dir.js'

describe('the archive of a mirror', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-archive-'))
  after(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('packs the files without the manifest and leaves no temporary file', async () => {
    const out = path.join(dir, 'site')
    fs.mkdirSync(path.join(out, 'reach'), { recursive: true })
    fs.writeFileSync(path.join(out, 'index.html'), 'home')
    fs.writeFileSync(path.join(out, 'reach/index.html'), 'reach')
    fs.writeFileSync(path.join(out, MANIFEST), '{}')
    const file = path.join(dir, 'copies', 'site.tar.gz')
    await writeArchive(out, file, ['reach/index.html', 'index.html', MANIFEST])
    const names: string[] = []
    await tar.list({ file, onReadEntry: (e) => void names.push(e.path) })
    assert.deepEqual(names, ['index.html', 'reach/index.html'])
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['site.tar.gz'])
  })
})
