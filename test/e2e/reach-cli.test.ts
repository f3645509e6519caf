import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { loadKeyFile } from '../../src/reach/keys.js'
import { payloadOf, signedDocument } from '../../src/reach/signed-list.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-reach-cli-'))
const env = {
  ...process.env,
  DATABASE_URL: `sqlite:${path.join(dir, 'cli.db')}`,
  REACH_KEY_FILE: '',
}
const cli = (args: string[], extra: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    env: { ...env, ...extra },
    encoding: 'utf8',
  })
/** The same, without blocking this process: the test's own HTTP server must answer meanwhile. */
const cliAsync = (args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], { env })
    let stdout = ''
    let stderr = ''
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    p.on('close', (status) => resolve({ status, stdout, stderr }))
  })

describe('masthead keys generate and masthead reach verify', () => {
  const keyFile = path.join(dir, 'reach.pem')
  let publicKey = ''
  let server: http.Server
  let base = ''
  const files: Record<string, string> = {}

  before(async () => {
    server = http.createServer((req, res) => {
      const name = req.url?.slice(1) ?? ''
      const file = files[name]
      if (!file) res.writeHead(404).end('no')
      else res.writeHead(200, { 'content-type': 'application/json' }).end(fs.readFileSync(file))
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  after(() => {
    server?.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('writes the private key with mode 0600, prints the public key, and keeps an existing key', () => {
    const usage = cli(['keys', 'generate'])
    assert.equal(usage.status, 2)
    assert.match(usage.stderr, /--out FILE, or set REACH_KEY_FILE/)
    const made = cli(['keys', 'generate', '--out', keyFile])
    assert.equal(made.status, 0, made.stderr)
    publicKey = made.stdout.trim()
    assert.match(publicKey, /^[A-Za-z0-9+/]{43}=$/)
    assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600)
    assert.match(made.stderr, /REACH_KEY_FILE=/)
    const again = cli(['keys', 'generate'], { REACH_KEY_FILE: keyFile })
    assert.equal(again.status, 1)
    assert.match(again.stderr, /exists; keep it, or add --force/)
    assert.equal(loadKeyFile(keyFile).publicKey, publicKey)
  })

  it('says a genuine list is valid, and names what is wrong with every other kind', async () => {
    const key = loadKeyFile(keyFile).privateKey
    const payload = payloadOf({
      name: 'The Lantern',
      addresses: [
        { kind: 'primary', label: '', value: 'https://lantern.example/' },
        { kind: 'other', label: 'Messenger', value: '@lantern' },
      ],
      updatedAt: new Date('2026-12-01T00:00:00Z'),
      issuedAt: new Date('2026-12-06T00:00:00Z'),
    })
    const write = (name: string, doc: unknown) => {
      files[name] = path.join(dir, name)
      fs.writeFileSync(files[name], typeof doc === 'string' ? doc : JSON.stringify(doc))
      return files[name]
    }
    const doc = signedDocument(payload, key)
    assert.ok(doc.signed)
    const genuine = write('genuine.json', doc)
    const ok = cli(['reach', 'verify', genuine, '--key', publicKey])
    assert.equal(ok.status, 0, ok.stderr)
    assert.match(ok.stdout, /^valid: The Lantern, signed by /)
    assert.match(ok.stdout, /primary: https:\/\/lantern\.example\//)
    assert.match(ok.stdout, /other \(Messenger\): @lantern/)
    assert.equal(ok.stderr, '')
    // Pinned to REACH_KEY_FILE's key when no --key is given; unpinned with a warning otherwise.
    assert.equal(cli(['reach', 'verify', genuine], { REACH_KEY_FILE: keyFile }).status, 0)
    const unpinned = cli(['reach', 'verify', genuine])
    assert.equal(unpinned.status, 0)
    assert.match(unpinned.stderr, /warning: no --key given/)

    const fail = (file: string, code: string, args: string[] = ['--key', publicKey]) => {
      const r = cli(['reach', 'verify', file, ...args])
      assert.equal(r.status, 1, `${code}: ${r.stderr}`)
      assert.match(r.stderr, new RegExp(`reach verify failed \\[${code}\\]`))
    }
    fail(
      write('forged.json', {
        ...doc,
        payload: doc.payload.replace('lantern.example', 'evil.example'),
      }),
      'REACH_SIGNATURE_INVALID',
    )
    const other = path.join(dir, 'other.pem')
    assert.equal(cli(['keys', 'generate', '--out', other]).status, 0)
    fail(
      write('theirs.json', signedDocument(payload, loadKeyFile(other).privateKey)),
      'REACH_KEY_MISMATCH',
    )
    fail(write('unsigned.json', signedDocument(payload, null)), 'REACH_UNSIGNED')
    fail(write('page.json', '<!doctype html><p>How to reach us</p>'), 'REACH_FORMAT_INVALID')
    fail(path.join(dir, 'absent.json'), 'REACH_READ_FAILED')
    fail(genuine, 'REACH_FORMAT_INVALID', ['--key', 'not-a-key'])
    assert.match(
      cli(['reach', 'verify', genuine, '--key', 'not-a-key']).stderr,
      /--key must be the newsroom's public key/,
    )
    // A folder that cannot exist (under a file) is named, not the temporary file beside it.
    const plain = write('plain.txt', 'a file, not a folder')
    const badKey = cli(['keys', 'generate', '--out', path.join(plain, 'reach.pem')])
    assert.equal(badKey.status, 1)
    assert.match(
      badKey.stderr,
      /cannot write .*plain\.txt\/reach\.pem: a file stands where its folder should be/,
    )
    assert.doesNotMatch(badKey.stderr, /\.tmp|at /)
    assert.equal(cli(['reach', 'verify']).status, 2)

    const byUrl = await cliAsync(['reach', 'verify', `${base}/genuine.json`, '--key', publicKey])
    assert.equal(byUrl.status, 0, byUrl.stderr)
    assert.match(byUrl.stdout, /^valid: /)
    const missing = await cliAsync(['reach', 'verify', `${base}/nothing.json`, '--key', publicKey])
    assert.equal(missing.status, 1)
    assert.match(missing.stderr, /\[REACH_READ_FAILED\]: .* answered 404/)
  })
})
