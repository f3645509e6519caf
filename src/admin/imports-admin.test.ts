import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { buildApp, type App } from '../app.js'
import { loadConfig } from '../config.js'
import { createMemoryTransport } from '../email/index.js'
import type { ImportRunView } from '../imports/import-runs.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { adminClient } from '../../test/support/admin-client.js'
import { FIXTURES, fixturesSkip } from '../../test/support/import-fixtures.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

const PASSWORD = 'correct horse battery staple'

/**
 * A small WordPress export of `n` posts, written here so its counts are known. Its post ids
 * start at 100,001: keys are per source, and the theme unit test data uses small ones.
 */
function wxr(n: number): Buffer {
  const items = Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(2015, 0, 1) + i * 3_600_000).toISOString().slice(0, 19)
    const date = d.replace('T', ' ')
    return `<item><title>Story ${i + 1}</title><link>https://old.example/?p=${i + 1}</link>
<dc:creator>writer</dc:creator><content:encoded><![CDATA[<p>Body of story ${i + 1}, with a few words.</p>]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>${100_001 + i}</wp:post_id><wp:post_date>${date}</wp:post_date>
<wp:post_date_gmt>${date}</wp:post_date_gmt><wp:post_name>story-${i + 1}</wp:post_name><wp:status>publish</wp:status>
<wp:post_type>post</wp:post_type><category domain="category" nicename="news">News</category></item>`
  })
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<rss xmlns:excerpt="e" xmlns:content="c" xmlns:dc="d" xmlns:wp="w"><channel><title>Old</title>
<wp:author><wp:author_login>writer</wp:author_login><wp:author_display_name>A Writer</wp:author_display_name></wp:author>
${items.join('\n')}
</channel></rss>`)
}

for (const dialect of testDialects) {
  describe(`${dialect}: imports in the admin`, { skip: await skipFor(dialect) }, () => {
    let app: TestApp
    let current: Pick<App, 'http' | 'staff'>
    const client = adminClient(() => current, PASSWORD)
    const folder = () => path.join(app.mediaDir, 'imports')
    const leftovers = () => (fs.existsSync(folder()) ? fs.readdirSync(folder()) : [])
    /** The run's row is written before its file is deleted: give the delete a moment. */
    const goneSoon = async () => {
      for (let i = 0; i < 40 && leftovers().length; i++)
        await new Promise((ok) => setTimeout(ok, 25))
      return leftovers()
    }
    const runs = async () =>
      Number(
        (
          await app.storage.db
            .selectFrom('import_run')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    const upload = async (
      who: string,
      source: string,
      filename: string,
      bytes: Buffer,
      more: Record<string, string> = {},
    ) =>
      client.req(who, 'POST', '/admin/imports', {
        upload: {
          filename,
          bytes,
          fields: { _csrf: await client.csrf(who, '/admin/imports'), source, ...more },
        },
      })
    /**
     * Waits for `done`. A run that is still reading items is never given up on: on a busy
     * machine 2,000 posts may take minutes. Only `stall` without a new item (or a new state)
     * fails the test.
     */
    const waitFor = async (
      id: number,
      done: (r: ImportRunView) => boolean,
      stall = 60_000,
    ): Promise<ImportRunView> => {
      let seen = ''
      let movedAt = Date.now()
      for (;;) {
        const r = (await app.importRuns.find(id))!
        if (done(r)) return r
        const now = `${r.state} ${r.report?.items ?? 0}`
        if (now !== seen) {
          seen = now
          movedAt = Date.now()
        }
        assert.ok(Date.now() - movedAt < stall, `import ${id} still ${r.state}, stuck at ${seen}`)
        await new Promise((ok) => setTimeout(ok, 50))
      }
    }
    const idOf = (location: unknown) =>
      Number(/\/admin\/imports\/(\d+)$/.exec(String(location))![1])

    before(async () => {
      app = await buildTestApp(dialect, { env: { IMPORT_UPLOAD_MAX_MB: '2' }, jobPollMs: 50 })
      current = app
      await client.signIn('own', 'owner')
      await client.signIn('ed', 'editor')
      await app.startWorker()
    })
    after(() => app?.close())

    it('is for owners and admins: an editor is refused and nothing is kept', async () => {
      const res = await upload('ed', 'wordpress', 'x.xml', wxr(2))
      assert.equal(res.statusCode, 403)
      assert.equal((await client.req('ed', 'GET', '/admin/imports')).statusCode, 403)
      assert.equal(await runs(), 0)
      assert.deepEqual(leftovers(), [])
    })

    it('refuses a form without its CSRF token, keeping nothing', async () => {
      const res = await client.req('own', 'POST', '/admin/imports', {
        upload: { filename: 'x.xml', bytes: wxr(2), fields: { source: 'wordpress' } },
      })
      assert.equal(res.statusCode, 403)
      assert.match(res.body, /CSRF_FAILED/)
      assert.equal(await runs(), 0)
      assert.deepEqual(leftovers(), [])
    })

    it('refuses the wrong kind of file and one too large, with their codes', async () => {
      const wrong = await upload('own', 'ghost', 'export.xml', wxr(2))
      assert.equal(wrong.statusCode, 415)
      assert.match(wrong.body, /not a Ghost export \(\.json\).*IMPORT_WRONG_TYPE/)
      const zip = await upload('own', 'substack', 'export.zip', Buffer.from('{"db": []}'))
      assert.equal(zip.statusCode, 415)
      assert.match(zip.body, /IMPORT_WRONG_TYPE/)
      const big = await upload('own', 'wordpress', 'big.xml', Buffer.alloc(2.5 * 1024 * 1024, 32))
      assert.equal(big.statusCode, 413)
      assert.match(big.body, /larger than 2 MB.*IMPORT_UPLOAD_TOO_LARGE/)
      const none = await upload('own', 'wordpress', 'empty.xml', Buffer.alloc(0))
      assert.equal(none.statusCode, 422)
      assert.match(none.body, /IMPORT_UPLOAD_MISSING/)
      assert.equal(await runs(), 0)
      assert.deepEqual(leftovers(), [])
      assert.equal(
        Number(
          (
            await app.storage.db
              .selectFrom('article')
              .select((eb) => eb.fn.countAll<string>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
        0,
      )
    })

    it(
      'uploads an export, runs it as a job and shows the report',
      { skip: fixturesSkip('wordpress') },
      async () => {
        const file = path.join(FIXTURES, 'wordpress/themeunittestdata.wordpress.xml')
        const res = await upload('own', 'wordpress', 'theme.xml', fs.readFileSync(file))
        assert.equal(res.statusCode, 303)
        const id = idOf(res.headers.location)
        const early = await client.req('own', 'GET', `/admin/imports/${id}`)
        // Queued or running, the page reloads itself; done, it does not.
        const live = /<strong>(Waiting for the worker|Running)<\/strong>/.test(early.body)
        assert.equal(/<meta http-equiv="refresh" content="5"/.test(early.body), live)
        const run = await waitFor(id, (r) => r.state === 'done' || r.state === 'failed')
        assert.equal(run.state, 'done', run.error ?? '')
        assert.equal(run.storedFile, '')
        assert.deepEqual(await goneSoon(), [], 'the upload is gone once the run ended')
        const r = run.report!
        assert.ok(r.imported.post > 0 && r.redirects.made > 0)
        const articles = await app.storage.db.selectFrom('article').select('id').execute()
        assert.equal(articles.length, r.imported.post + r.imported.page)
        const page = await client.req('own', 'GET', `/admin/imports/${id}`)
        assert.equal(page.statusCode, 200)
        assert.doesNotMatch(page.body, /http-equiv="refresh"/)
        assert.match(page.body, new RegExp(`Imported</dt><dd>${r.imported.post} posts`))
        assert.match(page.body, /Skipped, and why/)
        const list = await client.req('own', 'GET', '/admin/imports')
        assert.match(list.body, /theme\.xml/)
        assert.match(list.body, /Done/)
        const audit = await app.storage.db
          .selectFrom('audit_entry')
          .selectAll()
          .where('action', '=', 'import.start')
          .execute()
        assert.equal(audit.length, 1)
        assert.equal(audit[0]!.subject, `import:${id}`)
      },
    )

    it('finishes an import cut off by a stopped worker in another worker, without duplicates', async () => {
      // The first app stops its worker (and queue) halfway; a second app on the same database
      // and media folder takes the run again, as a restarted `masthead worker` would.
      // Long enough that a fast machine is still writing when it hears its first progress.
      const posts = 2000
      const res = await upload('own', 'wordpress', 'long.xml', wxr(posts))
      const id = idOf(res.headers.location)
      const before = await app.storage.db.selectFrom('article').select('id').execute()
      const mid = await waitFor(id, (r) => (r.report?.items ?? 0) > 0 || r.state === 'done')
      assert.equal(mid.state, 'running', 'the run was still going when its worker stopped')
      const progress = await client.req('own', 'GET', `/admin/imports/${id}`)
      assert.match(progress.body, /<meta http-equiv="refresh" content="5"/)
      assert.match(progress.body, /<strong>Running<\/strong>/)
      assert.match(progress.body, /Items read<\/dt><dd>\d+<\/dd>/)
      await app.http.close()
      const stopped = (await app.importRuns.find(id))!
      assert.equal(stopped.state, 'queued')
      const written = (await app.storage.db.selectFrom('article').select('id').execute()).length
      assert.ok(written > before.length && written < before.length + posts, `${written} written`)
      const config = loadConfig({ MEDIA_DIR: app.mediaDir, LOG_LEVEL: 'silent' })
      const second = await buildApp({
        config,
        storage: app.storage,
        logger: false,
        mail: createMemoryTransport(),
        jobPollMs: 50,
      })
      try {
        await second.http.ready()
        await second.startWorker()
        const run = await waitFor(id, (r) => r.state === 'done' || r.state === 'failed')
        assert.equal(run.state, 'done', run.error ?? '')
        assert.equal(run.attempts, 2)
        const r = run.report!
        assert.equal(r.imported.post + r.unchanged.post, posts)
        assert.ok(r.unchanged.post > 0, 'what the first worker wrote came out unchanged')
        const slugs = await app.storage.db
          .selectFrom('article')
          .select('slug')
          .where('slug', 'like', 'story-%')
          .execute()
        assert.equal(slugs.length, posts)
        assert.equal(new Set(slugs.map((s) => s.slug)).size, posts)
        const keys = await app.storage.db
          .selectFrom('import_key')
          .select('source_id')
          .where('kind', '=', 'article')
          .where('source_id', 'like', 'post:%')
          .execute()
        assert.equal(new Set(keys.map((k) => k.source_id)).size, keys.length)
        assert.deepEqual(await goneSoon(), [])
      } finally {
        await second.http.close()
      }
    })
  })
}
