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
} from '../../../test/support/import-fixtures.js'
import { buildTestApp } from '../../../test/support/test-app.js'
import { makeZip } from '../../../test/support/zip.js'
import { createMemoryTransport } from '../../email/index.js'
import { ImportError } from '../import-error.js'
import { importSubstack } from './import-substack.js'

const skip = fixturesSkip('substack')
const DIR = path.join(FIXTURES, 'substack')

/**
 * What the fixture holds, counted by reading it once (not by the importer): posts.csv has five
 * rows, one of type `page` (123405.about-us) and four others (123401 to 123404), of which
 * 123404 is not published; each has its posts/ID.html. No authors, tags or images. Sections:
 * `uncategorized` for the posts, `pages` for the page. Redirects: `/p/slug` for each published
 * row (401, 402, 403, 405). Subscribers: signup_emails.csv has 21 rows, subscriber_emails.csv
 * 17 (all of them also in the first), invalid.csv has no `email` column; of the 21 addresses
 * two are not addresses we can send to (ömil@, maïbes@: not ASCII) and two have
 * email_disabled=true, which leaves 17, each with its created_at.
 */
const WANT = { posts: 4, pages: 1, authors: 0, sections: 2, topics: 0, images: 0, redirects: 4 }
const SUBSCRIBERS = { read: 38, toWrite: 17, invalid: 2, disabled: 2 }

/** The fixture folder as Substack sends it: one zip, here inside a folder of its own. */
function zipOf(dir: string, prefix: string): Buffer {
  const names = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
  return makeZip(
    names
      .filter((n) => fs.statSync(path.join(dir, n)).isFile())
      .map((n) => ({
        name: prefix + n.split(path.sep).join('/'),
        data: fs.readFileSync(path.join(dir, n)),
      })),
  )
}

