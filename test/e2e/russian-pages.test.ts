import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { AxeBuilder } from '@axe-core/playwright'
import { type Browser } from 'playwright-core'
import { seedDemo } from '../../src/demo/seed-demo.js'
import { systemClock } from '../../src/lib/clock.js'
import { browserSkipReason, listenLocally, launchChromium } from '../support/browser.js'
import { buildTestApp, type TestApp } from '../support/test-app.js'

const OUT = 'test-output'
const VNU = 'node_modules/vnu-jar/build/dist/vnu.jar'

/** vnu's answer for some files: one JVM start for all of them. */
function vnu(files: string[]): Promise<{ status: number; out: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      'java',
      ['-jar', VNU, '--errors-only', '--format', 'gnu', ...files],
      { maxBuffer: 10_000_000 },
      (err, stdout, stderr) => {
        if (err && typeof err.code !== 'number')
          return reject(new Error(`vnu could not run: ${err.message}`))
        resolve({ status: err ? Number(err.code) : 0, out: stdout.trim() + stderr.trim() })
      },
    )
  })
}

// The Russian edition of the bilingual demo (ADR 026): every kind of reader page under /ru/,
// checked as the English ones are in reader-pages.test.ts.
describe('the Russian edition in Chromium', { skip: browserSkipReason() }, () => {
  let app: TestApp
  let browser: Browser
  let base = ''
  const pages: Record<string, string> = {}

  before(async () => {
    app = await buildTestApp('sqlite', { env: { SITE_LANGUAGES: 'en,ru' } })
    await seedDemo(
      {
        repo: app.repo,
        content: app.content,
        media: app.media,
        newsletters: app.newsletters,
        contributions: app.contributions,
        reach: app.reach,
        clock: systemClock,
        languages: ['en', 'ru'],
      },
      { photos: 4 },
    )
    base = await listenLocally(app)
    const home = await (await fetch(`${base}/ru/`)).text()
    const first = (re: RegExp) => re.exec(home)?.[1]
    const article = first(/href="(\/ru\/[a-z-]+\/\d{4}\/\d{2}\/[^"]+)"/)
    const section = first(/href="(\/ru\/(?:politics|world|society))"/)
    assert.ok(article && section, 'the Russian front page links a story and a section')
    const story = await (await fetch(base + article)).text()
    const author = /href="(\/ru\/author\/[^"]+)"/.exec(story)?.[1]
    const topic = /href="(\/ru\/topic\/[^"]+)"/.exec(story)?.[1]
    assert.ok(author && topic, 'the story links its author and a topic')
    Object.assign(pages, {
      home: '/ru/',
      'home-page-2': '/ru/?page=2',
      article,
      section,
      topic,
      author,
      search: `/ru/search?q=${encodeURIComponent('выборы')}`,
      'search-empty': '/ru/search',
      newsletters: '/ru/newsletters',
      support: '/ru/support',
      reach: '/ru/reach',
    })
    browser = await launchChromium()
  })

  after(async () => {
    await browser?.close()
    await app?.close()
  })

  it('passes the Nu HTML checker on every kind of Russian page, the 404 too', async () => {
    const dir = path.join(OUT, 'vnu-ru')
    fs.mkdirSync(dir, { recursive: true })
    const files: string[] = []
    for (const [name, url] of Object.entries({ ...pages, 'not-found': '/ru/no/such/page' })) {
      const res = await fetch(base + url)
      assert.equal(res.status, name === 'not-found' ? 404 : 200, url)
      const html = await res.text()
      assert.match(html, /<html lang="ru" dir="ltr">/, url)
      const f = path.join(dir, `${name}.html`)
      fs.writeFileSync(f, html)
      files.push(f)
    }
    const r = await vnu(files)
    assert.equal(r.out, '', 'Nu HTML checker errors')
    assert.equal(r.status, 0)
  })

  it('has no serious or critical axe violations at phone and desktop widths, and asks nothing of another host', async () => {
    for (const width of [375, 1280]) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 } })
      const page = await ctx.newPage()
      const foreign: string[] = []
      page.on('request', (r) => {
        if (!r.url().startsWith(base) && !r.url().startsWith('data:')) foreign.push(r.url())
      })
      try {
        for (const [name, url] of Object.entries(pages)) {
          await page.goto(base + url)
          const results = await new AxeBuilder({ page }).analyze()
          const bad = results.violations.filter(
            (v) => v.impact === 'serious' || v.impact === 'critical',
          )
          assert.deepEqual(
            bad.map((v) => `${name}@${width}: ${v.id} (${v.nodes.length}) ${v.help}`),
            [],
          )
        }
        assert.deepEqual(foreign, [])
      } finally {
        await ctx.close()
      }
    }
  })
})
