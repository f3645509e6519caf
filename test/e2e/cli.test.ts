import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-cli-'))
const env = {
  ...process.env,
  DATABASE_URL: `sqlite:${path.join(dir, 'cli.db')}`,
  MEDIA_DIR: path.join(dir, 'media'),
  LOG_LEVEL: 'info',
}
const cli = (args: string[], extra: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    env: { ...env, ...extra },
    encoding: 'utf8',
  })

describe('the masthead command', () => {
  after(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('prints help for itself and for every command', () => {
    const main = cli(['--help'])
    assert.equal(main.status, 0)
    for (const c of ['serve', 'migrate', 'seed', 'user']) {
      assert.match(main.stdout, new RegExp(`\\b${c}\\b`))
      const r = cli([c, '--help'])
      assert.equal(r.status, 0, c)
      assert.match(r.stdout, new RegExp(`Usage: masthead ${c}`))
    }
  })

  it('refuses an unknown command or option with exit code 2', () => {
    const r = cli(['publish-everything'])
    assert.equal(r.status, 2)
    assert.match(r.stderr, /unknown command/)
    const o = cli(['serve', '--colour=blue'])
    assert.equal(o.status, 2)
    assert.match(o.stderr, /Unknown option/)
  })

  it('migrates, and says so once', () => {
    const first = cli(['migrate'])
    assert.equal(first.status, 0, first.stderr)
    assert.match(first.stdout, /Applied [1-9][0-9]* migration\(s\)/)
    assert.match(cli(['migrate']).stdout, /up to date/)
  })

  it('refuses a seed without --demo and a bad --articles, writing nothing', () => {
    assert.equal(cli(['seed']).status, 2)
    const bad = cli(['seed', '--demo', '--articles', 'lots'])
    assert.equal(bad.status, 2)
    assert.match(bad.stderr, /--articles must be a whole number/)
  })

  it('adds the first staff member as owner, reading the password from a pipe', () => {
    const run = (args: string[], input: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
        env,
        encoding: 'utf8',
        input,
      })
    const ok = run(
      ['user', 'add', '--email', 'Editor@Example.org', '--name', 'Mira Sol'],
      'a long enough passphrase\n',
    )
    assert.equal(ok.status, 0, ok.stderr)
    assert.match(ok.stdout, /Added Mira Sol <editor@example.org> as owner/)
    const again = run(
      ['user', 'add', '--email', 'editor@example.org', '--name', 'Someone'],
      'another long passphrase\n',
    )
    assert.equal(again.status, 2)
    assert.match(again.stderr, /already exists/)
    const short = run(
      ['user', 'add', '--email', 'b@example.org', '--name', 'B', '--role', 'editor'],
      'short\n',
    )
    assert.equal(short.status, 2)
    assert.match(short.stderr, /at least 12 characters/)
    const role = run(
      ['user', 'add', '--email', 'c@example.org', '--name', 'C', '--role', 'root'],
      'a long enough passphrase\n',
    )
    assert.equal(role.status, 2)
    assert.match(role.stderr, /--role must be one of/)
  })

  it('serves, prints its address, and stops cleanly on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts', 'serve', '--port', '0', '--no-seed'],
      {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (out += d.toString()))
    const url = await new Promise<string>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no address printed:\n${out}`)), 20_000)
      child.stdout.on('data', () => {
        const m = /serving .* at (http:\/\/\S+)/.exec(out)
        if (m) {
          clearTimeout(t)
          resolve(m[1]!)
        }
      })
    })
    const res = await fetch(url.replace('localhost', '127.0.0.1'))
    assert.equal(res.status, 200)
    assert.match(await res.text(), /Nothing has been published yet/)
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', resolve)
      child.kill('SIGTERM')
    })
    assert.equal(code, 0, out)
    assert.match(out, /"msg":"stopped"/)
  })
})
