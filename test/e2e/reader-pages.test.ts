import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { AxeBuilder } from '@axe-core/playwright'
import { type Browser } from 'playwright-core'
import { seedDemo } from '../../src/demo/seed-demo.js'
import { systemClock } from '../../src/lib/clock.js'
import { browserSkipReason, launchChromium, listenLocally } from '../support/browser.js'
import { buildTestApp, type TestApp } from '../support/test-app.js'

const OUT = 'test-output'
const XSS_DIR = new URL('../../../shared/fixtures/hostile/xss/', import.meta.url)
const VNU = 'node_modules/vnu-jar/build/dist/vnu.jar'

/** Up to `max` attack strings from the shared hostile lists, or [] where they are absent. */
function xssStrings(max: number): string[] {
  if (!fs.existsSync(XSS_DIR)) return []
  const all = fs
    .readdirSync(XSS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => fs.readFileSync(new URL(f, XSS_DIR), 'utf8').split('\n'))
    .map((l) => l.trim())
    .filter((l) => l && l.length < 400)
  // Spread the sample over every list rather than taking one list's head.
  const step = Math.max(1, Math.floor(all.length / max))
  return all.filter((_, i) => i % step === 0).slice(0, max)
}

function run(
  cmd: string,
  args: string[],
): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { maxBuffer: 10_000_000 }, (err, stdout, stderr) => {
      if (err && typeof err.code !== 'number')
        return reject(new Error(`${cmd} could not run: ${err.message}`))
      resolve({ status: err ? Number(err.code) : 0, stdout, stderr })
    })
  })
}

