import assert from 'node:assert/strict'
import crypto from 'node:crypto'
import zlib from 'node:zlib'
import { after, before, describe, it } from 'node:test'
import { articlePath } from '../content/index.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { articleInput, seedBasics } from '../../test/support/factories.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

const ONION = `http://${'lantern2'.repeat(7)}.onion/`
/** A story of about 650 words, with a picture in its body: a typical news article. */
const BODY = Array.from(
  { length: 9 },
  (_, i) =>
    `<p>Paragraph ${i + 1}. The council met on Tuesday to decide what happens to the river bank, ` +
    'and residents who came to the hall said they had not been asked before the plan was drawn. ' +
    'Officials answered that the consultation had run for six weeks, online and in the library, ' +
    'and that every comment had been read and answered in the report published last month.</p>',
).join('')

/** What a browser would fetch after the HTML: stylesheets, pictures, scripts, frames, icons. */
function subresources(html: string): string[] {
  const found: string[] = []
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0]
    const rel = /rel="([^"]*)"/.exec(tag)?.[1] ?? ''
    const href = /href="([^"]*)"/.exec(tag)?.[1] ?? ''
    if (/stylesheet|icon|preload|modulepreload/.test(rel) && !href.startsWith('data:'))
      found.push(tag)
  }
  for (const m of html.matchAll(/<(img|script|iframe|video|audio|source|object|embed)\b[^>]*>/g)) {
    // JSON-LD is data, not a script that runs; the page has none in SOS mode all the same.
    found.push(m[0])
  }
  return found
}

