import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, it } from 'node:test'
import { IMPORT_FAILURES, ImportError, readableFile } from './import-error.js'

describe('import refusals', () => {
  it('documents every code in docs/errors.md', () => {
    const doc = fs.readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8')
    for (const code of IMPORT_FAILURES)
      assert.match(doc, new RegExp(`^\\| \`${code}\` +\\|`, 'm'), code)
  })

  it('refuses a missing path, and a folder where a file is wanted', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-error-'))
    try {
      const code = (f: () => unknown) => {
        try {
          f()
          return 'ok'
        } catch (e) {
          return e instanceof ImportError ? e.code : String(e)
        }
      }
      assert.equal(
        code(() => readableFile(path.join(dir, 'none'))),
        'IMPORT_FILE_UNREADABLE',
      )
      assert.equal(
        code(() => readableFile(dir)),
        'IMPORT_FILE_UNREADABLE',
      )
      assert.equal(
        code(() => readableFile(dir, 'file or folder')),
        'ok',
      )
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
