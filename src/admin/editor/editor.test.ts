import assert from 'node:assert/strict'
import { loadStylesheet, sourceDir } from '../../http/assets.js'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, describe, it } from 'node:test'
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { browserSkipReason, launchChromium } from '../../../test/support/browser.js'
import { bodyText, countWords as serverCountWords, sanitizeBody } from '../../content/body.js'
import {
  countWords,
  draftKey,
  isAllowedStoredHref,
  linkHref,
  parseDraft,
  statsText,
} from './rules.client.js'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const ASSETS = path.join(ROOT, 'dist/admin-assets')
const OUT = path.join(ROOT, 'test-output')
// Markup the server keeps but the editor's schema has no place for.
const RICHER = '<p lang="fr">Bonjour</p><table><tbody><tr><td>1</td></tr></tbody></table>'
const INITIAL = '<p>Hello <strong>world</strong></p><figure data-image-id="7"></figure>'
// The admin's policy (src/http/responses.ts) minus frame-ancestors: no inline script or style.
// The admin's own policy (pipeline/gate.tsx ADMIN_CSP): the editor may talk back to the admin.
const CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'"
const ACTION = '/admin/articles/7'

describe('editor rules (no browser)', () => {
  it('counts words as the server does', () => {
    for (const html of [
      INITIAL,
      '<h2>Rock’n’roll, state-of-the-art</h2><p>It’s 2024: 3.5% of 1,000 cats.</p>',
      '<ul><li><p>one</p></li><li><p>two</p></li></ul><blockquote><p>“Quoted” words</p></blockquote>',
      '<p>Ünïcödé — 日本語 и кириллица</p>',
    ]) {
      const text = bodyText(html)
      assert.equal(countWords(text), serverCountWords(text), html)
    }
    assert.equal(statsText(0), '0 words · 1 min read')
    assert.equal(statsText(1), '1 word · 1 min read')
    assert.equal(statsText(460), '460 words · 2 min read')
    assert.equal(statsText(574), '574 words · 2 min read')
    assert.equal(statsText(575), '575 words · 3 min read')
  })

  it('accepts http, https and mailto links only', () => {
    assert.equal(linkHref('https://example.org/a?b=1#c'), 'https://example.org/a?b=1#c')
    assert.equal(linkHref('  http://example.org  '), 'http://example.org')
    assert.equal(linkHref('mailto:desk@example.org'), 'mailto:desk@example.org')
    assert.equal(linkHref('example.org/story'), 'https://example.org/story')
    assert.equal(linkHref('desk@example.org'), 'mailto:desk@example.org')
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<b>x</b>',
      'vbscript:x',
      'ftp://example.org',
      'https://',
      'not a link',
      '',
      '/relative/path',
    ])
      assert.equal(linkHref(bad), null, bad)
    assert.equal(isAllowedStoredHref('/politics/2024/05/a-story'), true)
    assert.equal(isAllowedStoredHref('#notes'), true)
    assert.equal(isAllowedStoredHref('HTTPS://example.org'), true)
    assert.equal(isAllowedStoredHref('//evil.example'), false)
    assert.equal(isAllowedStoredHref(' javascript:alert(1)'), false)
  })

  it('reads back only well-formed local copies', () => {
    assert.equal(parseDraft(null), null)
    assert.equal(parseDraft('{'), null)
    assert.equal(parseDraft('{"html":1,"savedAt":1,"base":"x"}'), null)
    assert.deepEqual(parseDraft('{"html":"<p>a</p>","savedAt":5,"base":"x"}'), {
      html: '<p>a</p>',
      savedAt: 5,
      base: 'x',
      submitted: false,
    })
  })
})

