import { gunzipSync } from 'node:zlib'
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { fixedClock } from '../lib/clock.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { articleInput, seedBasics, type Basics } from '../../test/support/factories.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

const NOW = new Date('2026-11-26T12:00:00Z')
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000)

for (const dialect of testDialects) {
  describe(`${dialect}: reader site over HTTP`, { skip: await skipFor(dialect) }, () => {
    let app: TestApp
    let b: Basics
    let articleUrl = ''
    const clock = fixedClock(NOW)
    const get = (url: string, headers: Record<string, string> = {}) =>
      app.http.inject({ method: 'GET', url, headers: { host: 'example.org', ...headers } })

    before(async () => {
      app = await buildTestApp(dialect, { clock, sitemapPerFile: 2 })
      b = await seedBasics(app, NOW)
      const inline = await app.repo.insertImage(
        {
          storageKey: 'bbbbbbbbbbbbbbbbbbbb',
          alt: 'Ballot boxes',
          caption: 'Counting in Tessny.',
          credit: 'North Wire',
          width: 1200,
          height: 800,
          widths: [400, 800, 1200],
        },
        NOW,
      )
      const a = await app.content.createArticle(
        articleInput(b, {
          slug: 'the-count',
          kicker: 'Analysis',
          headline: 'The count that took three days',
          standfirst: 'Officials in Tessny finished counting on Thursday.',
          body: `<p>Counting began on Monday.</p><h2>What happened</h2><p>See <a href="https://example.net/">the record</a>.</p><figure data-image-id="${inline}"></figure><blockquote><p>We counted twice.</p><cite>An official</cite></blockquote>`,
          credits: [{ authorId: b.authorId }, { agencyId: b.agencyId }],
          topicIds: [b.topicIds[0]!, b.topicIds[1]!],
          publishedAt: hoursAgo(3),
        }),
      )
      articleUrl = `/world/2026/11/${a.slug}`
      for (let i = 0; i < 4; i++) {
        await app.content.createArticle(
          articleInput(b, {
            slug: `related-${i}`,
            headline: `Related story ${i}`,
            topicIds: [b.topicIds[i % 2]!],
            publishedAt: hoursAgo(10 + i),
          }),
        )
      }
      await app.content.createArticle(
        articleInput(b, { slug: 'a-draft', status: 'draft', publishedAt: hoursAgo(1) }),
      )
      await app.content.createArticle(
        articleInput(b, {
          slug: 'not-yet',
          status: 'scheduled',
          publishedAt: new Date(NOW.getTime() + 3600_000),
        }),
      )
    })
    after(() => app?.close())

    it('shows a 500 page with no trace when the database is gone, and JSON to programs', async () => {
      const broken = await buildTestApp(dialect, { env: { PAGE_CACHE: 'false' } })
      await broken.storage.close()
      try {
        const res = await broken.http.inject({
          method: 'GET',
          url: '/',
          headers: { host: 'example.org' },
        })
        assert.equal(res.statusCode, 500)
        assert.match(res.body, /Something went wrong on our side/)
        assert.doesNotMatch(res.body, /at .*\.(ts|js):\d+|Error:/)
        const json = await broken.http.inject({
          method: 'GET',
          url: '/',
          headers: { host: 'example.org', accept: 'application/json' },
        })
        assert.equal(json.json().error.code, 'INTERNAL')
      } finally {
        await broken.close()
      }
    })

    it('serves the article page with every part of its anatomy', async () => {
      const res = await get(articleUrl)
      assert.equal(res.statusCode, 200)
      assert.match(res.headers['content-type'] as string, /text\/html/)
      const html = res.body
      assert.match(html, /^<!doctype html><html lang="en" dir="ltr">/)
      assert.match(html, /<h1>The count that took three days<\/h1>/)
      assert.match(html, /class="standfirst">Officials in Tessny/)
      assert.match(html, /Analysis/)
      assert.match(
        html,
        /By <a href="\/author\/ana-petrova" rel="author">Ana Petrova<\/a> and <span class="agency">North Wire<\/span>/,
      )
      assert.match(html, /<time datetime="2026-11-26T09:00:00.000Z">/)
      assert.match(html, /1 min read/)
      // Lead photo: responsive, sized, caption and credit apart.
      assert.match(
        html,
        /srcset="\/media\/aaaaaaaaaaaaaaaaaaaa\/400.webp 400w, \/media\/aaaaaaaaaaaaaaaaaaaa\/800.webp 800w, \/media\/aaaaaaaaaaaaaaaaaaaa\/1200.webp 1200w"/,
      )
      assert.match(html, /width="1600" height="900" alt="A river at dusk"/)
      assert.match(
        html,
        /<span class="caption">The river at Orlan.<\/span> <span class="credit">Mira Sol \/ The Lantern<\/span>/,
      )
      // Inline image expanded from the body placeholder.
      assert.match(html, /<span class="caption">Counting in Tessny.<\/span>/)
      assert.doesNotMatch(html, /data-image-id/)
      assert.match(
        html,
        /Read more about: <a href="\/topic\/elections">Elections<\/a>, <a href="\/topic\/courts">Courts<\/a>/,
      )
      const related = html.slice(html.indexOf('id="related-title"'))
      assert.equal((related.match(/class="card-title"/g) ?? []).length, 4)
      assert.match(related, /min read/)
      // SEO and sharing.
      assert.match(
        html,
        /<link rel="canonical" href="http:\/\/example.org\/world\/2026\/11\/the-count"\/?>/,
      )
      assert.match(html, /<meta property="og:type" content="article"\/?>/)
      assert.match(html, /<meta name="twitter:card" content="summary_large_image"\/?>/)
      const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)![1]!)
      assert.equal(ld['@type'], 'NewsArticle')
      assert.equal(ld.headline, 'The count that took three days')
      assert.equal(ld.datePublished, '2026-11-26T09:00:00.000Z')
      assert.equal(ld.author[0].name, 'Ana Petrova')
      assert.equal(ld.author[1]['@type'], 'Organization')
      assert.equal(ld.mainEntityOfPage['@id'], 'http://example.org/world/2026/11/the-count')
      assert.equal(ld.publisher.name, 'The Lantern')
      // Empty slots render nothing yet: the header's search box is the one form.
      assert.doesNotMatch(html.replace(/<form class="search-box"[^]*?<\/form>/, ''), /<form/)
    })

    it('builds absolute URLs from the host asked, and canonical from PUBLIC_URL when set', async () => {
      const onion = await get('/feed.xml', { host: 'lanternabcdefghij.onion' })
      assert.match(onion.body, /http:\/\/lanternabcdefghij.onion\/world\/2026\/11\/the-count/)
      const mirror = await get(articleUrl, { host: 'mirror.example.net' })
      assert.match(mirror.body, /<link rel="canonical" href="http:\/\/mirror.example.net\/world/)
      // Proxied https from an untrusted peer is ignored; from loopback it is honoured.
      const proxied = await app.http.inject({
        method: 'GET',
        url: '/sitemap.xml',
        remoteAddress: '127.0.0.1',
        headers: {
          host: 'internal:3000',
          'x-forwarded-proto': 'https',
          'x-forwarded-host': 'example.org',
        },
      })
      assert.match(proxied.body, /<loc>https:\/\/example.org\/sitemaps\/pages.xml<\/loc>/)
      const spoofed = await app.http.inject({
        method: 'GET',
        url: '/sitemap.xml',
        remoteAddress: '203.0.113.9',
        headers: {
          host: 'example.org',
          'x-forwarded-proto': 'https',
          'x-forwarded-host': 'evil.test',
        },
      })
      assert.match(spoofed.body, /<loc>http:\/\/example.org\/sitemaps\/pages.xml<\/loc>/)
      const canon = await buildTestApp(dialect, {
        clock,
        env: { PUBLIC_URL: 'https://lantern.example', ONION_URL: 'http://lanternabcdefghij.onion' },
      })
      try {
        const bb = await seedBasics(canon, NOW)
        const a = await canon.content.createArticle(
          articleInput(bb, { slug: 'canon', publishedAt: hoursAgo(1) }),
        )
        const res = await canon.http.inject({
          method: 'GET',
          url: `/world/2026/11/${a.slug}`,
          headers: { host: 'mirror.example.net' },
        })
        assert.match(
          res.body,
          /<link rel="canonical" href="https:\/\/lantern.example\/world\/2026\/11\/canon"\/?>/,
        )
        assert.match(res.body, /<meta property="og:url" content="https:\/\/lantern.example\/world/)
        assert.equal(
          res.headers['onion-location'],
          `http://lanternabcdefghij.onion/world/2026/11/canon`,
        )
        const feed = await canon.http.inject({
          method: 'GET',
          url: '/feed.xml',
          headers: { host: 'mirror.example.net' },
        })
        assert.match(feed.body, /http:\/\/mirror.example.net\/world\/2026\/11\/canon/)
        const viaOnion = await canon.http.inject({
          method: 'GET',
          url: '/',
          headers: { host: 'lanternabcdefghij.onion' },
        })
        assert.equal(viaOnion.headers['onion-location'], undefined)
      } finally {
        await canon.close()
      }
    })

    it('serves home, section, topic and author pages', async () => {
      const home = await get('/')
      assert.equal(home.statusCode, 200)
      assert.match(home.body, /The count that took three days/)
      assert.match(home.body, /<nav aria-label="Sections">/)
      const section = await get('/world')
      assert.equal(section.statusCode, 200)
      assert.match(section.body, /<h1>World<\/h1>/)
      const topic = await get('/topic/elections')
      assert.match(topic.body, /<h1>Elections<\/h1>/)
      assert.match(topic.body, /The count that took three days/)
      const author = await get('/author/ana-petrova')
      assert.match(author.body, /<h1>Ana Petrova<\/h1>/)
      assert.match(author.body, /Correspondent/)
      for (const html of [home.body, section.body, topic.body, author.body]) {
        assert.doesNotMatch(html, /a-draft|not-yet/, 'drafts and scheduled stories stay hidden')
      }
    })

    it('paginates lists and 404s past the end', async () => {
      for (let i = 0; i < 21; i++) {
        await app.content.createArticle(
          articleInput(b, {
            slug: `bulk-${i}`,
            sectionId: b.otherSectionId,
            topicIds: [],
            publishedAt: hoursAgo(50 + i),
          }),
        )
      }
      const p1 = await get('/culture')
      assert.equal((p1.body.match(/class="card-title"/g) ?? []).length, 20)
      assert.match(p1.body, /<a href="\/culture\?page=2" rel="next">/)
      const p2 = await get('/culture?page=2')
      assert.equal((p2.body.match(/class="card-title"/g) ?? []).length, 1)
      assert.match(p2.body, /<a href="\/culture" rel="prev">/)
      assert.equal((await get('/culture?page=3')).statusCode, 404)
      assert.equal(
        (await get('/culture?page=abc')).statusCode,
        200,
        'a junk page number means page 1',
      )
    })

    it('answers 404 for unknown, draft and scheduled articles, in the site design', async () => {
      for (const url of [
        '/world/2026/11/no-such-story',
        '/world/2026/11/a-draft',
        '/world/2026/11/not-yet',
        '/nowhere',
        '/topic/nothing',
        '/author/nobody',
        '/world/feed.rss',
      ]) {
        const res = await get(url)
        assert.equal(res.statusCode, 404, url)
        assert.match(res.body, /Page not found/)
        assert.match(res.body, /<nav aria-label="Sections">/)
      }
    })

    it('answers 410 for a withdrawn article and shows corrections on a live one', async () => {
      const gone = await app.content.createArticle(
        articleInput(b, { slug: 'withdrawn', publishedAt: hoursAgo(30) }),
      )
      await app.content.updateArticle(
        gone.id,
        articleInput(b, {
          slug: 'withdrawn',
          status: 'unpublished',
          publishedAt: gone.publishedAt,
        }),
      )
      const res = await get('/world/2026/11/withdrawn')
      assert.equal(res.statusCode, 410)
      assert.match(res.body, /This article was withdrawn/)
      const live = await app.content.createArticle(
        articleInput(b, { slug: 'corrected', publishedAt: hoursAgo(20) }),
      )
      await app.content.addCorrection(live.id, 'correction', 'The vote was on Tuesday, not Monday.')
      const page = await get('/world/2026/11/corrected')
      assert.match(page.body, /Corrections and updates/)
      assert.match(page.body, /<strong>Correction<\/strong>/)
      assert.match(page.body, /The vote was on Tuesday, not Monday\./)
      const ld = JSON.parse(
        /<script type="application\/ld\+json">(.*?)<\/script>/.exec(page.body)![1]!,
      )
      assert.equal(ld.correction[0]['@type'], 'CorrectionComment')
    })

    it('redirects a right slug at a wrong address to the one address', async () => {
      const res = await get('/culture/2025/01/the-count')
      assert.equal(res.statusCode, 301)
      assert.equal(res.headers.location, articleUrl)
    })

    it('answers 400 for malformed paths and hosts, with no trace', async () => {
      for (const url of ['/%E0%A4%A', '/world/%zz', '/%']) {
        const res = await get(url)
        assert.equal(res.statusCode, 400, url)
        assert.match(res.body, /could not be read/)
        assert.doesNotMatch(res.body, /at .*\.(ts|js):\d+/)
      }
      const badHost = await get('/', { host: 'evil.test"><script>alert(1)</script>' })
      assert.equal(badHost.statusCode, 400)
      assert.doesNotMatch(badHost.body, /<script>alert/)
      const json = await get('/%', { accept: 'application/json' })
      assert.equal(json.json().error.code, 'MALFORMED_URL')
    })

    it('never stores a page under an address that reads differently (cache poisoning)', async () => {
      for (let i = 0; i < 21; i++) {
        await app.content.createArticle(
          articleInput(b, {
            slug: `poison-${i}`,
            sectionId: b.otherSectionId,
            topicIds: [],
            publishedAt: hoursAgo(200 + i),
          }),
        )
      }
      const page1 = (await get('/culture')).body
      for (const url of ['/culture?page=%32', '/culture?pag%65=2', '/culture?page=2&page=2'])
        await get(url)
      assert.equal((await get('/culture')).body, page1)
      app.cache!.clear()
      await get('/culture?page=%32')
      assert.equal((await get('/culture')).body, page1)
      assert.match(page1, /rel="next"/)
    })

    it('answers 421 to hosts outside ALLOWED_HOSTS when it is set', async () => {
      const strict = await buildTestApp(dialect, {
        env: { ALLOWED_HOSTS: 'example.org,*.mirror.example.net' },
      })
      try {
        const ok = await strict.http.inject({
          method: 'GET',
          url: '/',
          headers: { host: 'a.mirror.example.net' },
        })
        assert.equal(ok.statusCode, 200)
        const no = await strict.http.inject({
          method: 'GET',
          url: '/',
          headers: { host: 'evil.test' },
        })
        assert.equal(no.statusCode, 421)
        assert.match(no.body, /Not served here/)
      } finally {
        await strict.close()
      }
    })

    it('ignores query strings it does not understand and never echoes them', async () => {
      const res = await get(`/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&utm_source=x`)
      assert.equal(res.statusCode, 200)
      assert.doesNotMatch(res.body, /<script>alert/)
      assert.doesNotMatch(res.body, /utm_source/)
    })

    it('sends ETag, 304, cache headers and surrogate keys', async () => {
      const res = await get(articleUrl)
      const etag = res.headers.etag as string
      assert.ok(etag)
      assert.match(res.headers['cache-control'] as string, /stale-while-revalidate=\d+/)
      assert.match(res.headers['surrogate-key'] as string, /article-\d+/)
      const again = await get(articleUrl, { 'if-none-match': etag })
      assert.equal(again.statusCode, 304)
      assert.equal(again.body, '')
      const gz = await get(articleUrl, { 'accept-encoding': 'gzip, br' })
      assert.equal(gz.headers['content-encoding'], 'gzip')
      assert.equal(
        res.headers['content-security-policy']?.toString().includes("default-src 'none'"),
        true,
      )
      assert.equal(res.headers['referrer-policy'], 'no-referrer')
    })

    it('purges exactly the cached pages an edit touches', async () => {
      const a = (await app.repo.findArticleBySlug('the-count'))!
      await get(articleUrl)
      await get('/culture')
      const before = app.cache!.stats()
      assert.ok(before.entries >= 2)
      await app.content.updateArticle(
        a.id,
        articleInput(b, {
          slug: 'the-count',
          headline: 'The count, corrected',
          credits: [{ authorId: b.authorId }],
          topicIds: [b.topicIds[0]!],
          publishedAt: a.publishedAt,
        }),
      )
      const page = await get(articleUrl)
      assert.match(page.body, /The count, corrected/)
      const home = await get('/')
      assert.match(home.body, /The count, corrected/)
      // The culture page did not show this story, so it stayed cached.
      const hits = app.cache!.stats().hits
      await get('/culture')
      assert.equal(app.cache!.stats().hits, hits + 1)
    })

    it('brings a scheduled story online and purges the lists when its time comes', async () => {
      const before = await get('/')
      assert.doesNotMatch(before.body, /not-yet/)
      clock.set(new Date(NOW.getTime() + 2 * 3600_000))
      await app.runScheduler()
      const after = await get('/')
      assert.match(after.body, /\/world\/2026\/11\/not-yet/)
      assert.equal((await get('/world/2026/11/not-yet')).statusCode, 200)
      clock.set(NOW)
    })

    it('serves robots.txt and a sitemap index with paginated sitemaps', async () => {
      const robots = await get('/robots.txt')
      assert.match(robots.body, /Sitemap: http:\/\/example.org\/sitemap.xml/)
      const index = await get('/sitemap.xml')
      assert.match(index.headers['content-type'] as string, /application\/xml/)
      const files = [
        ...index.body.matchAll(/<loc>http:\/\/example.org(\/sitemaps\/[^<]+)<\/loc>/g),
      ].map((m) => m[1]!)
      assert.ok(
        files.includes('/sitemaps/articles-1.xml') && files.includes('/sitemaps/articles-2.xml'),
      )
      assert.ok(files.includes('/sitemaps/news.xml'))
      const first = await get('/sitemaps/articles-1.xml')
      assert.equal((first.body.match(/<url>/g) ?? []).length, 2)
      assert.equal((await get('/sitemaps/articles-999.xml')).statusCode, 404)
      const news = await get('/sitemaps/news.xml')
      assert.match(news.body, /<news:title>/)
    })

    it('streams a sitemap file the first time, then serves it from the page cache', async () => {
      const url = '/sitemaps/articles-2.xml'
      app.cache?.purge(['list'])
      const streamed = await app.http.inject({
        method: 'GET',
        url,
        headers: { host: 'example.org', 'accept-encoding': 'gzip' },
      })
      assert.equal(streamed.statusCode, 200)
      assert.equal(streamed.headers['content-encoding'], 'gzip')
      assert.equal(streamed.headers.etag, undefined, 'not known until the end of the stream')
      const body = gunzipSync(streamed.rawPayload).toString()
      assert.match(body, /^<\?xml [^>]+>\n<urlset [^>]+>\n(<url>.+<\/url>\n){1,2}<\/urlset>\n$/)
      const cached = await get(url)
      assert.equal(cached.body, body)
      assert.ok(cached.headers.etag, 'the second answer comes from the page cache')
    })

    it('serves stored images, immutable, and nothing outside the media folder', async () => {
      const { storeImageVariants } = await import('../files/index.js')
      const { demoPhoto } = await import('../demo/demo-images.js')
      const stored = await storeImageVariants(app.media, await demoPhoto(3, 900, 600))
      const img = await get(`/media/${stored.storageKey}/400.webp`)
      assert.equal(img.statusCode, 200)
      assert.equal(img.headers['content-type'], 'image/webp')
      assert.match(img.headers['cache-control'] as string, /immutable/)
      assert.equal(
        (
          await get(`/media/${stored.storageKey}/400.webp`, {
            'if-none-match': img.headers.etag as string,
          })
        ).statusCode,
        304,
      )
      for (const url of [
        '/media/../../etc/passwd',
        `/media/${stored.storageKey}/..%2F..%2Fpackage.json`,
        '/media/x/1.webp',
        `/media/${stored.storageKey}/999.webp`,
      ]) {
        const res = await get(url)
        assert.ok([400, 404].includes(res.statusCode), `${url}: ${res.statusCode}`)
        assert.doesNotMatch(res.body, /"name": "masthead"|root:/)
      }
    })

    it('answers HEAD like GET, without a body', async () => {
      const res = await app.http.inject({
        method: 'HEAD',
        url: articleUrl,
        headers: { host: 'example.org' },
      })
      assert.equal(res.statusCode, 200)
      assert.equal(res.body, '')
      assert.ok(res.headers.etag)
    })

    it('serves the stylesheet content-hashed and immutable, under 15 KB', async () => {
      const home = await get('/')
      const href = /<link rel="stylesheet" href="([^"]+)"/.exec(home.body)![1]!
      assert.match(href, /^\/assets\/site\.[0-9a-f]{10}\.css$/)
      const css = await get(href)
      assert.equal(css.statusCode, 200)
      assert.match(css.headers['cache-control'] as string, /immutable/)
      assert.ok(css.rawPayload.length < 15 * 1024, `${css.rawPayload.length} bytes`)
    })
  })
}
