import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { skipFor, TEST_DATABASE_URL, testDialects } from '../support/dialects.js'
import { until } from '../support/smtp-sink.js'
import { buildTestApp, type TestApp } from '../support/test-app.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-sos-cli-'))

/** `masthead …` as a process, without blocking this one (its app answers meanwhile). */
const cli = (args: string[], env: Record<string, string>) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    })
    let stdout = ''
    let stderr = ''
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    p.on('close', (status) => resolve({ status, stdout, stderr }))
  })

after(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('masthead sos on the command line (SQLite file)', () => {
  const env = { DATABASE_URL: `sqlite:${path.join(dir, 'sos.db')}` }

  it('says the state, flips it, and refuses other words', async () => {
    const first = await cli(['sos', 'status'], env)
    assert.equal(first.status, 0, first.stderr)
    assert.match(first.stdout, /^SOS mode is off\n$/)
    const on = await cli(['sos', 'on'], env)
    assert.equal(on.status, 0, on.stderr)
    assert.match(on.stdout, /SOS mode is now on/)
    assert.match((await cli(['sos', 'on'], env)).stdout, /SOS mode was already on since /)
    assert.match((await cli(['sos', 'status'], env)).stdout, /^SOS mode is on since \d{4}-/)
    assert.match((await cli(['sos', 'off'], env)).stdout, /SOS mode is now off/)
    const bad = await cli(['sos', 'maybe'], env)
    assert.equal(bad.status, 2)
    assert.match(bad.stderr, /sos on, sos off or sos status/)
    const help = await cli(['sos', '--help'], env)
    assert.match(help.stdout, /Usage: masthead sos on\|off\|status/)
  })
})

for (const dialect of testDialects.filter((d) => d === 'postgres')) {
  describe(
    `${dialect}: a running server follows masthead sos at once`,
    { skip: await skipFor(dialect) },
    () => {
      let app: TestApp
      let env: Record<string, string>
      before(async () => {
        app = await buildTestApp(dialect)
        const url = new URL(TEST_DATABASE_URL)
        url.searchParams.set('schema', app.storage.schema!)
        env = { DATABASE_URL: url.toString() }
      })
      after(() => app?.close())
      const home = async () =>
        (await app.http.inject({ method: 'GET', url: '/', headers: { host: 'example.org' } })).body

      it('purges and flips the running instance through the purge channel', async () => {
        assert.doesNotMatch(await home(), /sos-line/) // cached as usual
        const on = await cli(['sos', 'on'], env)
        assert.equal(on.status, 0, on.stderr)
        // Within the purge channel's delivery, far below the 15 s re-read of the switch.
        await until(
          async () => /sos-line/.test(await home()),
          'the server to turn text-first',
          5000,
        )
        const audit = await app.staff.listAudit(5)
        assert.equal(audit[0]?.action, 'sos.on')
        assert.equal(audit[0]?.staffId, null)
        assert.equal((await cli(['sos', 'off'], env)).status, 0)
        await until(
          async () => !/sos-line/.test(await home()),
          'the server to leave SOS mode',
          5000,
        )
      })
    },
  )
}
