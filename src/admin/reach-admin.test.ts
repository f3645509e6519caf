import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { checkAddresses, REACH_KINDS, type ReachList } from '../reach/index.js'
import { adminBrowser, type AdminBrowser } from '../../test/support/admin-browser.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { hostileLines, hostileSkipReason } from '../../test/support/hostile.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

const PASSWORD = 'correct horse battery staple'
const FOLDERS = ['xss', 'sqli', 'crlf', 'open-redirect', 'blns', 'path-traversal', 'ssti']
const skipHostile = hostileSkipReason()
const hostile = skipHostile ? [] : FOLDERS.flatMap((f) => hostileLines(f))

const cut = (s: string, n: number) => [...s].slice(0, n).join('')

/** A form body of rows: kind_N, label_N, value_N. */
function rowsForm(rows: { kind: string; label: string; value: string }[]) {
  const form: Record<string, string> = {}
  rows.forEach((r, i) => {
    form[`kind_${i}`] = r.kind
    form[`label_${i}`] = r.label
    form[`value_${i}`] = r.value
  })
  return form
}

for (const dialect of testDialects) {
  describe(
    `${dialect}: the newsroom's addresses in the admin`,
    { skip: await skipFor(dialect) },
    () => {
      let app: TestApp
      // One browser per person (cookies and session), as test/support/admin-browser.ts keeps them.
      const browsers = new Map<string, AdminBrowser>()
      const browser = (who: string): AdminBrowser => {
        let b = browsers.get(who)
        if (!b) browsers.set(who, (b = adminBrowser(app.http)))
        return b
      }
      const req = (
        who: string,
        method: 'GET' | 'POST',
        url: string,
        form?: Record<string, string>,
      ) => browser(who).request(method, url, form)
      // The form's token belongs to the session: read once per person.
      const tokens = new Map<string, string>()
      const save = async (who: string, form: Record<string, string>) => {
        if (!tokens.has(who)) tokens.set(who, await browser(who).csrf('/admin/account'))
        return req(who, 'POST', '/admin/reach', { _csrf: tokens.get(who)!, ...form })
      }
      const signIn = async (role: 'admin' | 'editor' | 'owner') => {
        await app.staff.addStaff({
          email: `${role}@example.org`,
          name: role,
          role,
          password: PASSWORD,
        })
        await browser(role).signIn(`${role}@example.org`, PASSWORD)
      }
      const stored = async (): Promise<ReachList> => app.reach.list()

      before(async () => {
        app = await buildTestApp(dialect)
        await signIn('owner')
        await signIn('admin')
        await signIn('editor')
      })
      after(() => app?.close())

      it('is for owners and admins, in their navigation, and warns while the list is unsigned', async () => {
        const page = await req('admin', 'GET', '/admin/reach')
        assert.equal(page.statusCode, 200)
        assert.match(page.body, /<a href="\/admin\/reach"[^>]*>Addresses<\/a>/)
        assert.match(page.body, /The list is not signed/)
        assert.match(page.body, /masthead keys generate/)
        assert.equal((await req('owner', 'GET', '/admin/reach')).statusCode, 200)
        const editor = await req('editor', 'GET', '/admin/articles')
        assert.doesNotMatch(editor.body, /href="\/admin\/reach"/)
        assert.equal((await req('editor', 'GET', '/admin/reach')).statusCode, 403)
        const denied = await save(
          'editor',
          rowsForm([{ kind: 'mirror', label: '', value: 'https://evil.example/' }]),
        )
        assert.equal(denied.statusCode, 403)
        assert.deepEqual((await stored()).addresses, [])
      })

      it('saves the whole list, audits it, and readers see it at once', async () => {
        assert.equal((await req('reader', 'GET', '/reach')).statusCode, 200) // cached empty
        const res = await save(
          'admin',
          rowsForm([
            { kind: 'primary', label: '', value: 'https://lantern.example' },
            { kind: '', label: '', value: '' },
            { kind: 'other', label: 'Messenger', value: '@lantern' },
          ]),
        )
        assert.equal(res.statusCode, 200)
        assert.match(res.body, /Saved\. Readers see the new list now\./)
        assert.match(res.body, /value="https:\/\/lantern\.example\/"/)
        assert.deepEqual((await stored()).addresses, [
          { kind: 'primary', label: '', value: 'https://lantern.example/' },
          { kind: 'other', label: 'Messenger', value: '@lantern' },
        ])
        const audit = (await app.staff.listAudit(5)).find((e) => e.action === 'reach.update')
        assert.ok(audit)
        assert.match(
          audit.detail,
          /2 addresses: primary https:\/\/lantern\.example\/; other @lantern/,
        )
        assert.match((await req('reader', 'GET', '/reach')).body, /lantern\.example/)
      })

      it('refuses a bad row with its code, keeps what was typed, and writes nothing', async () => {
        const before = await stored()
        const res = await save(
          'admin',
          rowsForm([
            { kind: 'mirror', label: 'Fine', value: 'https://fine.example/' },
            { kind: 'mirror', label: 'Bad', value: 'javascript:alert(document.cookie)' },
            { kind: 'onion', label: '', value: 'http://lantern.onion/' },
            { kind: 'primary', label: '', value: 'https://a.example/' },
            { kind: 'primary', label: '', value: 'https://b.example/' },
          ]),
        )
        assert.equal(res.statusCode, 422)
        assert.match(res.body, /Nothing was saved/)
        for (const code of ['REACH_URL_SCHEME', 'REACH_ONION_INVALID', 'REACH_PRIMARY_TWICE'])
          assert.match(res.body, new RegExp(code))
        assert.match(res.body, /row 2 address: must start with https:\/\/ or http:\/\//)
        assert.match(res.body, /value="javascript:alert\(document\.cookie\)"/)
        assert.doesNotMatch(res.body, /href="javascript:/)
        assert.deepEqual(await stored(), before)
      })

      it('answers a form of hostile strings with the form again, never a failure, and stores them only whole', async (t) => {
        if (skipHostile) return t.skip(skipHostile)
        // Every string as a URL of every kind: the rules alone, all of them.
        for (const s of hostile)
          for (const kind of REACH_KINDS.filter((k) => k !== 'other')) {
            const r = checkAddresses([{ kind, label: '', value: s }])
            // A line of spaces is a blank row: nothing to store.
            const a = 'addresses' in r ? r.addresses[0] : undefined
            if (a) {
              const u = new URL(a.value)
              assert.ok(u.protocol === 'https:' || u.protocol === 'http:', s)
              assert.doesNotMatch(a.value, /[\s<>"]/, s)
            }
          }
        // Through the form, forty rows at a time, in every field: 200 or 422, and the stored list
        // is either the one sent (checked) or the one before.
        let saved = 0
        // Twice: rows of every kind (URL rows mostly fail), then rows of free text only (most
        // go in, unless a string carries a line break or a control character).
        for (const textOnly of [false, true])
          for (let i = 0; i < hostile.length; i += 40) {
            const rows = hostile.slice(i, i + 40).map((s, j) => {
              const url = !textOnly && j % 3 === 0
              return {
                kind: url ? REACH_KINDS[j % REACH_KINDS.length]! : 'other',
                // Cut by code points: half a surrogate pair would arrive as U+FFFD.
                label: cut(s, 40),
                value: url ? s : cut(`${i + j}: ${s}`, 140),
              }
            })
            const before = await stored()
            const res = await save('admin', rowsForm(rows))
            assert.ok(res.statusCode === 200 || res.statusCode === 422, `${res.statusCode} at ${i}`)
            const after = await stored()
            if (res.statusCode === 422) assert.deepEqual(after, before, `half-written at ${i}`)
            else {
              saved++
              const checked = checkAddresses(rows)
              assert.ok('addresses' in checked)
              assert.deepEqual(after.addresses, checked.addresses)
            }
            const main = res.body.slice(res.body.indexOf('<main'))
            assert.ok(!/<(script|img|svg|iframe)\b/i.test(main), `a tag got through at ${i}`)
          }
        // Some batches were all one-line text and went in; the pages still render escaped.
        assert.ok(saved > 0, 'no hostile batch was stored')
        const page = await req('reader', 'GET', '/reach')
        assert.equal(page.statusCode, 200)
        assert.ok(!/<(script|img|svg|iframe)\b/i.test(page.body), 'a tag got through on /reach')
        assert.equal((await req('reader', 'GET', '/reach.json')).statusCode, 200)
      })
    },
  )
}
