import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { type Browser } from 'playwright-core'
import { browserSkipReason, launchChromium, listenLocally } from '../support/browser.js'
import { articleInput, seedBasics } from '../support/factories.js'
import { buildTestApp, type TestApp } from '../support/test-app.js'

const OUT = 'test-output'

describe('contributing in Chromium, without JavaScript', { skip: browserSkipReason() }, () => {
  let app: TestApp
  let browser: Browser
  let base = ''
  let article = ''

  before(async () => {
    app = await buildTestApp('sqlite')
    const b = await seedBasics(app)
    await app.contributions.saveAppeal(app.contributions.draftAppeal('en'))
    const a = await app.content.createArticle(articleInput(b, { slug: 'worth-paying-for' }))
    const d = a.publishedAt!
    article = `/world/${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${a.slug}`
    base = await listenLocally(app)
    browser = await launchChromium()
  })

  after(async () => {
    await browser?.close()
    await app?.close()
  })

  /** A fresh device (no cookies) with JavaScript off; records requests to other hosts. */
  async function device(width = 375) {
    const ctx = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width, height: 900 },
    })
    const page = await ctx.newPage()
    const foreign: string[] = []
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:')) foreign.push(r.url())
    })
    return { ctx, page, foreign }
  }

  it('Monthly → an amount → Continue → test checkout → thanks → the appeal is gone', async () => {
    const { ctx, page, foreign } = await device()
    try {
      await page.goto(base + article)
      assert.equal(await page.locator('.support-banner').count(), 1)
      const appeal = page.locator('section.appeal')
      await appeal.scrollIntoViewIfNeeded()
      fs.mkdirSync(OUT, { recursive: true })
      await appeal.screenshot({ path: path.join(OUT, 'appeal-375.png') })
      await page.getByText('Annual', { exact: true }).click()
      // Only the chosen frequency's amounts show (CSS :has, no script).
      assert.equal(await page.getByText('€60 a year').isVisible(), true)
      assert.equal(await page.getByText('€10 a month').isVisible(), false)
      await page.getByText('Monthly', { exact: true }).click()
      await page.getByText('€10 a month').click()
      await page.getByRole('button', { name: 'Continue' }).click()
      await page.waitForURL(/\/support\/test-checkout\//)
      assert.match(await page.locator('main').innerText(), /TEST MODE/)
      assert.match(await page.locator('main').innerText(), /€10 a month/)
      await page.getByRole('button', { name: /^Pay €10 a month/ }).click()
      await page.waitForURL(/\/support\/thanks$/)
      assert.match(await page.locator('h1').innerText(), /Thank you/)
      await page.goto(base + article)
      assert.equal(await page.locator('section.appeal').count(), 0)
      assert.equal(await page.locator('.support-banner').count(), 0)
      assert.deepEqual(foreign, [])
      const [c] = await app.contributions.listPage(1)
      assert.equal(c!.status, 'active')
      assert.equal(c!.amount, 1000)
      assert.equal(c!.frequency, 'monthly')
    } finally {
      await ctx.close()
    }
  })

  it('"Remind me later" hides banner and appeal on this device only', async () => {
    const { ctx, page } = await device(1280)
    try {
      await page.goto(base + article)
      await page.locator('section.appeal').screenshot({ path: path.join(OUT, 'appeal-1280.png') })
      await page.getByRole('button', { name: 'Remind me later' }).click()
      await page.waitForURL(base + article)
      assert.equal(await page.locator('section.appeal').count(), 0)
      assert.equal(await page.locator('.support-banner').count(), 0)
    } finally {
      await ctx.close()
    }
    const other = await device()
    try {
      await other.page.goto(base + article)
      assert.equal(await other.page.locator('section.appeal').count(), 1)
    } finally {
      await other.ctx.close()
    }
  })

  it('a refused amount comes back with the reason, read out to screen readers', async () => {
    const { ctx, page } = await device()
    try {
      await page.goto(base + article)
      await page.getByLabel(/Other amount in EUR/).fill('1')
      await page.getByRole('button', { name: 'Continue' }).click()
      await page.waitForURL(/\/support\/checkout$/)
      assert.match(await page.getByRole('alert').innerText(), /smallest amount we can take is €2/)
    } finally {
      await ctx.close()
    }
  })
})