describe('reader pages in Chromium', { skip: browserSkipReason() }, () => {
  let app: TestApp
  let browser: Browser
  let base = ''
  const pages: Record<string, string> = {}
  const hostileUrls: string[] = []

  before(async () => {
    app = await buildTestApp('sqlite')
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
      { photos: 6 },
    )
    // One article per handful of attack strings, each string in every field a person can fill.
    const strings = xssStrings(300)
    const sectionId = (await app.content.listSections())[0]!.id
    for (let i = 0; i < strings.length; i += 10) {
      const chunk = strings.slice(i, i + 10)
      const s = chunk.join(' ')
      const imageId = await app.repo.insertImage(
        {
          storageKey: 'cccccccccccccccccccc',
          alt: s.slice(0, 500),
          caption: s,
          credit: s.slice(0, 200),
          width: 800,
          height: 450,
          widths: [400, 800],
        },
        new Date(),
      )
      const authorId = await app.repo.insertAuthor(
        { slug: `hostile-author-${i}`, name: s.slice(0, 120), role: s.slice(0, 80), bio: s },
        new Date(),
      )
      const topicId = await app.repo.insertTopic({
        slug: `hostile-topic-${i}`,
        name: s.slice(0, 120),
        description: s,
      })
      const a = await app.content.createArticle({
        slug: `hostile-${i}`,
        sectionId,
        kicker: s.slice(0, 60),
        headline: s.slice(0, 300),
        standfirst: s.slice(0, 600),
        body: chunk.map((x) => `<p>${x}</p>${x}`).join(''),
        status: 'published',
        publishedAt: new Date(Date.now() - 90 * 86_400_000),
        leadImageId: imageId,
        credits: [{ authorId }, { guest: s.slice(0, 120) }],
        topicIds: [topicId],
      })
      const d = a.publishedAt!
      hostileUrls.push(
        `/${a.section.slug}/${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${a.slug}`,
      )
      hostileUrls.push(`/author/hostile-author-${i}`, `/topic/hostile-topic-${i}`)
    }
    // A test-gateway checkout, to check its page too.
    const started = await app.http.inject({
      method: 'POST',
      url: '/support/checkout',
      headers: { host: '127.0.0.1', 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'frequency=monthly&amount_monthly=500&custom=&currency=EUR&method=card&language=en',
    })
    const testCheckout = String(started.headers.location)
    base = await listenLocally(app)
    const feed = (await (await fetch(`${base}/feed.json`)).json()) as { items: { url: string }[] }
    // The newest story that has both a staff byline and topics (wire stories have no author page).
    let article = ''
    let topic = ''
    let author = ''
    for (const item of feed.items) {
      const p = new URL(item.url).pathname
      const html = await (await fetch(base + p)).text()
      const t = /href="(\/topic\/[a-z0-9-]+)"/.exec(html)
      const a = /href="(\/author\/[a-z0-9-]+)"/.exec(html)
      if (t && a) {
        ;[article, topic, author] = [p, t[1]!, a[1]!]
        break
      }
    }
    assert.ok(article, 'the demo has a story with a staff byline')
    // A reader with one confirmed newsletter and one left: the preferences page in full.
    await app.newsletters.createNewsletter({
      slug: 'dispatch',
      name: 'The Evening Dispatch',
      description: 'Three stories before bed.',
      cadence: 'Daily',
      language: 'en',
    })
    const letters = await app.newsletters.listNewsletters()
    for (const n of letters) await app.newsletters.signUp('reader@example.org', n.id, base)
    const reader = await app.storage.db
      .selectFrom('subscriber')
      .select('id')
      .where('email', '=', 'reader@example.org')
      .executeTakeFirstOrThrow()
    await app.storage.db
      .updateTable('subscription')
      .set({ status: 'confirmed', confirmed_at: Date.now() })
      .where('subscriber_id', '=', reader.id)
      .execute()
    if (letters[1]) await app.subscribers.changePreference(reader.id, 'unsubscribe', letters[1].id)
    // A sent edition of the demo weekly: the archive and its web version.
    const edition = await app.editions.createDraft(letters[0]!.id, {
      suggested: true,
      staffId: null,
    })
    await app.editions.update(edition, {
      subject: 'The week, chosen by the editors',
      intro: 'Dear reader,\n\nWhat we think you should not miss.',
      items: (await app.editions.findEdition(edition))!.items,
    })
    await app.editions.approve(edition, null)
    await app.sender.send(edition)
    Object.assign(pages, {
      'newsletter-archive': `/newsletters/${letters[0]!.slug}/archive`,
      'newsletter-edition': `/newsletters/${letters[0]!.slug}/issues/${edition}`,
      preferences: await app.subscribers.preferencesPath(reader.id),
      unsubscribe: await app.newsletters.unsubscribeLink('', reader.id, letters[0]!.id),
      newsletters: '/newsletters',
      support: '/support',
      'support-usd': '/support?currency=USD',
      'support-thanks': '/support/thanks',
      'support-cancelled': '/support/cancelled',
      'support-manage': '/support/manage',
      'support-remind': '/support/remind',
      'support-test-checkout': testCheckout,
      'newsletter-preview': '/newsletters/weekly/preview',
      privacy: '/privacy',
      reach: '/reach',
      search: '/search?q=the+river+elections',
      'search-page-2': '/search?q=city&page=2',
      'search-empty': '/search',
      'search-none': '/search?q=%22NEAR(%3Cscript%3E',
      home: '/',
      'home-page-2': '/?page=2',
      article,
      topic,
      author,
      section: '/politics',
      'not-found': '/no/such/page',
      'bad-url': '/%E0%A4%A',
    })
    browser = await launchChromium()
  })

  after(async () => {
    await browser?.close()
    await app?.close()
  })

  it('passes the Nu HTML checker on every kind of page', async () => {
    const dir = path.join(OUT, 'vnu')
    fs.mkdirSync(dir, { recursive: true })
    const files: string[] = []
    for (const [name, url] of Object.entries(pages)) {
      const f = path.join(dir, `${name}.html`)
      fs.writeFileSync(f, await (await fetch(base + url)).text())
      files.push(f)
    }
    // One JVM start for every file: vnu takes ~2 s to start. Async, so our server can still
    // answer while it runs (it lives in this process).
    const r = await run('java', ['-jar', VNU, '--errors-only', '--format', 'gnu', ...files])
    assert.equal(r.stderr.trim() + r.stdout.trim(), '', 'Nu HTML checker errors')
    assert.equal(r.status, 0)
  })

  it('has no serious or critical axe violations, at phone and desktop widths', async () => {
    for (const width of [375, 1280]) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 } })
      const page = await ctx.newPage()
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
      } finally {
        await ctx.close()
      }
    }
  })

  it('makes no request to another host and needs no JavaScript', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false })
    const page = await ctx.newPage()
    const foreign: string[] = []
    const requests: string[] = []
    page.on('request', (r) => {
      requests.push(r.url())
      if (!r.url().startsWith(base) && !r.url().startsWith('data:')) foreign.push(r.url())
    })
    try {
      await page.goto(base + pages.article!)
      assert.ok((await page.locator('h1').innerText()).length > 10)
      assert.ok((await page.locator('.story-body p').count()) >= 3)
      assert.deepEqual(foreign, [])
      const beforeImages = requests.filter((u) => !u.includes('/media/'))
      assert.ok(beforeImages.length <= 3, `requests before images: ${beforeImages.join(', ')}`)
    } finally {
      await ctx.close()
    }
  })

  it(
    'renders every hostile string inert: no dialog, no injected element',
    { skip: fs.existsSync(XSS_DIR) ? false : 'shared/fixtures/hostile/xss is absent here' },
    async () => {
      assert.ok(hostileUrls.length >= 30)
      const page = await browser.newPage()
      const dialogs: string[] = []
      page.on('dialog', (d) => {
        dialogs.push(`${page.url()}: ${d.message()}`)
        void d.dismiss()
      })
      try {
        for (const url of hostileUrls) {
          const res = await page.goto(base + url)
          assert.equal(res?.status(), 200, url)
          // Anything an attack string could smuggle in would be one of these.
          const injected = await page
            // The newsletter box and the appeal are ours; anything else of these kinds would be injected.
            .locator(
              'main :is(script, iframe, object, embed, svg, form, input):not(.newsletter-box *, .appeal *)',
            )
            .count()
          assert.equal(injected, 0, url)
        }
        assert.deepEqual(dialogs, [])
      } finally {
        await page.close()
      }
    },
  )

  it('writes screenshots of the article page at 375 and 1280 px', async () => {
    fs.mkdirSync(OUT, { recursive: true })
    for (const width of [375, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } })
      await page.goto(base + pages.article!)
      const file = path.join(OUT, `article-${width}.png`)
      await page.screenshot({ path: file, fullPage: true })
      await page.close()
      assert.ok(fs.statSync(file).size > 10_000)
    }
  })
})
