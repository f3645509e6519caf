import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Article, Image } from '../../content/index.js'
import { generateKeyFile } from '../../reach/index.js'
import { seedBasics } from '../../../test/support/factories.js'
import { storiesWithPhotos } from '../../../test/support/offline.js'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js'
import { assemble } from './edition.js'
import type { EditionData } from './edition-data.js'

const VNU = 'node_modules/vnu-jar/build/dist/vnu.jar'
const vnuSkip =
  fs.existsSync(VNU) && spawnSync('java', ['-version']).status === 0
    ? false
    : 'java or vnu-jar is missing'
if (vnuSkip) console.log(`# skipping the Nu HTML check of the offline edition: ${vnuSkip}`)
const w3mSkip =
  spawnSync('w3m', ['-version']).status === 0 ? false : 'w3m is not installed (apt-get install w3m)'
if (w3mSkip) console.log(`# skipping the offline edition in w3m: ${w3mSkip}`)

const ONION = `http://${'lantern2'.repeat(7)}.onion/`

/** assert.match without printing a 2 MB file when it fails. */
function has(text: string, re: RegExp | string) {
  const ok = typeof re === 'string' ? text.includes(re) : re.test(text)
  assert.ok(ok, `${String(re)} not found`)
}
function hasNot(text: string, re: RegExp | string) {
  const found = typeof re === 'string' ? text.includes(re) : re.test(text)
  assert.ok(!found, `${String(re)} found`)
}

describe('the offline edition’s size limit', () => {
  const picture = (id: number): Image => ({
    id,
    storageKey: `k${id}`.padEnd(20, '0'),
    alt: `Picture ${id}`,
    caption: '',
    credit: '',
    width: 1600,
    height: 900,
    widths: [400],
  })
  const story = (n: number, words: number): Article =>
    ({
      id: n,
      slug: `s-${n}`,
      section: { id: 1, slug: 'world', name: 'World' },
      kicker: null,
      headline: `Headline ${n}`,
      standfirst: null,
      body: `<p>${'word '.repeat(words)}</p><figure data-image-id="${1000 + n}"></figure>`,
      language: 'en',
      leadImage: picture(n),
      publishedAt: new Date('2026-12-01T10:00:00Z'),
      updatedAt: new Date('2026-12-01T10:00:00Z'),
      credits: [],
      corrections: [],
    }) as unknown as Article
  const data = (stories: Article[]): EditionData => ({
    siteName: 'The Lantern',
    language: 'en',
    languages: ['en'],
    timeZone: 'UTC',
    madeAt: new Date('2026-12-06T12:00:00Z'),
    stories,
    bodyImages: new Map(stories.map((a) => [1000 + a.id, picture(1000 + a.id)])),
    addresses: [],
    listUpdatedAt: null,
    publicKey: null,
    origin: null,
    keys: ['list', 'reach', ...stories.map((a) => `article:${a.id}`)],
  })
  // 100 kB a picture: 40 of them would be 5 MB.
  const big = () => Promise.resolve(Buffer.alloc(100_000, 7))

  it('fits the lead photos first and leaves out body pictures past 2 MB', async () => {
    const stories = Array.from({ length: 20 }, (_, i) => story(i + 1, 50))
    const e = await assemble(data(stories), big)
    assert.ok(e.bytes <= 2_000_000, `${e.bytes} bytes`)
    assert.equal(e.stories, 20)
    const inlined = [...e.html.matchAll(/<img [^>]*alt="Picture (\d+)"/g)].map((m) => Number(m[1]))
    assert.deepEqual(
      inlined,
      [...Array(14).keys()].map((i) => i + 1),
    )
    // What did not fit is shown by its words.
    assert.ok(e.html.includes('[Picture: Picture 15]'))
    assert.ok(e.html.includes('[Picture: Picture 1001]'))
    assert.equal(e.filename, 'the-lantern-2026-12-06.html')
  })

  it('says so when nothing is published, and names the file by its date', async () => {
    const e = await assemble({ ...data([]), siteName: '灯笼' }, big)
    assert.equal(e.stories, 0)
    assert.equal(e.filename, 'edition-2026-12-06.html')
    assert.ok(e.html.includes('<p>Nothing has been published yet.</p>'))
    assert.ok(e.html.includes('Made December 6, 2026 at 12:00 UTC. It needs no connection'))
  })

  it('drops the oldest stories when their words alone pass 2 MB', async () => {
    // 20 stories of 25,000 words (125 kB each): 2.5 MB of words.
    const stories = Array.from({ length: 20 }, (_, i) => story(i + 1, 25_000))
    const e = await assemble(data(stories), big)
    assert.ok(e.bytes <= 2_000_000, `${e.bytes} bytes`)
    assert.equal(e.stories, 15)
    assert.ok(!e.keys.includes('article:16') && e.keys.includes('article:15'))
    assert.ok(e.html.includes('with the 15 newest stories'))
  })
})

