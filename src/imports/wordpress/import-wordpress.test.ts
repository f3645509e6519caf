import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import sharp from 'sharp'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js'
import { importWordpress } from './import-wordpress.js'

/** The WordPress fixtures, read where they are at test time (never copied into the project). */
const DIR = new URL('../../../../shared/fixtures/imports/wordpress/', import.meta.url).pathname
const files = fs.existsSync(DIR)
  ? fs
      .readdirSync(DIR, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.xml'))
      .sort()
  : []
const skipFixtures = files.length ? false : `WordPress fixtures not found at ${DIR}`
if (skipFixtures) console.log(`# skipping: ${skipFixtures}`)

/** The text of `<tag>` in a piece of WXR, CDATA or not. */
const textOf = (xml: string, tag: string) =>
  new RegExp(`<${tag}>(?:<!\\[CDATA\\[)?([\\s\\S]*?)(?:\\]\\]>)?</${tag}>`)
    .exec(xml)?.[1]
    ?.trim() ?? ''
/** A slug as a person would write it: ASCII ones lowercased with hyphens; others as they are. */
const decode = (s: string) => {
  let v = s
  try {
    v = decodeURIComponent(s)
  } catch {
    // kept as written
  }
  v = v.toLowerCase()
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(v) ? v.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') : v
}
/** Where an image URL's file sits in a copy of wp-content/uploads (or WordPress.com's YYYY/MM). */
const uploadPath = (url: string) =>
  (/\/wp-content\/uploads\/([^?#]+)/.exec(url) ??
    /^https?:\/\/[^/]+\/(\d{4}\/\d{2}\/[^?#]+)/.exec(url))?.[1]

/** What a file holds, counted from its text alone: not by the importer. */
function expected(xml: string) {
  const items = xml
    .split('<item>')
    .slice(1)
    .map((s) => s.split('</item>')[0]!)
  const kept = (i: string, type: string) =>
    textOf(i, 'wp:post_type') === type && textOf(i, 'wp:status') !== 'trash'
  const posts = items.filter((i) => kept(i, 'post'))
  const pages = items.filter((i) => kept(i, 'page'))
  const cats = new Set<string>()
  const tags = new Set<string>()
  for (const m of xml.matchAll(/<wp:category_nicename>(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?</g))
    cats.add(decode(m[1]!))
  for (const m of xml.matchAll(/<wp:tag_slug>(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?</g))
    tags.add(decode(m[1]!))
  for (const p of posts) {
    const used = [...p.matchAll(/<category domain="category" nicename="([^"]*)"/g)]
    if (used.length === 0) cats.add('uncategorized')
    else cats.add(decode(used[0]![1]!))
    for (const m of p.matchAll(/<category domain="post_tag" nicename="([^"]*)"/g))
      tags.add(decode(m[1]!))
  }
  if (pages.length) cats.add('pages')
  const attachmentFiles = new Set(
    items
      .filter((i) => textOf(i, 'wp:post_type') === 'attachment')
      .flatMap((i) => uploadPath(textOf(i, 'wp:attachment_url').replace(/&amp;/g, '&')) ?? []),
  )
  return {
    posts: posts.length,
    pages: pages.length,
    published: [...posts, ...pages].filter((i) =>
      ['publish', 'future'].includes(textOf(i, 'wp:status')),
    ),
    authors: (xml.match(/<wp:author>/g) ?? []).length,
    sections: cats.size,
    topics: tags.size,
    images: attachmentFiles.size,
    attachmentFiles,
    comments: (xml.match(/<wp:comment>/g) ?? []).length,
  }
}

for (const dialect of testDialects) {
  describe(
    `${dialect}: masthead import wordpress`,
    { skip: skipFixtures || (await skipFor(dialect)) },
    () => {
      let jpeg: Buffer
      const temp: string[] = []
      before(async () => {
        jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#7a8' } })
          .jpeg()
          .toBuffer()
      })
      after(() => {
        for (const t of temp) fs.rmSync(t, { recursive: true, force: true })
      })

      for (const file of files) {
        it(`imports ${file} once, with the counts the file holds, and a second run changes nothing`, async () => {
          const xml = fs.readFileSync(path.join(DIR, file), 'utf8')
          const want = expected(xml)
          // A copy of the old uploads folder holding every attachment's file.
          const uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'wp-uploads-'))
          temp.push(uploads)
          for (const rel of want.attachmentFiles) {
            const to = path.join(uploads, decodeURIComponent(rel))
            fs.mkdirSync(path.dirname(to), { recursive: true })
            fs.writeFileSync(to, jpeg)
          }
          const app: TestApp = await buildTestApp(dialect)
          try {
            const env = app.importEnv()
            const count = async (
              table: 'article' | 'author' | 'section' | 'topic' | 'image' | 'redirect',
            ) =>
              Number(
                (
                  await app.storage.db
                    .selectFrom(table)
                    .select((eb) => eb.fn.countAll<string>().as('n'))
                    .executeTakeFirstOrThrow()
                ).n,
              )

            const dry = await importWordpress(env, path.join(DIR, file), {
              dryRun: true,
              mediaFrom: uploads,
            })
            for (const t of ['article', 'author', 'section', 'topic', 'image', 'redirect'] as const)
              assert.equal(await count(t), 0, `dry run wrote to ${t}`)

            const r = await importWordpress(env, path.join(DIR, file), { mediaFrom: uploads })
            const pageSection = await app.repo.findSectionBySlug('pages')
            const pagesStored = pageSection
              ? Number(
                  (
                    await app.storage.db
                      .selectFrom('article')
                      .select((eb) => eb.fn.countAll<string>().as('n'))
                      .where('section_id', '=', pageSection.id)
                      .executeTakeFirstOrThrow()
                  ).n,
                )
              : 0
            console.log(
              `# ${file}: ${r.items} items; imported ${r.imported.post} posts, ${r.imported.page} pages, ${r.imported.author} authors, ${r.imported.section} sections, ${r.imported.topic} topics, ${r.imported.image} images; ${r.redirects.made} redirects; ${r.skipped.length} skipped; ${r.warnings.length} read past`,
            )
            assert.equal(pagesStored, want.pages, 'pages')
            assert.equal((await count('article')) - pagesStored, want.posts, 'posts')
            assert.equal(await count('author'), want.authors, 'authors')
            assert.equal(await count('section'), want.sections, 'sections')
            assert.equal(await count('topic'), want.topics, 'topics')
            assert.equal(await count('image'), want.images, 'images')
            assert.equal(await count('redirect'), r.redirects.made, 'redirects')
            assert.equal(r.comments, want.comments, 'comments counted')
            // The dry run said what the import then did.
            assert.deepEqual(dry.imported, r.imported)
            assert.equal(dry.redirects.made, r.redirects.made)

            // Every published post's old number answers 301 with its new address.
            for (const item of want.published) {
              const id = textOf(item, 'wp:post_id')
              const from = textOf(item, 'wp:post_type') === 'page' ? `/?page_id=${id}` : `/?p=${id}`
              const res = await app.http.inject({
                method: 'GET',
                url: from,
                headers: { host: 'example.org' },
              })
              assert.equal(res.statusCode, 301, from)
              const page = await app.http.inject({
                method: 'GET',
                url: String(res.headers.location),
                headers: { host: 'example.org' },
              })
              assert.ok(
                [200].includes(page.statusCode) || textOf(item, 'wp:status') === 'future',
                `${from} -> ${res.headers.location}: ${page.statusCode}`,
              )
            }

            const before = await Promise.all(
              (['article', 'author', 'section', 'topic', 'image', 'redirect'] as const).map(count),
            )
            const again = await importWordpress(env, path.join(DIR, file), { mediaFrom: uploads })
            const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0)
            assert.equal(sum(again.imported), 0, 'a second run imports nothing')
            assert.equal(sum(again.updated), 0, 'a second run updates nothing')
            assert.equal(again.redirects.made + again.redirects.updated, 0)
            assert.deepEqual(
              await Promise.all(
                (['article', 'author', 'section', 'topic', 'image', 'redirect'] as const).map(
                  count,
                ),
              ),
              before,
            )
          } finally {
            await app.close()
          }
        })
      }
    },
  )
}
