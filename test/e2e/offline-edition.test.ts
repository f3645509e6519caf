import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { after, before, describe, it } from 'node:test'
import { AxeBuilder } from '@axe-core/playwright'
import { type Browser } from 'playwright-core'
import { browserSkipReason, launchChromium } from '../support/browser.js'
import { seedBasics } from '../support/factories.js'
import { storiesWithPhotos } from '../support/offline.js'
import { buildTestApp, type TestApp } from '../support/test-app.js'

describe('the offline edition opened from disk in Chromium', { skip: browserSkipReason() }, () => {
  let app: TestApp
  let browser: Browser
  let url = ''
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-offline-e2e-'))

  before(async () => {
    app = await buildTestApp('sqlite')
    await storiesWithPhotos(app, await seedBasics(app), { count: 20, photos: 6 })
    await app.reach.save([{ kind: 'primary', label: '', value: 'https://lantern.example/' }])
    const file = path.join(dir, 'edition.html')
    fs.writeFileSync(file, (await app.offlineEdition()).html)
    url = pathToFileURL(file).href
    browser = await launchChromium()
  })
  after(async () => {
    await browser?.close()
    await app?.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('asks for nothing but itself, shows every picture, and needs no JavaScript', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false })
    const page = await ctx.newPage()
    const asked: string[] = []
    page.on('request', (r) => {
      if (!r.url().startsWith('data:')) asked.push(r.url())
    })
    try {
      await page.goto(url)
      assert.deepEqual(asked, [url])
      const shown = await page
        .locator('img')
        .evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth))
      assert.equal(shown.length, 40)
      assert.ok(
        shown.every((w) => w === 400),
        `widths ${shown.join(',')}`,
      )
      // The contents lead to each story inside the file.
      await page.click('a[href="#story-7"]')
      assert.equal(new URL(page.url()).hash, '#story-7')
    } finally {
      await ctx.close()
    }
  })

  it('has no serious or critical axe violations, at phone and desktop widths', async () => {
    for (const width of [375, 1280]) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 } })
      const page = await ctx.newPage()
      try {
        await page.goto(url)
        const results = await new AxeBuilder({ page }).analyze()
        const bad = results.violations.filter(
          (v) => v.impact === 'serious' || v.impact === 'critical',
        )
        assert.deepEqual(
          bad.map((v) => `${width}: ${v.id} (${v.nodes.length}) ${v.help}`),
          [],
        )
        // Nothing wider than the screen.
        const wide = await page.evaluate(() => document.documentElement.scrollWidth)
        assert.ok(wide <= width, `${wide} px wide at ${width}`)
      } finally {
        await ctx.close()
      }
    }
  })
})
