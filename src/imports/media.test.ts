import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, it } from 'node:test'
import { mediaFetcher, safeRelative } from './media.js'

describe('--media-from', () => {
  it('takes only decoded relative paths without . or .. parts', () => {
    assert.equal(safeRelative('2020/01/a%20b.jpg'), '2020/01/a b.jpg')
    for (const bad of ['../x', 'a/%2e%2e/x', 'a//b', '', '%E0%A4%A', 'a\\b', './a'])
      assert.equal(safeRelative(bad), null, bad)
  })

  it('reads a file inside the folder and nothing outside it', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'media-'))
    try {
      fs.mkdirSync(path.join(root, 'in'))
      fs.writeFileSync(path.join(root, 'in', 'a.jpg'), 'A')
      fs.writeFileSync(path.join(root, 'secret'), 'S')
      const fetch = mediaFetcher(path.join(root, 'in'), {
        local: (url) => safeRelative(url),
        remote: () => null,
      })
      assert.equal((await fetch('a.jpg'))?.toString(), 'A')
      assert.equal(await fetch('../secret'), null)
      assert.equal(await fetch('missing.jpg'), null)
      assert.equal(await fetch('.'), null)
    } finally {
      fs.rmSync(root, { recursive: true, force: true })
    }
  })

  it('never asks another host than the one given', async () => {
    const fetch = mediaFetcher('https://old.example/', {
      local: () => null,
      remote: () => null,
    })
    assert.equal(await fetch('https://elsewhere.example/a.jpg'), null)
  })
})
