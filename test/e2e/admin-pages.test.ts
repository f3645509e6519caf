import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { AxeBuilder } from '@axe-core/playwright'
import { type Browser, type BrowserContext, chromium } from 'playwright-core'
import { CHROMIUM, CHROMIUM_ARGS, browserSkipReason } from '../support/browser.js'
import { articleInput, seedBasics } from '../support/factories.js'
import { buildTestApp, type TestApp } from '../support/test-app.js'

const OUT = 'test-output'
const VNU = 'node_modules/vnu-jar/build/dist/vnu.jar'

describe('the admin in Chromium', { skip: browserSkipReason() }, () => {
  let app: TestApp
  let browser: Browser
  let ctx: BrowserContext
  let base = ''

  before(async () => {
    app = await buildTestApp('sqlite')
    const b = await seedBasics(app)
    for (let i = 0; i < 5; i++)
      await app.content.createArticle(articleInput(b, { headline: `Story ${i} for the desk` }))
    await app.staff.addStaff({
      email: 'desk@example.org',
      name: 'Desk Editor',
      role: 'editor',
      password: 'a long enough passphrase',
    })
    await app.http.listen({ port: 0, host: '127.0.0.1' })
    const addr = app.http.server.address()
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`
    browser = await chromium.launch({
      executablePath: CHROMIUM!,
      args: CHROMIUM_ARGS,
      headless: true,
    })
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
    await page.fill('#passkey-name', 'Test laptop')
    await page.click('[data-passkey=register]')
    await page.waitForSelector('text=Passkey added', { timeout: 10_000 })
    await page.waitForSelector('text=Test laptop', { timeout: 10_000 })
    await page.click('button:has-text("Sign out everywhere")')
    await page.waitForURL(/\/admin\/sign-in/)
    await page.click('[data-passkey=sign-in]')
    await page.waitForURL(/\/admin\/articles/, { timeout: 10_000 })
    assert.match(await page.content(), /Desk Editor/)
    assert.deepEqual(errors, [])
    await context.close()
  })

  it('passes the Nu HTML checker and axe on the admin pages, with screenshots', async () => {
    const page = await ctx.newPage()
    await page.goto(`${base}/admin/sign-in`)
    const pages: Record<string, string> = { 'admin-sign-in': await page.content() }
    const signIn = await new AxeBuilder({ page }).analyze()
    const problems = signIn.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `sign-in: ${v.id}`)
    await page.fill('#email', 'desk@example.org')
    await page.fill('#password', 'a long enough passphrase')
    await page.click('button[type=submit]')
    await page.waitForURL(/\/admin\/articles/)
    fs.mkdirSync(OUT, { recursive: true })
    for (const [name, url] of [
      ['admin-list', '/admin/articles'],
      ['admin-form', '/admin/articles/1'],
      ['admin-new', '/admin/articles/new'],
    ] as const) {
      await page.goto(base + url)
      pages[name] = await page.content()
      const r = await new AxeBuilder({ page }).analyze()
      problems.push(
        ...r.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${name}: ${v.id} ${v.help}`),
      )
      await page.screenshot({ path: path.join(OUT, `${name}-1280.png`), fullPage: true })
    }
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
