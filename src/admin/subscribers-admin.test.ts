import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { parseCsv } from '../newsletter/index.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { adminClient } from '../../test/support/admin-client.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

const PASSWORD = 'correct horse battery staple'

for (const dialect of testDialects) {
  describe(`${dialect}: admin subscribers`, { skip: await skipFor(dialect) }, () => {
    let app: TestApp
    let weekly = 0
    let daily = 0
    const client = adminClient(() => app, PASSWORD)
    /** The admin client, with the CSV upload these tests send as `file`. */
    const req = (
      who: string,
      method: 'GET' | 'POST',
      url: string,
      body?: {
        form?: Record<string, string>
        file?: { text: string | Buffer; fields?: Record<string, string> }
      },
    ) =>
      client.req(
        who,
        method,
        url,
        body?.file
          ? {
              upload: {
                filename: 'list.csv',
                type: 'text/csv',
                bytes: Buffer.isBuffer(body.file.text)
                  ? body.file.text
                  : Buffer.from(body.file.text),
                fields: body.file.fields ?? {},
              },
            }
          : body,
      )
    const csrf = (who: string, url = '/admin/subscribers') => client.csrf(who, url)
    const signIn = (who: string, role: 'editor' | 'author') => client.signIn(who, role)
    const upload = async (url: string, text: string | Buffer) =>
      req('ed', 'POST', url, { file: { text, fields: { _csrf: await csrf('ed') } } })
    const countRows = async (table: 'subscription' | 'subscriber' | 'suppression') =>
      Number(
        (
          await app.storage.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )

    before(async () => {
      app = await buildTestApp(dialect, { env: { PUBLIC_URL: 'http://example.org' } })
      weekly = await app.newsletters.createNewsletter({
        slug: 'weekly',
        name: 'The Weekly',
        language: 'en',
      })
      daily = await app.newsletters.createNewsletter({
        slug: 'daily',
        name: 'The Daily',
        language: 'en',
      })
      await signIn('ed', 'editor')
      await signIn('au', 'author')
    })
    after(() => app?.close())

    it('is for newsletter managers only', async () => {
      assert.equal((await req('au', 'GET', '/admin/subscribers')).statusCode, 403)
      assert.equal((await req('au', 'GET', '/admin/subscribers/export.csv')).statusCode, 403)
      assert.equal((await req('nobody', 'GET', '/admin/subscribers')).statusCode, 303)
      const page = await req('ed', 'GET', '/admin/subscribers')
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /href="\/admin\/subscribers"/)
    })

    it('refuses a bad file whole, naming lines, and writes nothing', async () => {
      const before = await countRows('subscription')
      const bad =
        'email,newsletter,status,consent_text,consent_at\n' +
        'good@example.org,weekly,confirmed,I agree,2026-01-01T00:00:00Z\n' +
        "x' OR 1=1 --,weekly,pending,,\n" +
        'noconsent@example.org,weekly,confirmed,,\n' +
        'a@example.org,<script>alert(1)</script>,pending,,\n'
      const res = await upload('/admin/subscribers/import', bad)
      assert.equal(res.statusCode, 422)
      assert.match(res.body, /CSV_INVALID/)
      assert.match(res.body, /Line 3: email is not an email address/)
      assert.match(res.body, /Line 4: a confirmed row needs consent_at/)
      assert.match(res.body, /Line 5: newsletter is not/)
      assert.doesNotMatch(res.body, /<script>alert/)
      assert.equal(await countRows('subscription'), before)
      const notUtf8 = await upload(
        '/admin/subscribers/import',
        Buffer.from([0x65, 0x6d, 0xff, 0xfe]),
      )
      assert.equal(notUtf8.statusCode, 422)
      assert.match(notUtf8.body, /not UTF-8/)
      const big = await upload(
        '/admin/subscribers/import',
        'email,newsletter,status\n' + 'x'.repeat(11 * 1024 * 1024),
      )
      assert.equal(big.statusCode, 413)
      assert.match(big.body, /PAYLOAD_TOO_LARGE/)
      const none = await req('ed', 'POST', '/admin/subscribers/import', {
        form: { _csrf: await csrf('ed') },
      })
      assert.equal(none.statusCode, 422)
    })

    it('imports 10,000 rows in one go, skipping suppressed and never downgrading', async () => {
      await app.subscribers.suppress(
        [{ email: 'r00007@example.org', reason: 'bounce', detail: '' }],
        'test',
      )
      const lines = ['email,newsletter,status,consent_text,consent_at,confirmed_at,unsubscribed_at']
      for (let i = 0; i < 10_000; i++) {
        const e = `R${String(i).padStart(5, '0')}@Example.org`
        lines.push(
          `${e},${i % 2 ? 'daily' : 'weekly'},confirmed,"=I agree, ""yes""",2026-0${1 + (i % 9)}-15T08:00:00Z,,`,
        )
      }
      const res = await upload('/admin/subscribers/import', lines.join('\r\n'))
      assert.equal(res.statusCode, 200, res.body.slice(0, 500))
      assert.match(res.body, /9999 added, 0 updated, 0 skipped .* 1 skipped as suppressed/)
      assert.equal(await countRows('subscription'), 9999)
      // The same file again changes nothing; a downgrade is refused quietly.
      const again = await upload('/admin/subscribers/import', lines.join('\n'))
      assert.match(again.body, /0 added, 0 updated, 9999 skipped/)
      const down = await upload(
        '/admin/subscribers/import',
        'email,newsletter,status\nr00000@example.org,weekly,unsubscribed\nnew@example.org,weekly,pending\n',
      )
      assert.match(down.body, /1 added, 0 updated, 1 skipped/)
    })

    it('shows counts, a growth chart with a table, and finds addresses by any part', async () => {
      const page = await req('ed', 'GET', '/admin/subscribers')
      assert.match(
        page.body,
        /<th scope="row">The Weekly<\/th><td>5,000<\/td><td>1<\/td><td>0<\/td><td>0<\/td>/,
      )
      assert.match(page.body, /<th scope="row">The Daily<\/th><td>4,999<\/td>/)
      assert.match(
        page.body,
        /<svg[^>]+role="img"[^>]+aria-labelledby="chart-\d+-title chart-\d+-desc"/,
      )
      assert.match(page.body, /<title id="chart-\d+-title">The Weekly: net confirmed/)
      assert.match(page.body, /<summary>The figures, week by week<\/summary>/)
      const found = await req('ed', 'GET', '/admin/subscribers?q=R001')
      assert.equal((found.body.match(/href="\/admin\/subscribers\/\d+"/g) ?? []).length, 50)
      const next = /href="(\/admin\/subscribers\?q=R001&amp;after=[^"]+)"/.exec(found.body)
      assert.ok(next, 'a link to the next page')
      const page2 = await req('ed', 'GET', next[1]!.replace(/&amp;/g, '&'))
      assert.equal((page2.body.match(/href="\/admin\/subscribers\/\d+"/g) ?? []).length, 50)
      assert.match(page2.body, /r00150@example\.org/)
      // Wildcards are literal: nobody's address has a % in it.
      const pct = await req('ed', 'GET', '/admin/subscribers?q=%25')
      assert.match(pct.body, /No address matches/)
      const under = await req('ed', 'GET', '/admin/subscribers?q=0_1')
      assert.match(under.body, /No address matches/)
    })

    it('shows one reader with consent and lets the newsroom unsubscribe or suppress', async () => {
      const sub = await app.storage.db
        .selectFrom('subscriber')
        .select('id')
        .where('email', '=', 'r00002@example.org')
        .executeTakeFirstOrThrow()
      const url = `/admin/subscribers/${sub.id}`
      const page = await req('ed', 'GET', url)
      assert.match(page.body, /“=I agree, &quot;yes&quot;”/)
      assert.match(page.body, /Not suppressed/)
      const token = await csrf('ed', url)
      const off = await req('ed', 'POST', `${url}/unsubscribe`, {
        form: { _csrf: token, newsletter: String(weekly) },
      })
      assert.match(off.body, /Unsubscribed\. Nothing more/)
      const empty = await req('ed', 'POST', `${url}/suppress`, {
        form: { _csrf: token, detail: '' },
      })
      assert.equal(empty.statusCode, 422)
      const sup = await req('ed', 'POST', `${url}/suppress`, {
        form: { _csrf: token, detail: 'Asked by phone' },
      })
      assert.match(sup.body, /Suppressed since .*stopped by the newsroom/)
      assert.equal(await app.subscribers.isSuppressed('r00002@example.org'), true)
      assert.equal((await req('ed', 'GET', '/admin/subscribers/99999999')).statusCode, 404)
      assert.equal((await req('ed', 'GET', '/admin/subscribers/abc')).statusCode, 404)
      void daily
    })

    it('streams the export as formula-safe CSV with ISO times that imports back', async () => {
      const res = await req('ed', 'GET', '/admin/subscribers/export.csv')
      assert.equal(res.statusCode, 200)
      assert.match(String(res.headers['content-type']), /^text\/csv/)
      assert.match(String(res.headers['content-disposition']), /attachment; filename="subscribers-/)
      const parsed = parseCsv(res.body)
      assert.ok(parsed.ok)
      const [head, ...rows] = parsed.records
      assert.deepEqual(head!.fields, [
        'email',
        'newsletter',
        'status',
        'consent_text',
        'consent_at',
        'confirmed_at',
        'unsubscribed_at',
      ])
      assert.equal(rows.length, 10_000)
      const r2 = rows.find((r) => r.fields[0] === 'r00002@example.org')!
      assert.equal(r2.fields[2], 'unsubscribed')
      assert.equal(r2.fields[3], `'=I agree, "yes"`)
      assert.match(r2.fields[4]!, /^2026-03-15T08:00:00\.000Z$/)
      assert.match(r2.fields[6]!, /^\d{4}-\d{2}-\d{2}T/)
      // The export imports back unchanged: nothing added, nothing downgraded.
      const back = await upload('/admin/subscribers/import', res.body)
      assert.match(back.body, /0 added, 0 updated/)
    })

    it('imports bounces and complaints from a provider file', async () => {
      const bad = await upload('/admin/suppressions/import', 'email,reason\nnope,bounce\n')
      assert.equal(bad.statusCode, 422)
      assert.match(bad.body, /Line 2: email is not an email address/)
      const res = await upload(
        '/admin/suppressions/import',
        '\uFEFFemail,reason,detail\r\nR00010@example.org,hard,550\r\nr00011@example.org,soft,\r\nr00012@example.org,complaint,abuse\r\n',
      )
      assert.equal(res.statusCode, 200)
      assert.match(res.body, /Read 2 bounces and complaints: 2 addresses newly suppressed/)
      assert.equal(await app.subscribers.isSuppressed('r00011@example.org'), false)
      const page = await req('ed', 'GET', '/admin/subscribers')
      assert.match(page.body, /<th scope="row">The Weekly<\/th><td>4,997<\/td>/)
      const recipients = await app.subscribers.deliverableRecipients(weekly).execute()
      assert.equal(recipients.length, 4997)
      assert.ok(!recipients.some((r) => r.email === 'r00010@example.org'))
    })
  })
}
