import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import {
  FIXTURES,
  countAll,
  countRows,
  fixturesSkip,
  mediaFolder,
  smallJpeg,
} from '../../../test/support/import-fixtures.js'
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js'
import { topicPath } from '../../content/article.js'
import { createMemoryTransport } from '../../email/index.js'
import { ImportError } from '../import-error.js'
import { importGhost } from './import-ghost.js'

const skip = fixturesSkip('ghost')
const DIR = path.join(FIXTURES, 'ghost')

/**
 * What each fixture holds, counted by reading it once (not by the importer):
 * - posts/pages: entries of data.posts by `type` (all published and public);
 * - authors: data.users; topics: data.tags (none is internal, none starts with #);
 * - sections: each post's first tag in posts_tags, plus `uncategorized` when a post has none;
 * - images: distinct feature_image URLs plus <img> in html plus lexical image nodes;
 * - redirects: `/slug/` per published post, `/tag/slug/` per tag.
 */
const EXPECTED: Record<string, Record<string, number>> = {
  // One newsletter post with html (and mobiledoc), no tags, no users, no images.
  'ghost-core-products_export.json': {
    posts: 1,
    pages: 0,
    authors: 0,
    sections: 1,
    topics: 0,
    images: 0,
    redirects: 1,
  },
  // One post: a feature image and one <img> in its html; no users, no tags.
  'migrate-assetscraper-ghost-flat.json': {
    posts: 1,
    pages: 0,
    authors: 0,
    sections: 1,
    topics: 0,
    images: 2,
    redirects: 1,
  },
  // Three posts (the third lexical only, with one image node), two users, two tags each the
  // primary tag of one post (the third has none); feature-1, photo-1, feature-2, inline-2 and
  // the lexical image; og/twitter images are not taken.
  'migrate-assetscraper-ghost.json': {
    posts: 3,
    pages: 0,
    authors: 2,
    sections: 3,
    topics: 2,
    images: 5,
    redirects: 5,
  },
}
/** Every image path the fixtures name, as it sits in a copy of the old site's media. */
const IMAGES = [
  'feature-1.jpg',
  'photo-1.jpg',
  'feature-2.jpg',
  'inline-2.png',
  'lexical-image.jpg',
  'flat-feature.jpg',
  'flat-post.jpg',
].map((f) => `images/${f}`)

const files = skip
  ? []
  : fs
      .readdirSync(DIR)
      .filter((f) => f.endsWith('.json'))
      .sort()

/** An export of our own, for what the fixtures lack: members, visibility, lexical, mobiledoc. */
function ownExport(dir: string): string {
  const mobiledoc = JSON.stringify({
    version: '0.3.1',
    markups: [['strong'], ['a', ['href', 'https://example.org/x']]],
    atoms: [['soft-return', '', {}]],
    cards: [
      ['image', { src: '/content/images/2020/01/m.jpg', alt: 'M', caption: 'Cap' }],
      ['unknown-card', {}],
    ],
    sections: [
      [1, 'h2', [[0, [], 0, 'Head']]],
      [
        1,
        'p',
        [
          [0, [0], 1, 'bold'],
          [1, [], 0, 0],
          [0, [1], 1, 'link'],
        ],
      ],
      [10, 0],
      [10, 1],
      [3, 'ul', [[[0, [], 0, 'one']]]],
    ],
  })
  const file = path.join(dir, 'own.json')
  fs.writeFileSync(
    file,
    JSON.stringify({
      db: [
        {
          meta: { version: '5.0.0' },
          data: {
            posts: [
              {
                id: 'a1',
                title: 'Mobiledoc <b>',
                slug: 'mobile',
                html: null,
                mobiledoc,
                type: 'post',
                status: 'published',
                visibility: 'public',
                published_at: '2021-01-01T00:00:00.000Z',
                custom_excerpt: 'The &amp; standfirst',
                feature_image: '__GHOST_URL__/content/images/2020/01/f.jpg',
              },
              {
                id: 'a2',
                title: 'For members',
                slug: 'members-story',
                html: '<p>Paid words</p>',
                type: 'post',
                status: 'published',
                visibility: 'paid',
                published_at: '2021-01-02T00:00:00.000Z',
              },
              {
                id: 'a3',
                title: 'About',
                slug: 'about',
                html: '<p>Us</p>',
                type: 'page',
                status: 'published',
                visibility: 'public',
                published_at: '2021-01-02T00:00:00.000Z',
              },
              {
                id: 'a4',
                title: 'Broken',
                slug: 'broken',
                html: '',
                lexical: '{not json',
                type: 'post',
                status: 'draft',
              },
            ],
            users: [
              { id: 'u1', name: 'Ana', slug: 'ana' },
              { id: 'u2', name: 'Ben', slug: 'ben' },
            ],
            tags: [
              { id: 't1', name: '#hidden', slug: 'hash-hidden', visibility: 'internal' },
              { id: 't2', name: 'World', slug: 'world' },
            ],
            posts_tags: [
              { post_id: 'a1', tag_id: 't1', sort_order: 0 },
              { post_id: 'a1', tag_id: 't2', sort_order: 1 },
            ],
            posts_authors: [
              { post_id: 'a1', author_id: 'u2', sort_order: 1 },
              { post_id: 'a1', author_id: 'u1', sort_order: 0 },
            ],
            posts_meta: [
              { post_id: 'a1', feature_image_alt: 'F alt', feature_image_caption: '<b>F</b> cap' },
            ],
            members: [
              {
                id: 'm1',
                email: 'one@example.org',
                subscribed: true,
                created_at: '2020-01-01T00:00:00.000Z',
              },
              {
                id: 'm2',
                email: 'two@example.org',
                subscribed: false,
                created_at: '2020-01-01T00:00:00.000Z',
              },
              { id: 'm3', email: 'three@example.org', created_at: '2020-02-01T00:00:00.000Z' },
              { id: 'm4', email: 'not an address', subscribed: true },
            ],
            members_newsletters: [{ member_id: 'm3', newsletter_id: 'n1' }],
          },
        },
      ],
    }),
  )
  return file
}