for (const dialect of testDialects) {
  describe(`${dialect}: SOS mode's text-first pages`, { skip: await skipFor(dialect) }, () => {
    let app: TestApp
    let url = ''
    const get = (path: string) =>
      app.http.inject({
        method: 'GET',
        url: path,
        headers: { host: 'example.org', 'accept-encoding': 'gzip' },
      })
    const html = async (path: string) => {
      const res = await get(path)
      assert.equal(res.statusCode, 200, path)
      return res.headers['content-encoding'] === 'gzip'
        ? zlib.gunzipSync(res.rawPayload).toString('utf8')
        : res.body
    }

    before(async () => {
      app = await buildTestApp(dialect)
      const b = await seedBasics(app)
      await app.reach.save([
        { kind: 'primary', label: '', value: 'https://lantern.example/' },
        { kind: 'mirror', label: '', value: 'https://mirror-one.example/' },
        { kind: 'onion', label: '', value: ONION },
      ])
      for (let i = 0; i < 4; i++) await app.content.createArticle(articleInput(b))
      const body = `${BODY.slice(0, 900)}<figure data-image-id="${b.imageId}"><img></figure>${BODY.slice(900)}`
      const art = await app.content.createArticle(
        articleInput(b, {
          slug: 'river-bank',
          headline: 'The council decides the river bank',
          body,
        }),
      )
      url = articlePath({
        slug: 'river-bank',
        section: { slug: 'world' },
        publishedAt: art.publishedAt,
      })
    })
    after(() => app?.close())

    it('serves the usual pages, cached, while SOS mode is off', async () => {
      assert.equal((await app.reach.sos.status()).on, false)
      const page = await html(url)
      assert.match(page, /<link rel="stylesheet"/)
      assert.match(page, /<img /)
      const hits = app.cache!.stats().hits
      assert.equal(await html(url), page)
      assert.equal(app.cache!.stats().hits, hits + 1)
    })

    it('turns every reader page text-first: one request, 5 KB gzipped at most', async () => {
      const { changed } = await app.reach.sos.set(true)
      assert.equal(changed, true)
      const res = await get(url)
      assert.equal(res.statusCode, 200)
      assert.equal(res.headers['content-encoding'], 'gzip')
      const gzipped = res.rawPayload.length
      const page = zlib.gunzipSync(res.rawPayload).toString('utf8')
      const extra = subresources(page)
      console.log(
        `# ${dialect}: SOS article page ${page.length} bytes, ${gzipped} bytes gzipped, ` +
          `${1 + extra.length} request(s)`,
      )
      assert.deepEqual(extra, [], 'nothing to fetch after the HTML')
      assert.doesNotMatch(page, /<script/)
      assert.ok(gzipped <= 5 * 1024, `${gzipped} bytes gzipped`)
      // The body's words and the picture's caption stay; the picture goes.
      assert.match(page, /Paragraph 9\./)
      assert.match(page, /The river at Orlan\./)
      // The addresses, at the top.
      const line = /<p class="sos-line"[\s\S]*?<\/p>/.exec(page)?.[0] ?? ''
      assert.match(line, /href="https:\/\/lantern\.example\/"/)
      assert.match(line, /href="https:\/\/mirror-one\.example\/"/)
      assert.ok(line.includes(`href="${ONION}"`))
      assert.match(line, /href="\/reach"/)
      assert.ok(page.indexOf('sos-line') < page.indexOf('<main'))
      // The pictures, one link away.
      assert.ok(page.includes(`href="${url}?pictures=1">Show pictures</a>`))
      // The browser may apply exactly this inline stylesheet, and no other.
      const css = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? ''
      const hash = crypto.createHash('sha256').update(css).digest('base64')
      assert.ok(String(res.headers['content-security-policy']).includes(`'sha256-${hash}'`))
      assert.ok(css.length < 1500, `${css.length} bytes of CSS`)
    })

    it('keeps text-first pages cached, one copy for every reader', async () => {
      const page = await html(url)
      const hits = app.cache!.stats().hits
      assert.equal(await html(url), page)
      const quiet = await app.http.inject({
        method: 'GET',
        url,
        headers: { host: 'example.org', cookie: `mh_quiet=${Date.now() + 86_400_000}` },
      })
      assert.equal(quiet.body, page)
      assert.equal(app.cache!.stats().hits, hits + 2)
      for (const path of ['/', '/world', '/reach']) {
        const p = await html(path)
        assert.deepEqual(subresources(p), [], path)
        assert.match(p, /class="sos-line"/, path)
      }
    })

    it('serves the usual page, pictures and all, to a reader who asks; cached too', async () => {
      const page = await html(`${url}?pictures=1`)
      assert.match(page, /<link rel="stylesheet"/)
      assert.match(page, /<img /)
      assert.doesNotMatch(page, /class="sos-line"/)
      const hits = app.cache!.stats().hits
      assert.equal(await html(`${url}?pictures=1`), page)
      assert.equal(app.cache!.stats().hits, hits + 1)
      // The flag is read exactly: anything else is the text-first page.
      assert.match(await html(`${url}?pictures=yes`), /class="sos-line"/)
    })

    it('names the new addresses at once when the list changes', async () => {
      await html(url)
      await app.reach.save([
        { kind: 'primary', label: '', value: 'https://lantern.example/' },
        { kind: 'mirror', label: '', value: 'https://mirror-two.example/' },
      ])
      const page = await html(url)
      assert.match(page, /mirror-two\.example/)
      assert.doesNotMatch(page, /mirror-one\.example/)
    })

    it('restores everything when SOS mode is left, and flips again cleanly', async () => {
      assert.equal((await app.reach.sos.set(true)).changed, false, 'already on: nothing purged')
      await app.reach.sos.set(false)
      const page = await html(url)
      assert.match(page, /<link rel="stylesheet"/)
      assert.match(page, /<img /)
      assert.doesNotMatch(page, /sos-line|Show pictures/)
      assert.match(page, /application\/ld\+json/)
      assert.equal(await html(url), page)
      await app.reach.sos.set(true)
      assert.match(await html(url), /class="sos-line"/)
      await app.reach.sos.set(false)
      assert.equal(await html(url), page)
    })
  })
}
