import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, it } from 'node:test'
import { buildTestApp } from '../../test/support/test-app.js'

const PASSWORD = 'correct horse battery staple'
const VNU = 'node_modules/vnu-jar/build/dist/vnu.jar'
const vnuSkip =
  fs.existsSync(VNU) && spawnSync('java', ['-version']).status === 0
    ? false
    : 'java or vnu-jar is missing'
if (vnuSkip) console.log(`# skipping the Nu HTML check of the addresses form: ${vnuSkip}`)

/** A form body of rows: kind_N, label_N, value_N. */
const rowsForm = (rows: { kind: string; label: string; value: string }[]) =>
  Object.fromEntries(
    rows.flatMap((r, i) => [
      [`kind_${i}`, r.kind],
      [`label_${i}`, r.label],
      [`value_${i}`, r.value],
    ]),
  )

// The reader page is checked with every other reader page in test/e2e/reader-pages.test.ts; the
// admin's browser suite signs in as an editor, who may not open this form, so it is checked here.
describe('the addresses form as HTML', { skip: vnuSkip }, () => {
  it('passes the Nu HTML checker empty, saved, and with problems', async () => {
    const app = await buildTestApp('sqlite')
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-vnu-'))
    try {
      await app.staff.addStaff({
        email: 'o@example.org',
        name: 'O',
        role: 'owner',
        password: PASSWORD,
      })
      const jar: string[] = []
      const send = async (method: 'GET' | 'POST', url: string, form?: Record<string, string>) => {
        const res = await app.http.inject({
          method,
          url,
          headers: {
            host: 'example.org',
            cookie: jar.join('; '),
            ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          },
          ...(form ? { payload: new URLSearchParams(form).toString() } : {}),
        })
        for (const c of [res.headers['set-cookie'] ?? []].flat()) jar.push(c.split('; ')[0]!)
        return res
      }
      const csrf = async (url: string) =>
        /name="_csrf" value="([^"]+)"/.exec((await send('GET', url)).body)![1]!
      const signIn = await send('POST', '/admin/sign-in', {
        _csrf: await csrf('/admin/sign-in'),
        email: 'o@example.org',
        password: PASSWORD,
      })
      assert.equal(signIn.statusCode, 303)
      const files: string[] = []
      const keep = (name: string, html: string) => {
        const f = path.join(dir, `${name}.html`)
        fs.writeFileSync(f, html)
        files.push(f)
      }
      const empty = await send('GET', '/admin/reach')
      assert.equal(empty.statusCode, 200)
      keep('empty', empty.body)
      const token = await csrf('/admin/reach')
      const good = rowsForm([
        { kind: 'primary', label: '', value: 'https://lantern.example/' },
        { kind: 'other', label: 'Messenger', value: '"><b>@lantern' },
      ])
      const saved = await send('POST', '/admin/reach', { _csrf: token, ...good })
      assert.equal(saved.statusCode, 200)
      keep('saved', saved.body)
      const bad = rowsForm([{ kind: 'mirror', label: '', value: 'javascript:alert(1)' }])
      const refused = await send('POST', '/admin/reach', { _csrf: token, ...bad })
      assert.equal(refused.statusCode, 422)
      keep('refused', refused.body)
      const r = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'gnu', ...files], {
        encoding: 'utf8',
      })
      assert.equal(`${r.stdout}${r.stderr}`.trim(), '')
      assert.equal(r.status, 0)
    } finally {
      await app.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