for (const dialect of testDialects) {
  describe(`${dialect}: masthead import ghost`, { skip: skip || (await skipFor(dialect)) }, () => {
    let jpeg: Buffer
    let media: string
    let temp: string
    before(async () => {
      jpeg = await smallJpeg()
      media = mediaFolder([...IMAGES, '2020/01/m.jpg', '2020/01/f.jpg'], jpeg)
      temp = fs.mkdtempSync(path.join(os.tmpdir(), 'ghost-'))
    })
    after(() => {
      fs.rmSync(media, { recursive: true, force: true })
      fs.rmSync(temp, { recursive: true, force: true })
    })

    for (const file of files) {
      it(`imports ${file} with the counts it holds; a dry run writes nothing; a second run changes nothing`, async () => {
        const want = EXPECTED[file]
        assert.ok(want, `no expected counts written for ${file}`)
        const app: TestApp = await buildTestApp(dialect)
        try {
          const env = app.importEnv()
          const db = app.storage.db
          const dry = await importGhost(env, path.join(DIR, file), {
            dryRun: true,
            mediaFrom: media,
          })
          assert.deepEqual(await countAll(db), [0, 0, 0, 0, 0, 0, 0], 'a dry run wrote')
          const r = await importGhost(env, path.join(DIR, file), { mediaFrom: media })
          console.log(
            `# ${file}: ${r.items} items; imported ${r.imported.post} posts, ${r.imported.page} pages, ${r.imported.author} authors, ${r.imported.section} sections, ${r.imported.topic} topics, ${r.imported.image} images; ${r.redirects.made} redirects; ${r.skipped.length} skipped`,
          )
          assert.equal(r.imported.post, want.posts, 'posts')
          assert.equal(r.imported.page, want.pages, 'pages')
          assert.equal(await countRows(db, 'article'), want.posts! + want.pages!, 'articles')
          assert.equal(await countRows(db, 'author'), want.authors, 'authors')
          assert.equal(await countRows(db, 'section'), want.sections, 'sections')
          assert.equal(await countRows(db, 'topic'), want.topics, 'topics')
          assert.equal(await countRows(db, 'image'), want.images, 'images')
          assert.equal(await countRows(db, 'redirect'), want.redirects, 'redirects')
          assert.deepEqual(r.images.missing, [])
          assert.deepEqual(dry.imported, r.imported, 'the dry run said what the run did')
          assert.equal(dry.redirects.made, r.redirects.made)

          const res = await app.http.inject({ url: '/post-1/', headers: { host: 'example.org' } })
          if (file === 'migrate-assetscraper-ghost.json') {
            assert.equal(res.statusCode, 301)
            const page = await app.http.inject({
              url: String(res.headers.location),
              headers: { host: 'example.org' },
            })
            assert.equal(page.statusCode, 200)
            assert.match(page.body, /Alice Johnson/)
            const tag = await app.http.inject({
              url: '/tag/news/',
              headers: { host: 'example.org' },
            })
            assert.equal(tag.statusCode, 301)
            assert.equal(tag.headers.location, topicPath('news'))
          }

          const before = await countAll(db)
          const again = await importGhost(env, path.join(DIR, file), { mediaFrom: media })
          const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0)
          assert.equal(sum(again.imported), 0, 'a second run imports nothing')
          assert.equal(sum(again.updated), 0, 'a second run updates nothing')
          assert.equal(again.redirects.made + again.redirects.updated, 0)
          assert.deepEqual(await countAll(db), before)
        } finally {
          await app.close()
        }
      })
    }

    it('renders mobiledoc, keeps members-only posts as drafts, skips what it cannot read, and takes subscribers only when asked', async () => {
      const file = ownExport(temp)
      const mail = createMemoryTransport()
      const app = await buildTestApp(dialect, { mail })
      try {
        const env = app.importEnv()
        const db = app.storage.db
        const r = await importGhost(env, file, { mediaFrom: media })
        assert.equal(r.subscribers, null)
        assert.equal(await countRows(db, 'subscription'), 0, 'no subscribers without --subscribers')
        assert.deepEqual(r.skipped.map((s) => s.reason).sort(), [
          'internal tag',
          'no html, and its lexical or mobiledoc is not JSON we can read',
        ])
        assert.equal(r.notes.length, 1)
        assert.match(r.notes[0]!, /paid only on Ghost; imported as a draft/)
        assert.deepEqual(r.shortcodes, { 'ghost card unknown-card': 1 })
        const a = await app.repo.findArticleBySlug('mobile')
        assert.ok(a)
        assert.equal(a.status, 'published')
        assert.equal(a.standfirst, 'The & standfirst')
        assert.match(a.body, /<h2>Head<\/h2>/)
        assert.match(a.body, /<strong>bold<\/strong><br \/?>/)
        assert.match(a.body, /<a href="https:\/\/example.org\/x"[^>]*>link<\/a>/)
        assert.match(a.body, /<figure data-image-id="\d+"><\/figure>/)
        assert.match(a.body, /<ul><li>one<\/li><\/ul>/)
        assert.deepEqual(
          a.credits.map((c) => (c.kind === 'author' ? c.author.slug : c.kind)),
          ['ana', 'ben'],
        )
        assert.equal(a.section.slug, 'world', 'the primary public tag is the section')
        assert.equal(a.leadImage?.alt, 'F alt')
        assert.equal(a.leadImage?.caption, 'F cap')
        assert.equal((await app.repo.findArticleBySlug('members-story'))?.status, 'draft')
        assert.equal(await countRows(db, 'topic'), 1, 'the internal tag is no topic')

        await assert.rejects(
          importGhost(env, file, { subscribers: true }),
          (e: unknown) => e instanceof ImportError && e.code === 'IMPORT_NEWSLETTER_REQUIRED',
        )
        await app.newsletters.createNewsletter({
          slug: 'weekly',
          name: 'The Weekly',
          language: 'en',
        })
        const dry = await importGhost(env, file, { subscribers: true, dryRun: true })
        assert.equal(dry.subscribers?.toWrite, 2)
        assert.equal(await countRows(db, 'subscription'), 0, 'a dry run writes no subscriber')
        const s = await importGhost(env, file, { subscribers: true })
        assert.deepEqual(
          { ...s.subscribers, leftOut: undefined },
          {
            read: 4,
            toWrite: 2,
            added: 2,
            updated: 0,
            unchanged: 0,
            suppressed: 0,
            leftOut: undefined,
          },
        )
        assert.deepEqual(s.subscribers?.leftOut, {
          'not an email address we can send to': 1,
          'not taking emails in the export': 1,
        })
        const rows = await db
          .selectFrom('subscription')
          .select(['status', 'consent_at'])
          .orderBy('consent_at')
          .execute()
        assert.deepEqual(
          rows.map((x) => [x.status, Number(x.consent_at)]),
          [
            ['confirmed', Date.parse('2020-01-01T00:00:00.000Z')],
            ['confirmed', Date.parse('2020-02-01T00:00:00.000Z')],
          ],
        )
        assert.equal(mail.sent.length, 0, 'nobody was emailed')
        const again = await importGhost(env, file, { subscribers: true })
        assert.equal(again.subscribers?.added, 0)
        assert.equal(again.subscribers?.unchanged, 2)
      } finally {
        await app.close()
      }
    })

    it('refuses a file that is not JSON or not a Ghost export with a code, writing nothing', async () => {
      const app = await buildTestApp(dialect)
      try {
        const env = app.importEnv()
        const cases: [string, string][] = [
          ['{"db": [{"data": {"posts": [ {"id": "x",\n  "title": }', 'IMPORT_NOT_JSON'],
          ['{"db": [{"data": {"pages": []}}]}', 'IMPORT_NOT_GHOST'],
          ['{"data": {"posts": [], "tags": "nope"}}', 'IMPORT_NOT_GHOST'],
          ['[1, 2, 3]', 'IMPORT_NOT_GHOST'],
          ['', 'IMPORT_NOT_JSON'],
        ]
        for (const [text, code] of cases) {
          const f = path.join(temp, 'bad.json')
          fs.writeFileSync(f, text)
          await assert.rejects(importGhost(env, f), (e: unknown) => {
            assert.ok(e instanceof ImportError, String(e))
            assert.equal(e.code, code, e.message)
            return true
          })
        }
        await assert.rejects(
          importGhost(env, temp),
          (e: unknown) => e instanceof ImportError && e.code === 'IMPORT_FILE_UNREADABLE',
        )
        assert.deepEqual(await countAll(app.storage.db), [0, 0, 0, 0, 0, 0, 0])
      } finally {
        await app.close()
      }
    })
  })
}