describe('the rich editor in Chromium', { skip: browserSkipReason() }, () => {
  let server: http.Server
  let browser: Browser
  let page: Page
  let origin = ''
  let stored = INITIAL
  const autosaves: { headline: string; body: string }[] = []
  // Called whenever a side copy arrives, so a test waits for the one it expects, not for a time.
  const onAutosave: (() => void)[] = []
  const posts: URLSearchParams[] = []
  const problems: string[] = []
  const requests: string[] = []
  const dialogs: string[] = []
  const answers: string[] = []

  const esc = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
  // Like the admin's article form: hidden fields, a label for the body, a submit button.
  const formPage = (body = stored) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Edit article</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/admin/assets/admin.css">
<link rel="stylesheet" href="/admin/assets/editor.css">
<script type="module" src="/admin/assets/editor.js"></script>
</head>
<body>
<main>
<h1>Edit article</h1>
<form method="post" action="${ACTION}">
<input type="hidden" name="_csrf" value="token">
<input type="hidden" name="version" value="3">
<label for="headline">Headline</label>
<input id="headline" name="headline" type="text" value="A story">
<label for="body">Body <span class="hint">(HTML; cleaned to the allowed tags when saved)</span></label>
<textarea id="body" name="body">${esc(body)}</textarea>
<button type="submit">Save</button>
</form>
</main>
</body>
</html>`

  const textarea = () => page.$eval('#body', (t) => (t as HTMLTextAreaElement).value)
  /** Resolves once the server has a side copy with this body, or after `ms` (the test then fails). */
  const autosaveOf = async (body: string, ms: number) => {
    const deadline = Date.now() + ms
    while (!autosaves.some((a) => a.body === body) && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now())
        onAutosave.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
  }
  const stats = () => page.locator('.mh-editor-stats')

  before(async () => {
    // The bundle under test is the one `npm run build` makes.
    execFileSync(process.execPath, ['scripts/build-editor.mjs'], { cwd: ROOT, stdio: 'pipe' })
    server = http.createServer((req, res) => {
      res.setHeader('content-security-policy', CSP)
      res.setHeader('x-content-type-options', 'nosniff')
      const url = req.url ?? '/'
      if (req.method === 'GET' && url === `${ACTION}/edit`) {
        res.setHeader('content-type', 'text/html; charset=utf-8')
        res.end(formPage())
      } else if (req.method === 'GET' && url === '/admin/articles/8/edit') {
        res.setHeader('content-type', 'text/html; charset=utf-8')
        res.end(formPage(RICHER))
      } else if (req.method === 'GET' && /^\/admin\/assets\/(editor|admin)\.(js|css)$/.test(url)) {
        const name = path.basename(url)
        // The admin's own stylesheet too, to see the editor as it will look there.
        res.setHeader(
          'content-type',
          name.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8',
        )
        res.end(
          name === 'admin.css'
            ? loadStylesheet(sourceDir('admin'), 'admin', '/admin/assets').body
            : fs.readFileSync(path.join(ASSETS, name)),
        )
      } else if (req.method === 'GET' && url.startsWith('/media/')) {
        // The picker's small copies: any picture will do here (a 1×1 GIF).
        res.setHeader('content-type', 'image/gif')
        res.end(Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'))
      } else if (req.method === 'GET' && url.startsWith('/admin/media.json')) {
        // The library as routes/media.tsx lists it: searched by the picker.
        const q = new URL(url, 'http://x').searchParams.get('q') ?? ''
        const all = [
          { id: 7, alt: 'A river at dusk', caption: 'The river', thumb: '/media/x/400.webp' },
          { id: 9, alt: 'The old bridge', caption: 'Built in 1901', thumb: '/media/y/400.webp' },
        ]
        res.setHeader('content-type', 'application/json')
        res.end(JSON.stringify({ images: all.filter((i) => i.alt.includes(q)) }))
      } else if (req.method === 'POST' && url === `${ACTION}/autosave`) {
        // The server's side copy (routes/articles.tsx): accepted, recorded, never the article.
        let body = ''
        req.setEncoding('utf8')
        req.on('data', (c: string) => (body += c))
        req.on('end', () => {
          autosaves.push(JSON.parse(body) as { headline: string; body: string })
          for (const notify of onAutosave.splice(0)) notify()
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
        })
      } else if (req.method === 'POST' && url === ACTION) {
        let body = ''
        req.setEncoding('utf8')
        req.on('data', (c: string) => (body += c))
        req.on('end', () => {
          const form = new URLSearchParams(body)
          posts.push(form)
          // What the real server does on save.
          stored = sanitizeBody(form.get('body') ?? '')
          res.writeHead(303, { location: `${ACTION}/edit` }).end()
        })
      } else {
        res.writeHead(404).end()
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const addr = server.address()
    origin = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`

    browser = await launchChromium()
    const ctx = await browser.newContext({ viewport: { width: 1100, height: 900 } })
    page = await ctx.newPage()
    // Added by the test through DevTools, so not subject to the page's CSP; it reports each
    // violation (blocked inline style, script, stylesheet...) as a console error.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`)
      })
    })
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`)
    })
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
    page.on('request', (r) => requests.push(r.url()))
    page.on('dialog', async (d) => {
      dialogs.push(d.type())
      if (d.type() === 'prompt') await d.accept(answers.shift() ?? '')
      else await d.accept()
    })
  })

  after(async () => {
    await browser?.close()
    await new Promise((resolve) => server?.close(resolve))
  })

  it('mounts over the textarea: a toolbar of real buttons, the image box, a word count', async () => {
    await page.goto(`${origin}${ACTION}/edit`)
    await page.waitForSelector('[role=toolbar] button')
    const buttons = await page.$$eval('[role=toolbar] button', (bs) =>
      bs.map((b) => ({
        type: (b as HTMLButtonElement).type,
        label: b.getAttribute('aria-label'),
        pressed: b.getAttribute('aria-pressed'),
        disabled: b.getAttribute('aria-disabled'),
      })),
    )
    assert.deepEqual(
      buttons.map((b) => b.label),
      [
        'Paragraph',
        'Heading 2',
        'Heading 3',
        'Bold',
        'Italic',
        'Link',
        'Bulleted list',
        'Numbered list',
        'Quote',
        'Photo from the library',
        'Undo',
        'Redo',
      ],
    )
    assert.ok(buttons.every((b) => b.type === 'button'))
    assert.ok(buttons.slice(0, 9).every((b) => b.pressed === 'true' || b.pressed === 'false'))
    assert.deepEqual(
      buttons.slice(10).map((b) => b.disabled),
      ['true', 'true'],
    )
    // Hidden, but still the form's field with the server's text untouched.
    assert.equal(await page.locator('#body').isHidden(), true)
    assert.equal(
      await page.$eval('#body', (t) => (t as HTMLTextAreaElement).form?.getAttribute('action')),
      ACTION,
    )
    assert.equal(await textarea(), INITIAL)
    assert.match((await page.locator('.mh-editor-image').textContent()) ?? '', /Image 7/)
    assert.equal(await stats().getAttribute('aria-live'), 'polite')
    assert.equal(await stats().textContent(), '2 words · 1 min read')
  })

  it('writes bold text into the textarea, keeps the image placeholder, updates the count', async () => {
    // At the very start of the first paragraph: a new empty paragraph above it, no marks.
    await page.click('.ProseMirror p', { position: { x: 1, y: 4 } })
    await page.keyboard.press('Home')
    await page.keyboard.press('Enter')
    await page.keyboard.press('ArrowUp')
    await page.click('[aria-label=Bold]')
    await page.keyboard.type('Brave new')
    assert.equal(await page.getAttribute('[aria-label=Bold]', 'aria-pressed'), 'true')
    const html = await textarea()
    assert.equal(
      html,
      '<p><strong>Brave new</strong></p><p>Hello <strong>world</strong></p><figure data-image-id="7"></figure>',
    )
    await page.waitForFunction(
      () => document.querySelector('.mh-editor-stats')?.textContent === '4 words · 1 min read',
    )
    assert.equal(serverCountWords(bodyText(html)), 4)
    assert.equal(await page.getAttribute('[aria-label=Undo]', 'aria-disabled'), 'false')
  })

  it('puts a photo from the library in the text: searched, chosen, kept as its placeholder', async () => {
    await page.click('.ProseMirror p')
    await page.keyboard.press('End')
    await page.click('[aria-label="Photo from the library"]')
    await page.waitForSelector('dialog.mh-image-picker[open] .mh-image-picker-choice')
    await page.fill('#mh-image-picker-q', 'bridge')
    await page.waitForFunction(
      () => document.querySelectorAll('.mh-image-picker-choice').length === 1,
    )
    await page.click('.mh-image-picker-choice')
    await page
      .waitForSelector('dialog.mh-image-picker[open]', { state: 'detached' })
      .catch(() => {})
    assert.equal(await page.locator('dialog.mh-image-picker[open]').count(), 0, 'the dialog closed')
    assert.match(await textarea(), /<figure data-image-id="9"><\/figure>/)
    // Back as it was for the tests that follow.
    await page.click('[aria-label=Undo]')
    assert.doesNotMatch(await textarea(), /data-image-id="9"/)
  })

  it('links: refuses javascript:, takes https, writes no target', async () => {
    await page.keyboard.press('Shift+Home')
    answers.push('javascript:alert(1)')
    await page.click('[aria-label=Link]')
    assert.match((await page.locator('.mh-editor-alert').textContent()) ?? '', /Not a link/)
    assert.doesNotMatch(await textarea(), /<a /)
    answers.push('example.org/story')
    await page.click('[aria-label=Link]')
    const html = await textarea()
    assert.match(html, /<a [^>]*href="https:\/\/example\.org\/story"[^>]*><strong>Brave new/)
    assert.doesNotMatch(html, /target=/)
    assert.equal(await page.getAttribute('[aria-label=Link]', 'aria-pressed'), 'true')
    assert.equal(await page.locator('.mh-editor-alert').textContent(), '')
  })

  it('keeps unsaved text in this browser, asks before leaving, offers it back', async () => {
    const edited = await textarea()
    await page.waitForFunction(
      () =>
        /kept in this browser/.test(document.querySelector('.mh-editor-status')?.textContent ?? ''),
      undefined,
      { timeout: 8000 },
    )
    const kept = parseDraft(await page.evaluate((k) => localStorage.getItem(k), draftKey(ACTION)))
    assert.equal(kept?.html, edited)
    // The same copy went to the server's side store, for an article that exists.
    await autosaveOf(edited, 5000)
    assert.ok(
      autosaves.some((a) => a.body === edited),
      'the kept text reached the server',
    )
    await page.reload()
    assert.deepEqual(
      dialogs.filter((d) => d === 'beforeunload'),
      ['beforeunload'],
    )
    await page.waitForSelector('.mh-editor-restore:not([hidden])')
    assert.match(
      (await page.locator('.mh-editor-restore').textContent()) ?? '',
      /newer, unsaved changes/,
    )
    // The server's text is what the page shows until the writer chooses.
    assert.equal(await textarea(), INITIAL)
    await page.click('text=Restore unsaved changes')
    assert.equal(await textarea(), edited)
    assert.equal(await page.locator('.mh-editor-restore').isHidden(), true)
  })

  it('passes axe (no serious or critical problems), light and dark, with screenshots', async () => {
    fs.mkdirSync(OUT, { recursive: true })
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      const result = await new AxeBuilder({ page }).include('.mh-editor').analyze()
      const serious = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${scheme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
      assert.deepEqual(serious, [])
      await page.screenshot({
        path: path.join(OUT, scheme === 'light' ? 'editor.png' : 'editor-dark.png'),
      })
    }
    await page.emulateMedia({ colorScheme: 'light' })
  })

  it("posts the editor's HTML on submit, and the saved body comes back unchanged", async () => {
    const edited = await textarea()
    const warned = dialogs.length
    await Promise.all([
      page.waitForURL(`${origin}${ACTION}/edit`),
      page.click('form button[type=submit]'),
    ])
    await page.waitForSelector('[role=toolbar] button')
    assert.equal(posts.length, 1)
    assert.equal(posts[0]!.get('body'), edited)
    assert.equal(posts[0]!.get('headline'), 'A story')
    // Submitting is not leaving with unsaved changes.
    assert.equal(dialogs.length, warned)
    // Round trip: the editor's HTML is already in the stored form the server keeps.
    assert.equal(stored, edited)
    assert.equal(await textarea(), edited)
    assert.equal(await page.locator('.mh-editor-restore').isHidden(), true)
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), draftKey(ACTION)), null)
    // Nothing changed since the load: leaving asks nothing.
    await page.goto('about:blank')
    assert.equal(dialogs.length, warned)
  })

  it('leaves a body it cannot keep whole in the HTML textarea, and says why', async () => {
    await page.goto(`${origin}/admin/articles/8/edit`)
    await page.waitForSelector('.mh-editor-off')
    assert.equal(await page.locator('[role=toolbar]').count(), 0)
    assert.equal(await page.locator('#body').isVisible(), true)
    assert.equal(await textarea(), RICHER)
    const note = (await page.locator('.mh-editor-off').textContent()) ?? ''
    assert.match(note, /p lang=/)
    assert.match(note, /<table>/)
  })

  it('saw no console errors or warnings, no CSP violations, no request elsewhere', async () => {
    assert.deepEqual(problems, [])
    const outside = requests.filter((u) => !u.startsWith(`${origin}/`) && !/^(data|about):/.test(u))
    assert.deepEqual(outside, [])
    // The detector works: an inline style attribute is refused and reported.
    await page.goto(`${origin}${ACTION}/edit`)
    const reported = page
      .waitForEvent('console', {
        predicate: (m) => /CSP violation: style-src/.test(m.text()),
        timeout: 5000,
      })
      .catch(() => undefined)
    await page.evaluate(() => document.body.setAttribute('style', 'color: red'))
    await reported
    assert.ok(
      problems.some((p) => /CSP violation: style-src/.test(p)),
      problems.join('\n'),
    )
  })
})
