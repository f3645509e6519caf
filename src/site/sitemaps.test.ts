import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { articleInput, seedBasics, type Basics } from '../../test/support/factories.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

const XSD = new URL('../../../shared/fixtures/xsd/', import.meta.url)
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0
const xsdSkip = !fs.existsSync(XSD)
  ? 'shared/fixtures/xsd is absent here'
  : !hasXmllint
    ? 'xmllint is not installed (apt-get install libxml2-utils)'
    : false
if (xsdSkip) console.log(`# skipping sitemap schema checks: ${xsdSkip}`)

describe('sitemaps', () => {
  let app: TestApp
  let b: Basics
  const get = (url: string) =>
    app.http.inject({ method: 'GET', url, headers: { host: 'mirror.example.net' } })

  before(async () => {
    app = await buildTestApp('sqlite', { sitemapPerFile: 3 })
    b = await seedBasics(app)
    for (let i = 0; i < 7; i++) {
      await app.content.createArticle(
        articleInput(b, {
          slug: `story-${i}`,
          headline: `Story ${i} & "friends" <b>`,
          body: `<p>Full text of story ${i}, with a <a href="/topic/elections">link</a>.</p><figure data-image-id="${b.imageId}"></figure>`,
          credits:
            i % 2
              ? [{ agencyId: b.agencyId }]
              : [{ authorId: b.authorId }, { guest: 'Dr Ilse Varn' }],
          topicIds: [b.topicIds[i % 3]!],
          publishedAt: new Date(Date.now() - (i + 1) * 3600_000),
        }),
      )
    }
  })
  after(() => app?.close())

  it(
    'validates the sitemap index and sitemaps against the sitemaps.org schemas',
    { skip: xsdSkip },
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitemaps-'))
      const index = await get('/sitemap.xml')
      const locs = [...index.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map(
        (m) => new URL(m[1]!).pathname,
      )
      assert.deepEqual(locs, [
        '/sitemaps/pages.xml',
        '/sitemaps/articles-1.xml',
        '/sitemaps/articles-2.xml',
        '/sitemaps/articles-3.xml',
        '/sitemaps/news.xml',
      ])
      // The news sitemap needs both schemas at once: a wrapper that imports each.
      const newsXsd = path.join(dir, 'news-wrapper.xsd')
      fs.writeFileSync(
        newsXsd,
        `<?xml version="1.0"?><xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"><xsd:import namespace="http://www.sitemaps.org/schemas/sitemap/0.9" schemaLocation="${new URL('sitemap.xsd', XSD).pathname}"/><xsd:import namespace="http://www.google.com/schemas/sitemap-news/0.9" schemaLocation="${new URL('../../test/support/xsd/sitemap-news.xsd', import.meta.url).pathname}"/></xsd:schema>`,
      )
      const check = (file: string, xsd: string, body: string) => {
        const f = path.join(dir, file)
        fs.writeFileSync(f, body)
        const r = spawnSync('xmllint', ['--noout', '--schema', xsd, f], { encoding: 'utf8' })
        assert.equal(r.status, 0, `${file}: ${r.stderr}`)
      }
      check('index.xml', new URL('siteindex.xsd', XSD).pathname, index.body)
      for (const loc of locs) {
        const res = await get(loc)
        assert.equal(res.statusCode, 200, loc)
        check(
          path.basename(loc),
          loc.endsWith('news.xml') ? newsXsd : new URL('sitemap.xsd', XSD).pathname,
          res.body,
        )
      }
      const all = (
        await Promise.all(locs.filter((l) => l.includes('articles')).map((l) => get(l)))
      ).map((r) => (r.body.match(/<url>/g) ?? []).length)
      assert.deepEqual(all, [3, 3, 1])
      const news = await get('/sitemaps/news.xml')
      assert.equal((news.body.match(/<news:news>/g) ?? []).length, 7)
      fs.rmSync(dir, { recursive: true, force: true })
    },
  )

  it('renders article sitemaps two at a time: the others wait, a 404 gives its place back', async () => {
    // Past the end: more 404s than places; a place kept would leave the next request waiting.
    for (let i = 0; i < 4; i++) {
      assert.equal((await get('/sitemaps/articles-99.xml')).statusCode, 404)
    }
    // Six at once, each under its own address so none is a page-cache hit before the route.
    const many = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        app.http.inject({ url: '/sitemaps/articles-1.xml', headers: { host: `m${i}.example` } }),
      ),
    )
    for (const r of many) {
      assert.equal(r.statusCode, 200)
      assert.equal((r.body.match(/<url>/g) ?? []).length, 3)
    }
  })
})

describe('sitemaps of a site in two languages', () => {
  let app: TestApp
  const get = (url: string) =>
    app.http.inject({ method: 'GET', url, headers: { host: 'lantern.example' } })

  before(async () => {
    app = await buildTestApp('sqlite', { env: { SITE_LANGUAGES: 'en,ru' } })
    const b = await seedBasics(app)
    const en = await app.content.createArticle(
      articleInput(b, { slug: 'flood', headline: 'Flood' }),
    )
    const ru = await app.content.createArticle(
      articleInput(b, { slug: 'navodnenie', headline: 'Наводнение', language: 'ru' }),
    )
    await app.content.linkTranslation(en.id, ru.id)
    await app.content.createArticle(articleInput(b, { slug: 'alone', headline: 'Alone' }))
  })
  after(() => app?.close())

  it(
    'validates with their hreflang alternates, each translation naming both and x-default',
    { skip: xsdSkip },
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitemaps-hreflang-'))
      // The sitemaps.org schema and the xhtml:link element at once: a wrapper that imports each.
      const xsd = path.join(dir, 'wrapper.xsd')
      fs.writeFileSync(
        xsd,
        `<?xml version="1.0"?><xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"><xsd:import namespace="http://www.sitemaps.org/schemas/sitemap/0.9" schemaLocation="${new URL('sitemap.xsd', XSD).pathname}"/><xsd:import namespace="http://www.w3.org/1999/xhtml" schemaLocation="${new URL('../../test/support/xsd/xhtml-link.xsd', import.meta.url).pathname}"/></xsd:schema>`,
      )
      for (const loc of ['/sitemaps/articles-1.xml', '/sitemaps/pages.xml']) {
        const res = await get(loc)
        assert.equal(res.statusCode, 200)
        const f = path.join(dir, path.basename(loc))
        fs.writeFileSync(f, res.body)
        const r = spawnSync('xmllint', ['--noout', '--schema', xsd, f], { encoding: 'utf8' })
        assert.equal(r.status, 0, `${loc}: ${r.stderr}`)
      }
      const articles = (await get('/sitemaps/articles-1.xml')).body
      const entry = (slug: string) =>
        [...articles.matchAll(/<url>.*?<\/url>/gs)].map((m) => m[0]).find((u) => u.includes(slug))!
      for (const slug of ['/flood<', '/navodnenie<']) {
        const links = [...entry(slug).matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map(
          (m) => `${m[1]} ${new URL(m[2]!).pathname}`,
        )
        assert.deepEqual(links.sort(), [
          `en ${new URL(/<loc>([^<]+)/.exec(entry('/flood<'))![1]!).pathname}`,
          `ru ${new URL(/<loc>([^<]+)/.exec(entry('/navodnenie<'))![1]!).pathname}`,
          `x-default ${new URL(/<loc>([^<]+)/.exec(entry('/flood<'))![1]!).pathname}`,
        ])
      }
      assert.doesNotMatch(entry('/alone<'), /xhtml:link/, 'a story with no translation has none')
      fs.rmSync(dir, { recursive: true, force: true })
    },
  )
})
