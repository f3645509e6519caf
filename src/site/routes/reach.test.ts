import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { createMemoryTransport } from '../../email/index.js'
import { generateKeyFile, verifyDocument } from '../../reach/index.js'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js'

const ONION = `http://${'lantern2'.repeat(7)}.onion/`

for (const dialect of testDialects) {
  describe(`${dialect}: /reach and /reach.json`, { skip: await skipFor(dialect) }, () => {
    let signed: TestApp
    let unsigned: TestApp
    let publicKey = ''
    const mail = createMemoryTransport()
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-reach-'))
    const get = (app: TestApp, url: string, headers: Record<string, string> = {}) =>
      app.http.inject({ method: 'GET', url, headers: { host: 'mirror.example', ...headers } })

    before(async () => {
      const keyFile = path.join(dir, 'reach.pem')
      publicKey = generateKeyFile(keyFile).publicKey
      signed = await buildTestApp(dialect, {
        mail,
        env: { REACH_KEY_FILE: keyFile, PUBLIC_URL: 'https://lantern.example' },
      })
      unsigned = await buildTestApp(dialect)
    })
    after(async () => {
      await signed?.close()
      await unsigned?.close()
      fs.rmSync(dir, { recursive: true, force: true })
    })

    it('shows the page without any address yet, and links it from every page’s footer', async () => {
      const page = await get(unsigned, '/reach')
      assert.equal(page.statusCode, 200)
      assert.match(page.headers['content-type'] as string, /^text\/html/)
      assert.match(page.body, /<h1>How to reach us<\/h1>/)
      assert.match(page.body, /has not listed other addresses yet/)
      assert.match(page.body, /This list is not signed yet/)
      assert.doesNotMatch(page.body, /<script/)
      assert.match((await get(unsigned, '/')).body, /<a href="\/reach">How to reach us<\/a>/)
    })

    it('serves the list unsigned, saying so, when no key is set', async () => {
      await unsigned.reach.save([{ kind: 'mirror', label: '', value: 'https://m.example/' }])
      const res = await get(unsigned, '/reach.json')
      assert.equal(res.statusCode, 200)
      assert.match(res.headers['content-type'] as string, /^application\/json/)
      const doc = JSON.parse(res.body) as { signed: boolean; payload: string }
      assert.equal(doc.signed, false)
      assert.equal(JSON.parse(doc.payload).addresses[0].url, 'https://m.example/')
      const r = verifyDocument(res.body)
      assert.equal(r.valid ? null : r.code, 'REACH_UNSIGNED')
    })

    it('lists every address, escaped, with the public key, and a list the key verifies', async () => {
      await signed.reach.save([
        { kind: 'primary', label: '', value: 'https://lantern.example/' },
        { kind: 'mirror', label: '<script>alert(1)</script>', value: 'https://m.example/?a=1&b=2' },
        { kind: 'onion', label: '', value: ONION },
        { kind: 'other', label: 'Messenger', value: '"><img src=x onerror=alert(1)>' },
      ])
      const page = await get(signed, '/reach')
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /<h2 id="reach-mirror">/)
      assert.match(page.body, /href="https:\/\/m\.example\/\?a=1&amp;b=2"/)
      assert.match(page.body, new RegExp(`href="${ONION}"`))
      assert.match(page.body, /&lt;script>alert\(1\)&lt;\/script>/)
      assert.doesNotMatch(page.body, /<script>alert|<img src=x/)
      assert.ok(page.body.includes(`<code>${publicKey}</code>`))
      const json = await get(signed, '/reach.json')
      const r = verifyDocument(json.body, publicKey)
      assert.ok(r.valid, r.valid ? '' : r.message)
      assert.deepEqual(
        r.payload.addresses.map((a) => a.kind),
        ['primary', 'mirror', 'onion', 'other'],
      )
      // The same answer on any host: the list does not depend on the address it was read at.
      const onion = await get(signed, '/reach.json', { host: `${'lantern2'.repeat(7)}.onion` })
      const list = (body: string) => {
        const { issuedAt: _, ...rest } = JSON.parse(JSON.parse(body).payload) as Record<
          string,
          unknown
        >
        return rest
      }
      assert.deepEqual(list(onion.body), list(json.body))
    })

    it('is cached, and purged when the list changes', async () => {
      const first = await get(signed, '/reach.json')
      const again = await get(signed, '/reach.json')
      assert.equal(again.headers.etag, first.headers.etag)
      assert.match(first.headers['surrogate-key'] as string, /\breach\b/)
      await signed.reach.save([{ kind: 'mirror', label: '', value: 'https://next.example/' }])
      const after = await get(signed, '/reach.json')
      assert.notEqual(after.headers.etag, first.headers.etag)
      assert.match(JSON.parse(after.body).payload, /next\.example/)
      assert.match((await get(signed, '/reach')).body, /next\.example/)
    })

    it('ends every email with the current addresses', async () => {
      const letter = await signed.newsletters.createNewsletter({
        slug: 'weekly',
        name: 'The Weekly',
        description: '',
        cadence: '',
        language: 'en',
      })
      const n = mail.sent.length
      const res = await signed.http.inject({
        method: 'POST',
        url: '/newsletters/subscribe',
        headers: { host: 'mirror.example', 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          email: 'reader@example.org',
          newsletter: String(letter),
          website: '',
        }).toString(),
      })
      assert.equal(res.statusCode, 200)
      const m = mail.sent[n]!
      assert.match(
        m.message.text,
        /-- \nIf our site is blocked, reach us at: https:\/\/next\.example\//,
      )
      assert.match(m.message.text, /Every way to reach us: https:\/\/next\.example\/reach/)
      assert.match(m.message.html ?? '', /reach us at: <a href="https:\/\/next\.example\/">/)
    })
  })
}
