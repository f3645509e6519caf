import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { parseFeed } from '@rowanmanning/feed-parser'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { articleInput, seedBasics, type Basics } from '../../test/support/factories.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'
import { demoPhoto } from '../demo/demo-images.js'
import { storeImageVariants } from '../files/index.js'

/*
 * Every feed (site, section, topic, author; RSS, Atom, JSON Feed) read by two real parsers and
 * checked against the rules the W3C feed validator applies, one by one, where ours failed.
 */

const SCOPES = ['', '/world', '/topic/elections', '/author/ana-petrova']
/** The validator's tag: URI pattern (lower-case authority, a date, a specific part). */
const TAG =
  /^tag:([a-z0-9\-._]+?@)?[a-z0-9.-]+?,\d{4}(-\d{2}(-\d{2})?)?:[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,]+$/
const RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/
const MIME = /^[^\s()<>,;:\\"/[\]?=]+\/[^\s()<>,;:\\"/[\]?=]+$/
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (_name, jpath) =>
    [
      'rss.channel.item',
      'rss.channel.atom:link',
      'rss.channel.item.dc:creator',
      'rss.channel.item.category',
      'feed.link',
      'feed.entry',
      'feed.entry.author',
      'feed.entry.category',
      'feed.entry.link',
    ].includes(String(jpath)),
})
type Node = Record<string, unknown>
const text = (n: unknown) => (typeof n === 'object' && n ? String((n as Node)['#text']) : String(n))

/** What the validator flags inside HTML: scripts, meta, embed, object, on* handlers, relative URLs. */
function assertSafeAbsoluteHtml(html: string, where: string) {
  assert.doesNotMatch(html, /<(script|meta|embed|object)[\s>]/i, where)
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i, where)
  for (const m of html.matchAll(/\s(?:src|href)="([^"]*)"/g))
    assert.match(m[1]!, /^[a-z][a-z0-9+.-]*:/i, `${where}: relative URL ${m[1]}`)
}

