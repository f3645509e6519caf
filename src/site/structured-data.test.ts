import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { XMLValidator } from 'fast-xml-parser'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { articleInput, seedBasics } from '../../test/support/factories.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

/** JSON-LD, read loosely: the tests walk it key by key. */
type Ld = { [key: string]: Ld }

/** Every JSON-LD block of a page, parsed. */
function jsonLdOf(html: string): Ld[] {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map(
    (m) => JSON.parse(m[1]!) as Ld,
  )
}
const one = (html: string, type: string) => {
  const found = jsonLdOf(html).filter((d) => (d['@type'] as unknown) === type)
  assert.equal(found.length, 1, `one ${type}`)
  return found[0]!
}
const crumbs = (ld: Ld) =>
  (ld.itemListElement as unknown as { position: number; name: string; item: string }[]).map((c) => [
    c.position,
    c.name,
    c.item,
  ])

for (const dialect of testDialects) {
  describe(`${dialect}: structured data`, { skip: await skipFor(dialect) }, () => {
    let app: TestApp
    let articlePath = ''
    const get = (url: string, host = 'mirror.example') =>
      app.http.inject({ method: 'GET', url, headers: { host } })

    before(async () => {
      // A name that must be escaped in the drawn logo; PUBLIC_URL for canonical addresses.
      app = await buildTestApp(dialect, {
        env: { SITE_NAME: 'Ink & <Quill>', PUBLIC_URL: 'https://lantern.example' },
      })
      const b = await seedBasics(app)
      const a = await app.content.createArticle(
        articleInput(b, { slug: 'the-count', headline: 'The count', topicIds: [b.topicIds[1]!] }),
      )
      articlePath = `/world/${a.publishedAt!.toISOString().slice(0, 7).replace('-', '/')}/the-count`
    })
    after(() => app?.close())

    it('gives NewsArticle a publisher with the logo, and the article its breadcrumbs', async () => {
      const res = await get(articlePath)
      assert.equal(res.statusCode, 200)
      const article = one(res.body, 'NewsArticle')
      assert.equal(article.publisher?.['@type'], 'NewsMediaOrganization')
      assert.equal(article.publisher?.name, 'Ink & <Quill>')
      assert.deepEqual(article.publisher?.logo, {
        '@type': 'ImageObject',
        url: 'https://lantern.example/logo.svg',
        width: 600,
        height: 60,
      })
      assert.deepEqual(crumbs(one(res.body, 'BreadcrumbList')), [
        [1, 'Ink & <Quill>', 'https://lantern.example/'],
        [2, 'World', 'https://lantern.example/world'],
        [3, 'The count', `https://lantern.example${articlePath}`],
      ])
      // The JSON cannot end its script element.
      assert.doesNotMatch(res.body, /"Ink & <Quill>"/)
    })

    it('serves the drawn logo the structured data names', async () => {
      const logo = await get('/logo.svg')
      assert.equal(logo.statusCode, 200)
      assert.match(logo.headers['content-type'] as string, /^image\/svg\+xml/)
      assert.equal(XMLValidator.validate(logo.body), true, 'well-formed SVG')
      assert.match(logo.body, /<svg [^>]*width="600" height="60"/)
      assert.match(logo.body, />Ink &amp; &lt;Quill&gt;<\/text>/)
    })

    it('describes the newsroom and its website on the home page, without a SearchAction', async () => {
      const res = await get('/')
      const org = one(res.body, 'NewsMediaOrganization')
      assert.equal(org.name, 'Ink & <Quill>')
      assert.equal(org.url, 'https://lantern.example/')
      assert.equal(org.logo?.url, 'https://lantern.example/logo.svg')
      const site = one(res.body, 'WebSite')
      assert.equal(site.url, 'https://lantern.example/')
      assert.equal(site.inLanguage, 'en')
      assert.deepEqual(site.publisher, { '@id': org['@id'] })
      // The site's search, as a search engine would call it; and the address answers.
      assert.equal(site.potentialAction?.['@type'], 'SearchAction')
      const template = String(site.potentialAction?.target?.urlTemplate)
      assert.equal(template, 'https://lantern.example/search?q={search_term_string}')
      assert.equal(site.potentialAction?.['query-input'], 'required name=search_term_string')
      const searched = await get(
        new URL(template.replace('{search_term_string}', 'court')).pathname + '?q=court',
      )
      assert.equal(searched.statusCode, 200)
      for (const d of jsonLdOf(res.body)) assert.equal(d['@context'], 'https://schema.org')
    })

    it('gives sections and topics breadcrumbs, and author pages a ProfilePage instead', async () => {
      const section = await get('/world')
      assert.deepEqual(crumbs(one(section.body, 'BreadcrumbList')), [
        [1, 'Ink & <Quill>', 'https://lantern.example/'],
        [2, 'World', 'https://lantern.example/world'],
      ])
      const topic = await get('/topic/courts')
      assert.deepEqual(crumbs(one(topic.body, 'BreadcrumbList')), [
        [1, 'Ink & <Quill>', 'https://lantern.example/'],
        [2, 'Courts', 'https://lantern.example/topic/courts'],
      ])
      const author = jsonLdOf((await get('/author/ana-petrova')).body)
      assert.deepEqual(
        author.map((d) => d['@type']),
        ['ProfilePage'],
      )
      assert.deepEqual(author[0]!['mainEntity'], {
        '@type': 'Person',
        name: 'Ana Petrova',
        url: 'https://lantern.example/author/ana-petrova',
        jobTitle: 'Correspondent',
        description: 'Covers the courts.',
        worksFor: { '@id': 'https://lantern.example/#organization' },
      })
    })

    it('names SITE_LOGO_URL as the logo when the newsroom sets one', async () => {
      for (const [logo, expected] of [
        ['https://cdn.example/brand.png', 'https://cdn.example/brand.png'],
        ['/media/brand.png', 'http://mirror.example/media/brand.png'],
      ] as const) {
        const other = await buildTestApp(dialect, { env: { SITE_LOGO_URL: logo } })
        try {
          const b = await seedBasics(other)
          await other.content.createArticle(articleInput(b))
          const home = await other.http.inject({ url: '/', headers: { host: 'mirror.example' } })
          assert.deepEqual(one(home.body, 'NewsMediaOrganization').logo, {
            '@type': 'ImageObject',
            url: expected,
          })
        } finally {
          await other.close()
        }
      }
    })
  })
}