for (const dialect of testDialects) {
  describe(`${dialect}: the offline edition`, { skip: await skipFor(dialect) }, () => {
    let app: TestApp
    let ids: number[] = []
    let publicKey = ''
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-offline-'))
    const get = (url: string) =>
      app.http.inject({ method: 'GET', url, headers: { host: 'mirror.example' } })

    before(async () => {
      const keyFile = path.join(dir, 'reach.pem')
      publicKey = generateKeyFile(keyFile).publicKey
      app = await buildTestApp(dialect, {
        env: { REACH_KEY_FILE: keyFile, SITE_NAME: 'The Lantern' },
      })
      const b = await seedBasics(app)
      // 22 stories: the file holds the newest 20.
      ;({ ids } = await storiesWithPhotos(app, b, { count: 22, photos: 8 }))
      await app.reach.save([
        { kind: 'primary', label: '', value: 'https://lantern.example/' },
        { kind: 'onion', label: '', value: ONION },
        { kind: 'other', label: 'Messenger', value: '@lantern <channel>' },
      ])
    })
    after(async () => {
      await app?.close()
      fs.rmSync(dir, { recursive: true, force: true })
    })

    it('holds the 20 newest stories whole, loads nothing, and stays under 2 MB', async () => {
      const e = await app.offlineEdition()
      const html = e.html
      assert.equal(e.stories, 20)
      assert.equal(e.bytes, Buffer.byteLength(html))
      assert.ok(e.bytes <= 2_000_000, `${e.bytes} bytes`)
      assert.match(e.filename, /^the-lantern-\d{4}-\d{2}-\d{2}\.html$/)
      hasNot(html, /<script/i)
      hasNot(html, /<link\b/i)
      hasNot(html, /\bsrc="(?!data:)/i)
      hasNot(html, /srcset=|@import|url\(/i)
      const imgs = [...html.matchAll(/<img\b[^>]*>/g)].map((m) => m[0])
      // Every lead photo fits; body pictures fill what room is left.
      assert.ok(imgs.length >= 20, `${imgs.length} pictures`)
      console.log(
        `# ${dialect}: 20 stories, ${imgs.length} of 40 pictures inlined, ${e.bytes} bytes`,
      )
      for (const img of imgs)
        assert.ok(/ src="data:image\/jpeg;base64,[A-Za-z0-9+/=]+"/.test(img), img.slice(0, 80))
      // The two oldest stories are not in it.
      assert.ok(!html.includes('Headline of story 21') && !html.includes('Body of story 22'))
      for (let n = 1; n <= 20; n++) {
        assert.ok(html.includes(`<a href="#story-${n}">Headline of story ${n}</a>`), `toc ${n}`)
        assert.ok(html.includes(`id="story-${n}"`), `anchor ${n}`)
        assert.ok(html.includes(`Body of story ${n}.`), `body ${n}`)
      }
      has(html, /By Ana Petrova · <time datetime="/)
      has(html, /A short dek that says what happened\./)
      // Links to the site are made whole, to the main address: the file is read off-site.
      has(html, /<a href="https:\/\/lantern\.example\/world"[^>]*>a link home<\/a>/)
      has(html, /Online: <a href="https:\/\/lantern\.example\/world\/\d{4}\/\d{2}\/story-1">/)
      // The addresses, escaped, and the key.
      has(html, /<a href="https:\/\/lantern\.example\/">https:\/\/lantern\.example\/<\/a>/)
      assert.ok(html.includes(ONION))
      has(html, /Other way, Messenger: @lantern &lt;channel>/)
      assert.ok(html.includes(publicKey))
      has(html, /Made .* UTC, with the 20 newest stories\. .*pass it on\./)
    })

    it('shows a picture without its file by its words', async () => {
      const b = await app.repo.insertImage(
        {
          storageKey: 'dddddddddddddddddddd',
          alt: 'A ferry with no file',
          caption: 'The ferry at dawn.',
          credit: 'Nobody',
          width: 1200,
          height: 800,
          widths: [400, 800, 1200],
        },
        new Date(),
      )
      const story = await app.repo.findArticleById(ids[0]!)
      await app.content.updateArticle(story!.id, {
        sectionId: story!.section.id,
        headline: story!.headline,
        standfirst: story!.standfirst,
        body: `<p>Body of story 1.</p><figure data-image-id="${b}"></figure>`,
        status: 'published',
        credits: [{ authorId: (story!.credits[0] as { author: { id: number } }).author.id }],
        topicIds: [],
        leadImageId: story!.leadImage!.id,
        publishedAt: story!.publishedAt,
        slug: story!.slug,
      })
      const e = await app.offlineEdition({ stories: 3 })
      assert.equal(e.stories, 3)
      has(e.html, /\[Picture: A ferry with no file\]/)
      has(e.html, /<figcaption>The ferry at dawn\. Nobody<\/figcaption>/)
      hasNot(e.html, /dddddddddddddddddddd/)
    })

    it('serves the file as a download, cached until a story or the list changes', async () => {
      const first = await get('/reach/edition.html')
      assert.equal(first.statusCode, 200)
      assert.match(first.headers['content-type'] as string, /^text\/html; charset=utf-8/)
      assert.match(
        first.headers['content-disposition'] as string,
        /^attachment; filename="the-lantern-\d{4}-\d{2}-\d{2}\.html"$/,
      )
      assert.match(first.headers['content-security-policy'] as string, /img-src data:/)
      assert.equal(first.body, (await app.offlineEdition()).html)
      const hits = app.cache!.stats().hits
      const again = await get('/reach/edition.html')
      assert.equal(app.cache!.stats().hits, hits + 1)
      assert.equal(again.body, first.body)
      assert.match(again.headers['content-disposition'] as string, /^attachment; /)

      const story = await app.repo.findArticleById(ids[1]!)
      await app.content.updateArticle(story!.id, {
        sectionId: story!.section.id,
        headline: 'Headline of story 2, corrected',
        standfirst: story!.standfirst,
        body: story!.body,
        status: 'published',
        credits: [],
        topicIds: [],
        leadImageId: story!.leadImage!.id,
        publishedAt: story!.publishedAt,
        slug: story!.slug,
      })
      const edited = await get('/reach/edition.html')
      has(edited.body, /Headline of story 2, corrected/)

      await app.reach.save([{ kind: 'mirror', label: '', value: 'https://m2.example/' }])
      const moved = await get('/reach/edition.html')
      assert.ok(moved.body.includes('https://m2.example/'))
      assert.ok(!moved.body.includes(ONION))
    })

    it('is linked from /reach with its size', async () => {
      const page = await get('/reach')
      assert.equal(page.statusCode, 200)
      const e = await app.offlineEdition()
      assert.match(page.body, /<a href="\/reach\/edition\.html" download>/)
      const kb = `${Math.round(e.bytes / 1000)} KB`
      assert.ok(page.body.includes(`(HTML, ${kb})`), `size ${kb} not on the page`)
    })

    it('reads in order in a text browser', { skip: w3mSkip }, async () => {
      const { html } = await app.offlineEdition()
      const r = spawnSync('w3m', ['-dump', '-T', 'text/html', '-cols', '100', '-O', 'UTF-8'], {
        input: html,
        encoding: 'utf8',
        maxBuffer: 20_000_000,
      })
      assert.equal(r.status, 0, r.stderr)
      const text = r.stdout
      assert.doesNotMatch(text, /base64|data:image/)
      // Past the contents, each story's headline and then its body, one story after another.
      let at = text.indexOf('How to reach us', text.indexOf('Contents')) + 1
      for (let n = 1; n <= 20; n++) {
        const h = text.indexOf(
          n === 2 ? 'Headline of story 2, corrected' : `Headline of story ${n}`,
          at,
        )
        const body = text.indexOf(`Body of story ${n}.`, h)
        assert.ok(h > 0 && body > h, `story ${n} in order`)
        at = body
      }
      assert.ok(text.indexOf('How to reach us', at) > at, 'the addresses come last')
      assert.match(text, /Mirror: https:\/\/m2\.example\//)
    })

    it('is valid HTML', { skip: vnuSkip }, async () => {
      const file = path.join(dir, 'edition.html')
      fs.writeFileSync(file, (await app.offlineEdition()).html)
      const r = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'gnu', file], {
        encoding: 'utf8',
      })
      assert.equal(`${r.stdout}${r.stderr}`.trim(), '')
      assert.equal(r.status, 0)
    })
  })
}
