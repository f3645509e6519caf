import assert from 'node:assert/strict'
import { execFile, execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { AxeBuilder } from '@axe-core/playwright'
import { type Browser, type BrowserContext } from 'playwright-core'
import { browserSkipReason, launchChromium, listenLocally } from '../support/browser.js'
import { articleInput, seedBasics } from '../support/factories.js'
import { fixedClock } from '../../src/lib/clock.js'
import { buildTestApp, type TestApp } from '../support/test-app.js'

/** How long the passkey steps may take before the test gives up (a limit, not a pause). */
const PASSKEY_WAIT_MS = 60_000

const OUT = 'test-output'
const WIDTHS = [375, 1280] as const
/** Every admin page a person opens (an owner sees them all), with the seeded ids. */
const EVERY_ADMIN_PAGE = [
  ['admin-list', '/admin/articles'],
  ['admin-form', '/admin/articles/1'],
  ['admin-new', '/admin/articles/new'],
  ['admin-revision', '/admin/articles/1/revisions/1'],
  ['admin-fronts', '/admin/fronts'],
  ['admin-front-home', '/admin/fronts/edit'],
  ['admin-phone-preview', '/admin/articles/1/preview/phone'],
  ['admin-media', '/admin/media'],
  ['admin-taxonomy', '/admin/taxonomy'],
  ['admin-section', '/admin/taxonomy/section/1'],
  ['admin-newsletters', '/admin/newsletters'],
  ['admin-newsletter', '/admin/newsletters/1'],
  ['admin-edition-sent', '/admin/editions/1'],
  ['admin-edition-draft', '/admin/editions/2'],
  ['admin-subscribers', '/admin/subscribers'],
  ['admin-subscribers-search', '/admin/subscribers?q=example'],
  ['admin-subscriber', '/admin/subscribers/1'],
  ['admin-import', '/admin/subscribers/import'],
  ['admin-privacy', '/admin/privacy'],
  ['admin-reach', '/admin/reach'],
  ['admin-redirects', '/admin/redirects'],
  ['admin-contributions', '/admin/contributions'],
  ['admin-appeal', '/admin/appeal'],
  ['admin-staff', '/admin/staff'],
  ['admin-audit', '/admin/audit'],
  ['admin-account', '/admin/account'],
] as const
const VNU = 'node_modules/vnu-jar/build/dist/vnu.jar'

describe('the admin in Chromium', { skip: browserSkipReason() }, () => {
  let app: TestApp
  let browser: Browser
  const clock = fixedClock(new Date())
  let ctx: BrowserContext
  let base = ''

  before(async () => {
    // The editor bundle, as `npm run build` makes it (the article form loads it when present).
    execFileSync(process.execPath, ['scripts/build-editor.mjs'], { stdio: 'ignore' })
    app = await buildTestApp('sqlite', { clock })
    const b = await seedBasics(app)
    for (let i = 0; i < 5; i++)
      await app.content.createArticle(articleInput(b, { headline: `Story ${i} for the desk` }))
    await app.staff.addStaff({
      email: 'desk@example.org',
      name: 'Desk Editor',
      role: 'editor',
      password: 'a long enough passphrase',
    })
    // An owner sees every admin page (the axe and vnu checks go through all of them).
    await app.staff.addStaff({
      email: 'owner@example.org',
      name: 'Owner',
      role: 'owner',
      password: 'a long enough passphrase',
    })
    // A subscriber with a confirmed subscription, for the subscriber pages.
    const nl = await app.newsletters.createNewsletter({
      slug: 'weekly',
      name: 'Weekly',
      language: 'en',
    })
    await app.newsletters.signUp('reader@example.org', nl, 'http://example.org')
    await app.storage.db
      .updateTable('subscription')
      .set({ status: 'confirmed', confirmed_at: clock.now().getTime() })
      .execute()
    // One edition sent (its report page) and one draft (the editor), for the edition pages.
    const sent = await app.editions.createDraft(nl, { suggested: true, staffId: null })
    await app.editions.update(sent, {
      subject: 'The week, chosen by the editors',
      intro: 'Dear reader,\n\nWhat we think you should not miss.',
      items: (await app.editions.findEdition(sent))!.items,
    })
    await app.editions.approve(sent, null)
    await app.sender.send(sent)
    await app.editions.createDraft(nl, { suggested: true, staffId: null })
    base = await listenLocally(app)
    browser = await launchChromium()
    ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  })
  after(async () => {
    await browser?.close()
    await app?.close()
  })

  it('signs in through the form, writes a story and publishes it, all without JavaScript', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false })
    const page = await noJs.newPage()
    await page.goto(`${base}/admin/articles`)
    assert.match(page.url(), /\/admin\/sign-in/)
    await page.fill('#email', 'desk@example.org')
    await page.fill('#password', 'a long enough passphrase')
    await page.click('button[type=submit]')
    await page.waitForURL(/\/admin\/articles/)
    await page.goto(`${base}/admin/articles/new`)
    await page.fill('#headline', 'Written in the browser')
    await page.fill('#body', '<p>Typed into the admin form.</p>')
    await page.selectOption('#status', 'published')
    await page.click('form[action="/admin/articles"] button[type=submit]')
    await page.waitForURL(/\/admin\/articles\/\d+\?saved=1/)
    assert.match(await page.content(), /Saved\./)
    await page.goto(`${base}/`)
    assert.match(await page.content(), /Written in the browser/)
    await noJs.close()
  })

  it('registers a passkey and signs in with it (Chromium virtual authenticator)', async () => {
    // WebAuthn needs a domain for its relying party: localhost, not a bare IP address.
    const local = base.replace('127.0.0.1', 'localhost')
    const context = await browser.newContext()
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('WebAuthn.enable')
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    })
    const errors: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    await page.goto(`${local}/admin/sign-in`)
    await page.fill('#email', 'desk@example.org')
    await page.fill('#password', 'a long enough passphrase')
    await page.click('form[action="/admin/sign-in"] button[type=submit]')
    await page.waitForURL(/\/admin\/articles/)
    await page.goto(`${local}/admin/account`)
    await page.fill('#passkey-password', 'a long enough passphrase')
    await page.fill('#passkey-name', 'Test laptop')
    await page.click('[data-passkey=register]')
    // Conditions, with room for a machine whose two cores are busy with other suites: argon2
    // and the WebAuthn ceremony can take seconds there.
    await page.waitForSelector('text=Passkey added', { timeout: PASSKEY_WAIT_MS })
    await page.waitForSelector('text=Test laptop', { timeout: PASSKEY_WAIT_MS })
    await page.click('button:has-text("Sign out everywhere")')
    await page.waitForURL(/\/admin\/sign-in/)
    await page.click('[data-passkey=sign-in]')
    await page.waitForURL(/\/admin\/articles/, { timeout: PASSKEY_WAIT_MS })
    assert.match(await page.content(), /Desk Editor/)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('journey: password and code, a photo, the editor, a schedule, and the story goes live', async () => {
    const { generate } = await import('otplib')
    const { default: sharp } = await import('sharp')
    const staff = (await app.staff.findByEmail('desk@example.org'))!
    await app.staff.addStaff({
      email: 'night@example.org',
      name: 'Night Editor',
      role: 'editor',
      password: 'a long enough passphrase',
    })
    const night = (await app.staff.findByEmail('night@example.org'))!
    const enrol = await app.staff.beginTwoFactor(night, 'The Lantern')
    const epoch = Math.floor(clock.now().getTime() / 1000)
    assert.ok(
      await app.staff.enableTwoFactor(
        night,
        enrol.secret,
        enrol.proof,
        await generate({ secret: enrol.secret, epoch }),
      ),
    )
    assert.ok(staff)

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('console', (m) => {
      // Failed loads are checked by URL below: the factories' stand-in image has no files.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
        errors.push(m.text())
    })
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().includes('/media/aaaaaaaaaaaaaaaaaaaa/'))
        errors.push(`${r.status()} ${r.url()}`)
    })
    await page.goto(`${base}/admin/sign-in`)
    await page.fill('#email', 'night@example.org')
    await page.fill('#password', 'a long enough passphrase')
    await page.click('form[action="/admin/sign-in"] button[type=submit]')
    await page.fill('#code', await generate({ secret: enrol.secret, epoch: epoch + 30 }))
    await page.click('form[action="/admin/sign-in/code"] button[type=submit]')
    await page.waitForURL(/\/admin\/articles/)

    // A photo with GPS in it, through the media library.
    const photo = path.join(OUT, 'journey.jpg')
    fs.mkdirSync(OUT, { recursive: true })
    fs.writeFileSync(
      photo,
      await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#6b8e23' } })
        .jpeg()
        .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 45/1 0/1' } })
        .toBuffer(),
    )
    await page.goto(`${base}/admin/media`)
    await page.fill('#alt', 'Fields outside Drevno at dawn')
    await page.fill('#caption', 'Drevno, early morning')
    await page.fill('#credit', 'Night Editor / The Lantern')
    await page.setInputFiles('#file', photo)
    await page.click('form[action="/admin/media"] button[type=submit]')
    const uploaded = await page.textContent('[role=status]')
    const imageId = /image (\d+)/.exec(uploaded ?? '')?.[1]
    assert.ok(imageId, uploaded ?? '')

    // The rich editor, then a schedule a few minutes ahead.
    await page.goto(`${base}/admin/articles/new`)
    await page.waitForSelector('.mh-editor-content')
    await page.fill('#headline', 'Harvest starts early in Drevno')
    await page.selectOption('#sectionId', { label: 'World' })
    await page.fill('#byline-0', 'Night Editor')
    await page.click('.mh-editor-content')
    await page.keyboard.type('Farmers began cutting wheat ten days early this year.')
    await page.check(`input[name=leadImageId][value="${imageId}"]`)
    await page.selectOption('#status', 'scheduled')
    const at = new Date(clock.now().getTime() + 5 * 60_000).toISOString().slice(0, 16)
    await page.fill('#publishedAt', at)
    // The main button says what it does as the status changes.
    await page.click('form[action="/admin/articles"] button[name=intent]:has-text("Schedule")')
    await page.waitForURL(/\?saved=1/)
    const home = () => fetch(`${base}/`).then((r) => r.text())
    assert.doesNotMatch(await home(), /Harvest starts early in Drevno/)

    clock.set(new Date(clock.now().getTime() + 6 * 60_000))
    await app.runScheduler()
    assert.match(await home(), /Harvest starts early in Drevno/)
    const story = await (
      await fetch(
        `${base}/world/${at.slice(0, 4)}/${at.slice(5, 7)}/harvest-starts-early-in-drevno`,
      )
    ).text()
    assert.match(story, /Farmers began cutting wheat ten days early this year\./)
    assert.match(story, /<span class="caption">Drevno, early morning<\/span>/)
    assert.match(story, /<span class="guest">Night Editor<\/span>|Night Editor/)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('publishes a story with a new photo from one page in at most six clicks', async () => {
    const { default: sharp } = await import('sharp')
    const photo = path.join(os.tmpdir(), `masthead-one-page-${process.pid}.png`)
    fs.writeFileSync(
      photo,
      await sharp({ create: { width: 1400, height: 900, channels: 3, background: '#8e5a23' } })
        .png()
        .toBuffer(),
    )
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${base}/admin/sign-in`)
    await page.fill('#email', 'desk@example.org')
    await page.fill('#password', 'a long enough passphrase')
    await page.click('form[action="/admin/sign-in"] button[type=submit]')
    await page.waitForURL(/\/admin\/articles/)
    // From the article list: every pointer action an editor makes is counted; typing is not.
    let clicks = 0
    const click = async (selector: string) => {
      clicks++
      await page.click(selector)
    }
    await click('nav a:has-text("New article")')
    await page.waitForSelector('.mh-editor-content')
    await page.fill('#headline', 'Ferry service resumes across the Sella')
    await click('.mh-editor-content')
    await page.keyboard.type('The first boat in three weeks left Orlan at dawn.')
    clicks++ // choosing the section in its list
    await page.selectOption('#sectionId', { label: 'World' })
    clicks++ // choosing the file
    await page.setInputFiles('#leadPhotoFile', photo)
    await page.fill('#leadPhotoAlt', 'The ferry leaving the quay')
    await click('form.write button:has-text("Publish now")')
    await page.waitForURL(/\?saved=1/)
    assert.ok(clicks <= 6, `${clicks} clicks`)
    const id = Number(/\/admin\/articles\/(\d+)/.exec(page.url())![1])
    const a = await app.repo.findArticleById(id)
    assert.equal(a?.status, 'published')
    assert.equal(a?.leadImage?.alt, 'The ferry leaving the quay')
    console.log(`# one-page story with a new photo: ${clicks} clicks, 1 page`)
    await context.close()
    fs.rmSync(photo, { force: true })
  })

  it('fits every admin page in a 375 px phone screen (wide tables scroll inside themselves)', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } })
    const page = await context.newPage()
    await page.goto(`${base}/admin/sign-in`)
    await page.fill('#email', 'owner@example.org')
    await page.fill('#password', 'a long enough passphrase')
    await page.click('form[action="/admin/sign-in"] button[type=submit]')
    await page.waitForURL(/\/admin\/articles/)
    for (const [, url] of EVERY_ADMIN_PAGE) {
      await page.goto(base + url)
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375, url)
    }
    await context.close()
  })

  it('passes the Nu HTML checker, and axe at 375 and 1280 px, on every admin page', async () => {
    const page = await ctx.newPage()
    await page.goto(`${base}/admin/sign-in`)
    const pages: Record<string, string> = { 'admin-sign-in': await page.content() }
    // Legacy mode: the edition page frames the email sandboxed (no same origin), which axe's
    // frame-by-frame run cannot enter; the email is the readers', not an admin page.
    const audit = async (name: string) => {
      const r = await new AxeBuilder({ page }).setLegacyMode().analyze()
      return r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${name}: ${v.id} ${v.help}`)
    }
    const problems: string[] = []
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 })
      problems.push(...(await audit(`sign-in@${width}`)))
    }
    await page.fill('#email', 'owner@example.org')
    await page.fill('#password', 'a long enough passphrase')
    await page.click('button[type=submit]')
    await page.waitForURL(/\/admin\/articles/)
    fs.mkdirSync(OUT, { recursive: true })
    const counts: Record<number, number> = {}
    for (const [name, url] of EVERY_ADMIN_PAGE) {
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 })
        const res = await page.goto(base + url)
        assert.equal(res?.status(), 200, url)
        if (width === 1280) pages[name] = await page.content()
        const found = await audit(`${name}@${width}`)
        counts[width] = (counts[width] ?? 0) + found.length
        problems.push(...found)
        await page.screenshot({ path: path.join(OUT, `${name}-${width}.png`), fullPage: true })
      }
    }
    console.log(
      `# axe: ${EVERY_ADMIN_PAGE.length + 1} admin pages, serious or critical ${JSON.stringify(counts)}`,
    )
    assert.deepEqual(problems, [])
    const dir = path.join(OUT, 'vnu-admin')
    fs.mkdirSync(dir, { recursive: true })
    const files = Object.entries(pages).map(([n, html]) => {
      const f = path.join(dir, `${n}.html`)
      // page.content() is the DOM serialised; the server's bytes are what must validate.
      fs.writeFileSync(f, html)
      return f
    })
    for (const [n, url] of [
      ['admin-list-raw', '/admin/articles'],
      ['admin-form-raw', '/admin/articles/1'],
      ['admin-subscribers-raw', '/admin/subscribers?q=example'],
      ['admin-subscriber-raw', '/admin/subscribers/1'],
      ['admin-newsletter-raw', '/admin/newsletters/1'],
      ['admin-edition-draft-raw', '/admin/editions/2'],
    ] as const) {
      const cookies = (await ctx.cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
      const f = path.join(dir, `${n}.html`)
      fs.writeFileSync(f, await (await fetch(base + url, { headers: { cookie: cookies } })).text())
      files.push(f)
    }
    const out = await new Promise<string>((resolve, reject) =>
      execFile(
        'java',
        ['-jar', VNU, '--errors-only', '--format', 'gnu', ...files],
        (err, stdout, stderr) => {
          if (err && typeof err.code !== 'number') reject(err)
          else resolve(`${stdout}${stderr}`.trim())
        },
      ),
    )
    assert.equal(out, '')
  })
})
