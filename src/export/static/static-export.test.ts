import assert from 'node:assert/strict'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { LinkState, check } from 'linkinator'
import sirv from 'sirv'
import type { ArticleInput } from '../../content/index.js'
import { seedDemo } from '../../demo/seed-demo.js'
import { systemClock } from '../../lib/clock.js'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js'
import { MANIFEST, RENDER_ORIGIN, exportStatic } from './index.js'

const RENDER_HOST = new URL(RENDER_ORIGIN).host
const EMAIL = 'desk@lantern.example'

/** Every file under `dir`, relative, with / between parts. */
function listFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
}

/** Serves `dir` under `/mirror/` on loopback, as a newsroom would under a sub-path. */
async function serveUnderSubPath(dir: string) {
  const files = sirv(dir, { dev: true, dotfiles: false })
  const server = http.createServer((req, res) => {
    if (!req.url?.startsWith('/mirror/')) {
      res.writeHead(404).end()
      return
    }
    req.url = req.url.slice('/mirror'.length)
    files(req, res, () => void res.writeHead(404).end())
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return { base: `http://127.0.0.1:${port}/mirror/`, close: () => server.close() }
}

for (const dialect of testDialects) {
  describe(`${dialect}: masthead export static`, { skip: await skipFor(dialect) }, () => {
    let app: TestApp
    let work = ''
    let out = ''
    let story: { id: number; input: ArticleInput; file: string }

    const run = (dir = out, extra: { url?: string } = {}) =>
      exportStatic({
        app,
        out: dir,
        url: extra.url ?? null,
        email: EMAIL,
        siteName: 'The Lantern',
      })

    before(async () => {
      app = await buildTestApp(dialect)
      await seedDemo(
        {
          repo: app.repo,
          content: app.content,
          media: app.media,
          newsletters: app.newsletters,
          contributions: app.contributions,
          reach: app.reach,
          clock: systemClock,
        },
        { photos: 3 },
      )
      const [section] = await app.content.listSections()
      const [author] = await app.repo.listAuthors()
      const [topic] = await app.repo.listTopics()
      const input: ArticleInput = {
        sectionId: section!.id,
        headline: 'Ferry timetable restored',
        slug: 'ferry-timetable',
        standfirst: 'The winter timetable is back.',
        body: '<p>The ferry runs again every hour from the old pier.</p>',
        status: 'published',
        credits: [{ authorId: author!.id }],
        topicIds: [topic!.id],
        publishedAt: new Date(Date.now() - 60_000),
      }
      const a = await app.content.createArticle(input)
      const d = new Date(a.publishedAt!)
      const month = String(d.getUTCMonth() + 1).padStart(2, '0')
      story = {
        id: a.id,
        input,
        file: `${section!.slug}/${d.getUTCFullYear()}/${month}/${a.slug}/index.html`,
      }
      work = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-static-'))
      out = path.join(work, 'site')
    })
    after(async () => {
      await app?.close()
      fs.rmSync(work, { recursive: true, force: true })
    })

    it('writes every page, feed and image with a manifest', async () => {
      const r = await run()
      assert.deepEqual(r.missing, [])
      const files = listFiles(out)
      assert.ok(files.includes(MANIFEST))
      for (const f of [
        'index.html',
        'reach/index.html',
        'reach.json',
        'reach/edition.html',
        'robots.txt',
        'feed.xml',
      ])
        assert.ok(files.includes(f), f)
      assert.ok(files.includes(story.file), story.file)
      assert.ok(
        files.some((f) => /^media\/[a-z0-9]+\/\d+\.webp$/.test(f)),
        'images',
      )
      assert.ok(
        files.some((f) => /^assets\/.+\.css$/.test(f)),
        'the stylesheet',
      )
      assert.ok(
        files.some((f) => /^page\/2\/index\.html$/.test(f)),
        "home's second page",
      )
      assert.ok(!files.some((f) => f.startsWith('sitemap')), 'no sitemaps without --url')
      assert.equal(r.added.length, files.length - 1)
    })

    it('has no broken link when served under a sub-path (linkinator), and none to the render host', async () => {
      const server = await serveUnderSubPath(out)
      try {
        const result = await check({
          path: server.base,
          recurse: true,
          concurrency: 8,
          // The live site's addresses (forms, newsletter pages) are invented: not fetched here.
          linksToSkip: async (link: string) => !link.startsWith(server.base),
        })
        const checked = result.links.filter((l) => l.state !== LinkState.SKIPPED)
        const broken = result.links.filter((l) => l.state === LinkState.BROKEN)
        console.log(`# linkinator: ${checked.length} links checked, ${broken.length} broken`)
        assert.deepEqual(
          broken.map((l) => `${l.status} ${l.url} (from ${l.parent})`),
          [],
        )
        // Every page of the copy is reached from the front page.
        const reached = new Set(checked.map((l) => l.url))
        const pages = listFiles(out).filter((f) => f.endsWith('.html') && f !== 'index.html')
        assert.ok(pages.length > 50, `${pages.length} pages`)
        for (const f of pages) assert.ok(reached.has(server.base + f), `not reached: ${f}`)
        assert.equal(result.links.filter((l) => l.url.includes(RENDER_HOST)).length, 0)
      } finally {
        server.close()
      }
      for (const f of listFiles(out)) {
        if (f.endsWith('.webp')) continue
        assert.ok(!fs.readFileSync(path.join(out, f), 'utf8').includes(RENDER_HOST), f)
      }
    })

    it('links every page to files that exist, so it opens from disk', () => {
      for (const f of listFiles(out).filter((x) => x.endsWith('.html'))) {
        const html = fs.readFileSync(path.join(out, f), 'utf8')
        for (const [, u] of html.matchAll(/\s(?:href|src)="([^"#]+)[^"]*"/g)) {
          if (/^(https?:|mailto:|data:)/.test(u!)) continue
          const target = path.join(out, path.dirname(f), u!.replace(/&amp;/g, '&'))
          assert.ok(fs.existsSync(target) && fs.statSync(target).isFile(), `${f} -> ${u}`)
        }
      }
    })

    it('points forms at the main address from the newsroom list', () => {
      const html = fs.readFileSync(path.join(out, story.file), 'utf8')
      const actions = [...html.matchAll(/<form[^>]*\saction="([^"]*)"/g)].map((m) => m[1]!)
      assert.ok(actions.includes('https://lantern.example/newsletters/subscribe'), actions.join())
      for (const a of actions) assert.match(a, /^https:\/\/lantern\.example\//)
    })

    it('rewrites nothing on a second run', async () => {
      const r = await run()
      assert.deepEqual([r.added, r.changed, r.removed], [[], [], []])
      assert.ok(r.unchanged > 100)
    })

    it('after an edit, rewrites only the pages that show the story', async () => {
      await app.content.updateArticle(story.id, { ...story.input, headline: 'Ferry timetable cut' })
      const r = await run()
      assert.ok(r.changed.includes(story.file), r.changed.join())
      assert.deepEqual([r.added, r.removed], [[], []])
      for (const f of r.changed)
        assert.ok(fs.readFileSync(path.join(out, f), 'utf8').includes('Ferry timetable cut'), f)
      assert.ok(r.unchanged > r.changed.length * 5, `${r.changed.length} changed`)
    })

    it('removes the files of a withdrawn story', async () => {
      await app.content.updateArticle(story.id, { ...story.input, status: 'unpublished' })
      const r = await run()
      assert.ok(r.removed.includes(story.file), r.removed.join())
      assert.ok(!fs.existsSync(path.join(out, story.file)))
      assert.ok(!fs.existsSync(path.join(out, path.dirname(story.file))), 'its folder too')
    })

    it('with --url: sitemaps and canonical links on the mirror address', async () => {
      const dir = path.join(work, 'with-url')
      const base = 'https://mirror.example/lantern/'
      await run(dir, { url: base })
      const index = fs.readFileSync(path.join(dir, 'sitemap.xml'), 'utf8')
      assert.match(
        index,
        /<loc>https:\/\/mirror\.example\/lantern\/sitemaps\/[a-z0-9-]+\.xml<\/loc>/,
      )
      const robots = fs.readFileSync(path.join(dir, 'robots.txt'), 'utf8')
      assert.match(robots, /Sitemap: https:\/\/mirror\.example\/lantern\/sitemap\.xml/)
      const home = fs.readFileSync(path.join(dir, 'index.html'), 'utf8')
      assert.match(home, /rel="canonical" href="https:\/\/mirror\.example\/lantern\/index\.html"/)
    })

    it('without a live address, forms give way to a note with the email', async () => {
      await app.reach.save([])
      const dir = path.join(work, 'no-live')
      await run(dir)
      const files = listFiles(dir).filter((f) => f.endsWith('.html'))
      let notes = 0
      for (const f of files) {
        const html = fs.readFileSync(path.join(dir, f), 'utf8')
        assert.doesNotMatch(html, /method="post"/, f)
        if (html.includes(`mailto:${EMAIL}`)) notes++
      }
      assert.ok(notes > 10, `${notes} pages name the email`)
      const robots = fs.readFileSync(path.join(dir, 'robots.txt'), 'utf8')
      assert.doesNotMatch(robots, /Sitemap:/)
    })

    it('finishes the job of a run that stopped half-way, leaving no temporary file', async () => {
      const dir = path.join(work, 'stopped')
      let calls = 0
      const failing = {
        ...app,
        http: {
          inject: (opts: { method: 'GET'; url: string; headers: Record<string, string> }) => {
            if (++calls === 40) throw new Error('the power went out')
            return app.http.inject(opts)
          },
        },
      } as unknown as TestApp
      await assert.rejects(
        exportStatic({ app: failing, out: dir, url: null, email: EMAIL, siteName: 'The Lantern' }),
        /the power went out/,
      )
      // What a write cut short leaves behind.
      fs.writeFileSync(path.join(dir, 'index.html.999999.tmp'), '<!doctype html><p>half')
      await run(dir)
      const fresh = path.join(work, 'fresh')
      await run(fresh)
      const files = listFiles(dir)
      assert.deepEqual(files.sort(), listFiles(fresh).sort())
      for (const f of files.filter((x) => x !== MANIFEST))
        assert.ok(
          fs.readFileSync(path.join(dir, f)).equals(fs.readFileSync(path.join(fresh, f))),
          f,
        )
      const again = await run(dir)
      assert.deepEqual([again.added, again.changed, again.removed], [[], [], []])
    })
  })
}
