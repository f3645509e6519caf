import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import type { ExportInputError } from './out-dir.js'
import {
  MANIFEST,
  markRunning,
  openOutDir,
  removeFile,
  saveManifest,
  sweepTemporaryFiles,
  writeAtomic,
} from './out-dir.js'

describe('the output folder', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-outdir-'))
  after(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('takes a new or empty folder, and refuses one with files but no manifest', () => {
    assert.deepEqual(openOutDir(path.join(dir, 'new')), { files: {}, complete: true })
    const theirs = path.join(dir, 'theirs')
    fs.mkdirSync(theirs)
    fs.writeFileSync(path.join(theirs, 'a.txt'), 'a')
    assert.throws(
      () => openOutDir(theirs),
      (e: ExportInputError) => e.code === 'EXPORT_OUT_NOT_OURS',
    )
    assert.throws(
      () => openOutDir(path.join(theirs, 'a.txt', 'x')),
      (e: ExportInputError) => e.code === 'EXPORT_OUT_UNWRITABLE',
    )
    // A first run stopped before its first manifest left its marker: the folder is ours.
    const stopped = path.join(dir, 'stopped')
    openOutDir(stopped)
    markRunning(stopped, true)
    fs.writeFileSync(path.join(stopped, 'index.html.77.tmp'), 'half')
    assert.deepEqual(openOutDir(stopped), { files: {}, complete: false })
    markRunning(stopped, false)
  })

  it('reads back its manifest, and reads a broken one as none', async () => {
    const out = path.join(dir, 'ours')
    openOutDir(out)
    await writeAtomic(out, 'a/b/index.html', 'hello')
    saveManifest(out, null, { 'a/b/index.html': { path: '/a/b', hash: 'h' } }, false)
    assert.deepEqual(openOutDir(out), {
      files: { 'a/b/index.html': { path: '/a/b', hash: 'h' } },
      complete: false,
    })
    assert.deepEqual(
      fs.readdirSync(path.join(out, 'a/b')),
      ['index.html'],
      'no temporary file left',
    )
    fs.writeFileSync(path.join(out, MANIFEST), '{"format":')
    assert.deepEqual(openOutDir(out), { files: {}, complete: false })
    fs.writeFileSync(path.join(out, 'a/b/index.html.4242.tmp'), 'half')
    assert.equal(await sweepTemporaryFiles(out), 1)
    assert.deepEqual(fs.readdirSync(path.join(out, 'a/b')), ['index.html'])
    await removeFile(out, 'a/b/index.html')
    assert.deepEqual(fs.readdirSync(out), [MANIFEST], 'empty folders go too')
  })
})