for (const dialect of testDialects) {
  describe(`${dialect}: feeds that validators accept`, { skip: await skipFor(dialect) }, () => {
    let app: TestApp
    let b: Basics
    let coAuthoredId = 0
    let imageBytes = 0
    const get = (url: string, host = 'mirror-one.example') =>
      app.http.inject({ method: 'GET', url, headers: { host } })

    before(async () => {
      // PUBLIC_URL set, as in production: ids must still not follow the address asked on.
      app = await buildTestApp(dialect, { env: { PUBLIC_URL: 'https://lantern.example' } })
      b = await seedBasics(app)
      const stored = await storeImageVariants(app.media, await demoPhoto(5, 1300, 700))
      imageBytes = fs.statSync(path.join(app.mediaDir, stored.storageKey, '1200.webp')).size
      const leadImageId = await app.repo.insertImage(
        { ...stored, alt: 'A ferry', caption: 'The ferry.', credit: 'Mira Sol' },
        new Date(),
      )
      const ts = (h: number) => new Date(Date.now() - h * 3600_000)
      coAuthoredId = (
        await app.content.createArticle(
          articleInput(b, {
            slug: 'three-bylines',
            headline: 'Three names & one <story>',
            body: '<p>The whole text, with a <a href="/topic/elections">link</a>.</p>',
            credits: [
              { authorId: b.authorId },
              { authorId: b.secondAuthorId },
              { guest: 'Dr Ilse Varn' },
            ],
            topicIds: [b.topicIds[0]!],
            leadImageId,
            publishedAt: ts(1),
          }),
        )
      ).id
      await app.content.createArticle(
        articleInput(b, {
          slug: 'wire-copy',
          credits: [{ agencyId: b.agencyId }],
          topicIds: [b.topicIds[0]!],
          publishedAt: ts(2),
        }),
      )
      await app.content.createArticle(
        articleInput(b, {
          slug: 'with-inline-image',
          body: `<p>Inline.</p><figure data-image-id="${b.imageId}"></figure>`,
          topicIds: [b.topicIds[0]!],
          publishedAt: ts(3),
        }),
      )
    })
    after(() => app?.close())

    for (const scope of SCOPES) {
      it(`RSS ${scope || '(site)'}: dc:creator per name, tag: guids, real enclosures`, async () => {
        const res = await get(`${scope}/feed.xml`)
        assert.equal(res.statusCode, 200)
        assert.match(res.headers['content-type'] as string, /^application\/rss\+xml/)
        assert.equal(XMLValidator.validate(res.body), true, 'well-formed')
        // Two parsers from npm read it.
        const rowan = parseFeed(res.body)
        const smith = parseRssFeed(res.body)
        assert.ok(rowan.items.length >= 2)
        assert.equal(smith.items?.length, rowan.items.length)

        const doc = xml.parse(res.body) as Node
        const rss = doc.rss as Node
        assert.equal(rss['@version'], '2.0')
        assert.equal(rss['@xmlns:dc'], 'http://purl.org/dc/elements/1.1/')
        const channel = rss.channel as Node
        for (const el of ['title', 'link', 'description'])
          assert.ok(text(channel[el]).length > 0, `channel ${el}`)
        assert.match(text(channel.lastBuildDate), RFC822)
        const self = (channel['atom:link'] as Node[]).find((l) => l['@rel'] === 'self')
        assert.equal(self?.['@href'], `http://mirror-one.example${scope}/feed.xml`)

        const items = channel.item as Node[]
        const guids = new Set<string>()
        for (const item of items) {
          // The validator: <author> must be an email address, and only one per item.
          assert.equal(item.author, undefined, 'no <author> without an email address')
          const creators = (item['dc:creator'] as unknown[] | undefined) ?? []
          assert.ok(creators.length >= 1, 'every credited name as dc:creator')
          const guid = item.guid as Node
          assert.equal(guid['@isPermaLink'], 'false')
          assert.match(text(guid), TAG)
          assert.ok(!guids.has(text(guid)), 'guids are unique')
          guids.add(text(guid))
          assert.match(text(item.pubDate), RFC822)
          assert.match(text(item.link), /^http:\/\/mirror-one\.example\/world\/\d{4}\/\d{2}\//)
          assertSafeAbsoluteHtml(text(item['content:encoded']), 'content:encoded')
          const enclosure = item.enclosure as Node | undefined
          if (enclosure) {
            assert.ok(Number(enclosure['@length']) > 0, 'enclosure length is positive')
            assert.match(String(enclosure['@type']), MIME)
          }
        }
        const co = items.find((i) => text(i.guid as Node).endsWith(`:article/${coAuthoredId}`))
        assert.ok(co, 'the co-authored story is in every scope here')
        assert.deepEqual((co['dc:creator'] as unknown[]).map(text), [
          'Ana Petrova',
          'Ivo Kral',
          'Dr Ilse Varn',
        ])
        const enclosure = co.enclosure as Node
        assert.equal(Number(enclosure['@length']), imageBytes, 'the file’s real size')
        assert.equal(enclosure['@type'], 'image/webp')
        // Full text, as the parser reads it.
        const parsed = rowan.items.find((i) => i.id?.endsWith(`:article/${coAuthoredId}`))
        assert.match(parsed?.content ?? '', /The whole text, with a <a href="http:\/\/mirror-one/)
        assert.equal(parsed?.title, 'Three names & one <story>')
        // An image whose files are missing gets no enclosure rather than length="0".
        assert.doesNotMatch(res.body, /length="0"/)
      })

      it(`Atom ${scope || '(site)'}: categories with terms, tag: ids, authors`, async () => {
        const res = await get(`${scope}/feed.atom`)
        assert.equal(res.statusCode, 200)
        assert.match(res.headers['content-type'] as string, /^application\/atom\+xml/)
        assert.equal(XMLValidator.validate(res.body), true, 'well-formed')
        const rowan = parseFeed(res.body)
        const smith = parseAtomFeed(res.body)
        assert.equal(smith.entries?.length, rowan.items.length)

        const feed = (xml.parse(res.body) as Node).feed as Node
        assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom')
        assert.match(text(feed.id), TAG)
        assert.ok(text(feed.updated).endsWith('Z'))
        const links = feed.link as Node[]
        assert.equal(
          links.find((l) => l['@rel'] === 'self')?.['@href'],
          `http://mirror-one.example${scope}/feed.atom`,
        )
        assert.ok(feed.author, 'the feed names an author, so no entry lacks one')
        const ids = new Set<string>()
        for (const entry of feed.entry as Node[]) {
          for (const el of ['id', 'title', 'updated', 'published'])
            assert.ok(entry[el] !== undefined, `entry ${el}`)
          assert.match(text(entry.id), TAG)
          assert.ok(!ids.has(text(entry.id)))
          ids.add(text(entry.id))
          for (const c of entry.category as Node[])
            assert.ok(String(c['@term'] ?? '').length > 0, 'category has a term')
          for (const a of entry.author as Node[]) assert.ok(text(a.name).length > 0)
          const alternates = (entry.link as Node[]).filter((l) => l['@rel'] === 'alternate')
          assert.equal(alternates.length, 1)
          for (const l of (entry.link as Node[]).filter((l) => l['@rel'] === 'enclosure')) {
            assert.ok(Number(l['@length']) > 0)
            assert.match(String(l['@type']), MIME)
          }
          assertSafeAbsoluteHtml(text(entry.content), 'content')
        }
        const co = smith.entries?.find((e) => e.id?.endsWith(`:article/${coAuthoredId}`))
        assert.deepEqual(
          co?.authors?.map((a) => a.name),
          ['Ana Petrova', 'Ivo Kral', 'Dr Ilse Varn'],
        )
        const enc = co?.links?.find((l) => l.rel === 'enclosure')
        assert.equal(Number(enc?.length), imageBytes)
        assert.equal(co?.title?.value ?? co?.title, 'Three names & one <story>')
      })

      it(`JSON Feed 1.1 ${scope || '(site)'}: authors, language, attachments`, async () => {
        const res = await get(`${scope}/feed.json`)
        assert.equal(res.statusCode, 200)
        assert.match(res.headers['content-type'] as string, /^application\/feed\+json/)
        const raw = res.json()
        const smith = parseJsonFeed(raw)
        assert.equal(raw.version, 'https://jsonfeed.org/version/1.1')
        assert.equal(raw.language, 'en')
        assert.equal(raw.feed_url, `http://mirror-one.example${scope}/feed.json`)
        assert.equal(raw.author, undefined, '1.1 deprecates author')
        assert.ok(Array.isArray(raw.authors))
        for (const item of raw.items) {
          assert.equal(item.author, undefined)
          assert.match(item.id, TAG)
          assert.ok(item.content_html.length > 0)
          assert.equal(typeof item.language, 'string')
          for (const a of item.attachments ?? []) {
            assert.ok(a.size_in_bytes > 0)
            assert.match(a.mime_type, MIME)
          }
        }
        const co = smith.items?.find((i) => i.id?.endsWith(`:article/${coAuthoredId}`))
        assert.deepEqual(
          co?.authors?.map((a) => a.name),
          ['Ana Petrova', 'Ivo Kral', 'Dr Ilse Varn'],
          'co-authors are kept',
        )
        assert.equal(co?.attachments?.[0]?.size_in_bytes, imageBytes)
        assert.equal(co?.attachments?.[0]?.mime_type, 'image/webp')
        assert.match(co?.content_html ?? '', /The whole text/)
      })
    }

    it('gives every item the same id on every host, and links on the host asked', async () => {
      const hosts = ['mirror-one.example', 'mirror-two.example:8080', `${'a'.repeat(56)}.onion`]
      for (const scope of SCOPES) {
        const seen = await Promise.all(
          hosts.map(async (host) => {
            const rss = parseFeed((await get(`${scope}/feed.xml`, host)).body)
            const atom = parseFeed((await get(`${scope}/feed.atom`, host)).body)
            const json = (await get(`${scope}/feed.json`, host)).json()
            const ids = rss.items.map((i) => i.id)
            assert.deepEqual(
              atom.items.map((i) => i.id),
              ids,
              'RSS and Atom agree',
            )
            assert.deepEqual(
              json.items.map((i: { id: string }) => i.id),
              ids,
              'and JSON Feed',
            )
            for (const i of rss.items) assert.ok(i.url?.startsWith(`http://${host}/`), i.url ?? '')
            return { ids, feedId: parseAtomFeed((await get(`${scope}/feed.atom`, host)).body).id }
          }),
        )
        assert.deepEqual(seen[1], seen[0], `${scope}: same ids on another mirror`)
        assert.deepEqual(seen[2], seen[0], `${scope}: same ids on the onion address`)
      }
    })

    it('names items under FEED_ID_AUTHORITY when the newsroom sets it', async () => {
      const named = await buildTestApp(dialect, {
        env: { FEED_ID_AUTHORITY: 'lantern.example,2026', SITE_NAME: 'Another Name' },
      })
      try {
        const nb = await seedBasics(named)
        const { id } = await named.content.createArticle(articleInput(nb))
        const json = (
          await named.http.inject({ url: '/feed.json', headers: { host: 'x.example' } })
        ).json()
        assert.deepEqual(
          json.items.map((i: { id: string }) => i.id),
          [`tag:lantern.example,2026:article/${id}`],
        )
      } finally {
        await named.close()
      }
    })

    it('escapes text where a format expects HTML and keeps it plain where it expects text', async () => {
      await app.content.createArticle(
        articleInput(b, {
          slug: 'hostile-dek',
          headline: 'Why <img src=x onerror=alert(1)>',
          standfirst: 'Why <img src=x onerror=alert(2)> &lt;b&gt; ]]>',
        }),
      )
      const rss = await get('/feed.xml')
      assert.equal(XMLValidator.validate(rss.body), true)
      const item = (((xml.parse(rss.body) as Node).rss as Node).channel as Node).item as Node[]
      const hostile = item.find((i) => text(i.link).endsWith('/hostile-dek'))!
      // RSS descriptions are HTML: the text arrives escaped once more, never as markup.
      assert.equal(
        text(hostile.description),
        'Why &lt;img src=x onerror=alert(2)&gt; &amp;lt;b&amp;gt; ]]&gt;',
      )
      assert.equal(text(hostile.title), 'Why <img src=x onerror=alert(1)>')
      const atom = parseAtomFeed((await get('/feed.atom')).body)
      const entry = atom.entries?.find((e) => e.links?.[0]?.href?.endsWith('/hostile-dek'))
      assert.deepEqual(entry?.title, { value: 'Why <img src=x onerror=alert(1)>', type: 'text' })
      const json = (await get('/feed.json')).json()
      const j = json.items.find((i: { url: string }) => i.url.endsWith('/hostile-dek'))
      assert.equal(j.title, 'Why <img src=x onerror=alert(1)>', 'JSON Feed titles are plain text')
    })

    it('lists a story without a byline in every format, still valid', async () => {
      // The soak found it (with the old feed library, /feed.json answered 500 for such a story).
      await app.content.createArticle(
        articleInput(b, { slug: 'no-byline', headline: 'A story nobody signed', credits: [] }),
      )
      const rss = await get('/feed.xml')
      assert.equal(rss.statusCode, 200)
      const items = (((xml.parse(rss.body) as Node).rss as Node).channel as Node).item as Node[]
      const item = items.find((i) => text(i.link).endsWith('/no-byline'))
      assert.ok(item, 'RSS lists the story')
      assert.equal(item['dc:creator'], undefined)
      assert.equal(item.author, undefined)
      // Atom: the entry names nobody; the feed's own author (the site) stands for it.
      const atom = (xml.parse((await get('/feed.atom')).body) as Node).feed as Node
      const entry = (atom.entry as Node[]).find((e) =>
        (e.link as Node[]).some((l) => String(l['@href']).endsWith('/no-byline')),
      )
      assert.ok(entry, 'Atom lists the story')
      assert.equal(entry.author, undefined)
      assert.ok(atom.author)
      const json = await get('/feed.json')
      assert.equal(json.statusCode, 200)
      const j = json.json().items.find((i: { url: string }) => i.url.endsWith('/no-byline'))
      assert.ok(j, 'JSON Feed lists the story')
      assert.equal(j.author, undefined)
      assert.equal(j.authors, undefined)
    })
  })
}