for (const dialect of testDialects) {
  describe(
    `${dialect}: masthead import substack`,
    { skip: skip || (await skipFor(dialect)) },
    () => {
      let temp: string
      before(() => {
        temp = fs.mkdtempSync(path.join(os.tmpdir(), 'substack-'))
      })
      after(() => fs.rmSync(temp, { recursive: true, force: true }))

      for (const form of ['folder', 'zip'] as const) {
        it(`imports the fixture as a ${form} with the counts it holds; dry run, second run and subscribers as they should be`, async () => {
          let where = DIR
          if (form === 'zip') {
            where = path.join(temp, 'export.zip')
            fs.writeFileSync(where, zipOf(DIR, 'substack-export/'))
          }
          const mail = createMemoryTransport()
          const app = await buildTestApp(dialect, { mail })
          try {
            const env = app.importEnv()
            const db = app.storage.db
            await app.newsletters.createNewsletter({
              slug: 'weekly',
              name: 'The Weekly',
              language: 'en',
            })
            const dry = await importSubstack(env, where, { dryRun: true, subscribers: true })
            assert.deepEqual(await countAll(db), [0, 0, 0, 0, 0, 0, 0], 'a dry run wrote')
            assert.equal(dry.subscribers?.toWrite, SUBSCRIBERS.toWrite)

            const r = await importSubstack(env, where)
            console.log(
              `# substack ${form}: ${r.items} items; imported ${r.imported.post} posts, ${r.imported.page} pages, ${r.imported.section} sections; ${r.redirects.made} redirects; ${r.skipped.length} skipped`,
            )
            assert.equal(r.imported.post, WANT.posts)
            assert.equal(r.imported.page, WANT.pages)
            assert.equal(await countRows(db, 'article'), WANT.posts + WANT.pages)
            assert.equal(await countRows(db, 'author'), WANT.authors)
            assert.equal(await countRows(db, 'section'), WANT.sections)
            assert.equal(await countRows(db, 'topic'), WANT.topics)
            assert.equal(await countRows(db, 'image'), WANT.images)
            assert.equal(await countRows(db, 'redirect'), WANT.redirects)
            assert.equal(
              await countRows(db, 'subscription'),
              0,
              'no subscribers without --subscribers',
            )
            assert.deepEqual(dry.imported, r.imported)
            assert.deepEqual(r.shortcodes, { 'substack button': 5 })

            const res = await app.http.inject({
              url: '/p/plain-text',
              headers: { host: 'example.org' },
            })
            assert.equal(res.statusCode, 301)
            const page = await app.http.inject({
              url: String(res.headers.location),
              headers: { host: 'example.org' },
            })
            assert.equal(page.statusCode, 200)
            assert.doesNotMatch(page.body, /Sign up now/)
            const first = await app.repo.findArticleBySlug('plain-text')
            assert.equal(first?.standfirst, '“This quote’s rather short”')
            assert.equal(first?.publishedAt?.toISOString(), '2019-07-26T20:48:19.814Z')
            assert.equal((await app.repo.findArticleBySlug('draft-text'))?.status, 'draft')
            assert.match(
              (await app.repo.findArticleBySlug('podcast'))?.body ?? '',
              /href="https:\/\/example.com\/my-audio\/file.mp3"/,
            )

            const s = await importSubstack(env, where, { subscribers: true })
            assert.equal(s.subscribers?.read, SUBSCRIBERS.read)
            assert.equal(s.subscribers?.added, SUBSCRIBERS.toWrite)
            assert.deepEqual(s.subscribers?.leftOut, {
              'not an email address we can send to': SUBSCRIBERS.invalid,
              'not taking emails in the export': SUBSCRIBERS.disabled,
            })
            assert.ok(s.notes.some((n) => /invalid\.csv: no "email" column/.test(n)))
            const rows = await db
              .selectFrom('subscription')
              .select(['status', 'consent_at'])
              .execute()
            assert.equal(rows.length, SUBSCRIBERS.toWrite)
            assert.ok(
              rows.every(
                (x) => x.status === 'confirmed' && Number(x.consent_at) < Date.parse('2021-01-01'),
              ),
            )
            assert.equal(mail.sent.length, 0, 'nobody was emailed')

            const before = await countAll(db)
            const again = await importSubstack(env, where, { subscribers: true })
            const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0)
            assert.equal(sum(again.imported), 0, 'a second run imports nothing')
            assert.equal(sum(again.updated), 0, 'a second run updates nothing')
            assert.equal(again.subscribers?.added, 0)
            assert.deepEqual(await countAll(db), before)
          } finally {
            await app.close()
          }
        })
      }

      it('refuses zip-slip names, a broken zip, an export without posts.csv and a broken CSV, writing nothing', async () => {
        const app = await buildTestApp(dialect)
        try {
          const env = app.importEnv()
          const posts =
            'post_id,post_date,is_published,type,audience,title,subtitle\n1.a,2020-01-01T00:00:00Z,true,newsletter,everyone,A,\n'
          const cases: [string, Buffer, string][] = [
            [
              'slip.zip',
              makeZip([
                { name: 'posts.csv', data: posts },
                { name: '../evil.html', data: 'x' },
              ]),
              'IMPORT_ZIP_UNSAFE',
            ],
            [
              'abs.zip',
              makeZip([
                { name: 'posts.csv', data: posts },
                { name: '/etc/evil', data: 'x' },
              ]),
              'IMPORT_ZIP_UNSAFE',
            ],
            [
              'deep.zip',
              makeZip([{ name: 'a/../../posts.csv', data: posts }]),
              'IMPORT_ZIP_UNSAFE',
            ],
            ['not.zip', Buffer.from('PK not really a zip at all'), 'IMPORT_ZIP_INVALID'],
            ['empty.zip', makeZip([{ name: 'readme.txt', data: 'hi' }]), 'IMPORT_NOT_SUBSTACK'],
            [
              'nocol.zip',
              makeZip([{ name: 'posts.csv', data: 'id,name\n1,x\n' }]),
              'IMPORT_NOT_SUBSTACK',
            ],
            [
              'quote.zip',
              makeZip([{ name: 'posts.csv', data: 'post_id,title,is_published\n"1.a,A,true\n' }]),
              'IMPORT_CSV_INVALID',
            ],
          ]
          for (const [name, bytes, code] of cases) {
            const f = path.join(temp, name)
            fs.writeFileSync(f, bytes)
            await assert.rejects(importSubstack(env, f), (e: unknown) => {
              assert.ok(e instanceof ImportError, `${name}: ${String(e)}`)
              assert.equal(e.code, code, `${name}: ${e.message}`)
              return true
            })
          }
          assert.ok(!fs.existsSync(path.join(temp, '..', 'evil.html')))
          await assert.rejects(
            importSubstack(env, path.join(temp, 'missing')),
            (e: unknown) => e instanceof ImportError && e.code === 'IMPORT_FILE_UNREADABLE',
          )
          assert.deepEqual(await countAll(app.storage.db), [0, 0, 0, 0, 0, 0, 0])
        } finally {
          await app.close()
        }
      })
    },
  )
}
