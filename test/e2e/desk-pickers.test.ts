import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { AxeBuilder } from '@axe-core/playwright'
import { type Browser, type Page } from 'playwright-core'
import { processUpload } from '../../src/files/index.js'
import { browserSkipReason, launchChromium, listenLocally } from '../support/browser.js'
import { articleInput, seedBasics, type Basics } from '../support/factories.js'
import { buildTestApp, type TestApp } from '../support/test-app.js'

const OUT = 'test-output'
const PASSWORD = 'a long enough passphrase'
const WIDTHS = [375, 1280] as const

/**
 * The story form's pickers and the edition page's dragging, in Chromium with JavaScript: an
 * older lead photo chosen in the library's dialog, a topic found and one created among 300, a
 * guest suggested in the byline, a photo file dropped on the lead fieldset, an edition's story
 * dragged into place; axe on both pages with the pickers open, at 375 and 1280 px.
 */
describe('the newsroom desk’s pickers in Chromium', { skip: browserSkipReason() }, () => {
  let app: TestApp
  let b: Basics
  let browser: Browser
  let base = ''
  let lighthouse = 0
  let editionId = 0
  let png: Buffer

  before(async () => {
    execFileSync(process.execPath, ['scripts/build-editor.mjs'], { stdio: 'ignore' })
    fs.mkdirSync(OUT, { recursive: true })
    app = await buildTestApp('sqlite')
    b = await seedBasics(app)
    const { default: sharp } = await import('sharp')
    const photo = (background: string) =>
      sharp({ create: { width: 640, height: 400, channels: 3, background } })
        .png()
        .toBuffer()
    const store = async (background: string, alt: string) =>
      app.content.createImage(await processUpload(app.media, await photo(background)), {
        alt,
        caption: '',
        credit: 'Desk',
      })
    // The lighthouse is older than the twelve photos the form offers.
    lighthouse = await store('#4a6f8a', 'The lighthouse at Karsk in fog')
    for (let i = 0; i < 12; i++)
      await store(`#${(0x806040 + i * 0x0a0a0a).toString(16)}`, `Street ${i}`)
    png = await photo('#a0522d')
    for (let i = 0; i < 300; i++)
      await app.content.createTopic({
        slug: `topic-${i}`,
        name: `Topic ${String(i).padStart(3, '0')}`,
      })
    await app.content.createArticle(
      articleInput(b, { headline: 'Guest column', credits: [{ guest: 'Dr Ilse Varn' }] }),
    )
    for (let i = 0; i < 3; i++)
      await app.content.createArticle(articleInput(b, { headline: `Weekly story ${i}` }))
    await app.staff.addStaff({
      email: 'desk@example.org',
      name: 'Desk Editor',
      role: 'editor',
      password: PASSWORD,
    })
    const nl = await app.newsletters.createNewsletter({
      slug: 'weekly',
      name: 'Weekly',
      language: 'en',
    })
    editionId = await app.editions.createDraft(nl, { suggested: true, staffId: null })
    assert.ok(
      (await app.editions.findEdition(editionId))!.items.length >= 3,
      'three stories to order',
    )
    base = await listenLocally(app)
    browser = await launchChromium()
  })
  after(async () => {
    await browser?.close()
    await app?.close()
  })

  const signedIn = async (width = 1280): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${base}/admin/sign-in`)
    await page.fill('#email', 'desk@example.org')
    await page.fill('#password', PASSWORD)
    await page.click('form[action="/admin/sign-in"] button[type=submit]')
    await page.waitForURL(/\/admin\/articles/)
    return page
  }
  const newStory = async (page: Page, headline: string) => {
    await page.goto(`${base}/admin/articles/new`)
    await page.waitForSelector('.mh-editor-content')
    await page.waitForSelector('button.lead-search')
    await page.fill('#headline', headline)
  }
  const saveDraft = async (page: Page) => {
    await page.click('form.write button[name=intent][value=save]')
    await page.waitForURL(/\?saved=1/)
    return (await app.repo.findArticleById(
      Number(/\/admin\/articles\/(\d+)/.exec(page.url())![1]),
    ))!
  }
  const serious = async (page: Page) =>
    (await new AxeBuilder({ page }).setLegacyMode().analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)

  it('chooses a photo older than the latest twelve in the library’s dialog', async () => {
    const page = await signedIn()
    await newStory(page, 'Fog closes the harbour')
    assert.equal(await page.locator(`input[name=leadImageId][value="${lighthouse}"]`).count(), 0)
    await page.click('button.lead-search')
    await page.waitForSelector('dialog#mh-lead-picker[open] .mh-image-picker-choice')
    await page.fill('#mh-lead-picker-q', 'lighthouse')
    await page.waitForFunction(
      () => document.querySelectorAll('#mh-lead-picker .mh-image-picker-choice').length === 1,
    )
    await page.click('#mh-lead-picker .mh-image-picker-choice')
    await page.waitForSelector('dialog#mh-lead-picker[open]', { state: 'detached' })
    const radio = page.locator(`input[name=leadImageId][value="${lighthouse}"]`)
    assert.ok(await radio.isChecked())
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('name')),
      'leadImageId',
    )
    assert.equal((await saveDraft(page)).leadImage?.id, lighthouse)
    await page.context().close()
  })

  it('finds a topic among 300 and creates another, removable before the save', async () => {
    const page = await signedIn()
    await newStory(page, 'Dredging starts in the harbour')
    const visible = () => page.locator('.topic-list label:visible').count()
    assert.equal(await visible(), 0, 'nothing checked, nothing typed: no list')
    await page.fill('#topic-search', 'topic 1')
    assert.ok((await visible()) <= 12, 'a dozen matches at most')
    await page.fill('#topic-search', 'Topic 250')
    assert.equal(await visible(), 1)
    assert.ok(await page.locator('button.topic-create').isHidden(), 'it exists: nothing to create')
    await page.press('#topic-search', 'Enter')
    assert.ok(await page.locator('.topic-list input[value]:checked').count(), 'Enter checked it')
    await page.fill('#topic-search', 'Harbour dredging')
    await page.click('button.topic-create:has-text("Create topic “Harbour dredging”")')
    await page.fill('#topic-search', 'Tram fares')
    await page.press('#topic-search', 'Enter')
    assert.equal(await page.inputValue('#newTopics'), 'Harbour dredging, Tram fares')
    // Unticking removes the row itself, so a click (uncheck would wait for the gone box).
    await page.click('.topic-new[data-name="Tram fares"] input')
    assert.equal(await page.inputValue('#newTopics'), 'Harbour dredging')
    assert.equal(await page.locator('.topic-new').count(), 1)
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 })
      await page.fill('#topic-search', 'topic 2')
      assert.deepEqual(await serious(page), [], `topic picker at ${width}`)
      await page
        .locator('fieldset.topic-choices')
        .screenshot({ path: path.join(OUT, `desk-topics-${width}.png`) })
    }
    const a = await saveDraft(page)
    assert.deepEqual(a.topics.map((t) => t.name).sort(), ['Harbour dredging', 'Topic 250'])
    await page.context().close()
  })

  it('suggests a guest credited before, and credits them as a guest', async () => {
    const page = await signedIn()
    await newStory(page, 'A second column')
    assert.equal(await page.getAttribute('#byline-0', 'list'), 'byline-people')
    assert.equal(await page.textContent('#byline-people option[value="Dr Ilse Varn"]'), 'Guest')
    await page.fill('#byline-0', 'Dr Ilse Varn')
    const a = await saveDraft(page)
    assert.deepEqual(
      a.credits.map((c) => c.kind),
      ['guest'],
    )
    await page.context().close()
  })

  it('takes a photo file dropped on the lead fieldset, then asks for its alt text', async () => {
    const page = await signedIn()
    await newStory(page, 'Tugboats return')
    await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
      const files = new DataTransfer()
      files.items.add(new File([bytes], 'tugboat.png', { type: 'image/png' }))
      const box = document.querySelector('fieldset.lead-choices')!
      for (const type of ['dragenter', 'dragover', 'drop'])
        box.dispatchEvent(
          new DragEvent(type, { dataTransfer: files, bubbles: true, cancelable: true }),
        )
    }, png.toString('base64'))
    assert.equal(
      await page.evaluate(
        () => document.querySelector<HTMLInputElement>('#leadPhotoFile')!.files?.[0]?.name,
      ),
      'tugboat.png',
    )
    assert.match((await page.textContent('.lead-note')) ?? '', /New photo: tugboat\.png/)
    assert.ok(
      await page.evaluate(
        () => document.querySelector<HTMLInputElement>('#leadPhotoAlt')!.required,
      ),
    )
    await page.fill('#leadPhotoAlt', 'Two tugboats at the quay')
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 })
      await page.screenshot({ path: path.join(OUT, `desk-form-${width}.png`), fullPage: true })
    }
    await page.setViewportSize({ width: 1280, height: 900 })
    const a = await saveDraft(page)
    assert.equal(a.leadImage?.alt, 'Two tugboats at the quay')
    await page.context().close()
  })

  it('passes axe with the library’s dialog open, at 375 and 1280 px', async () => {
    const page = await signedIn()
    await newStory(page, 'Checked by axe')
    await page.click('button.lead-search')
    await page.waitForSelector('dialog#mh-lead-picker[open] .mh-image-picker-choice')
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 })
      assert.deepEqual(await serious(page), [], `dialog at ${width}`)
      await page.screenshot({ path: path.join(OUT, `desk-dialog-${width}.png`) })
    }
    await page.context().close()
  })

  it('reorders an edition’s stories by dragging one, and passes axe there', async () => {
    const page = await signedIn()
    await page.goto(`${base}/admin/editions/${editionId}`)
    await page.waitForSelector('.drag-handle')
    const order = () =>
      app.editions.findEdition(editionId).then((e) => e!.items.map((i) => i.articleId))
    const [first, , last] = await order()
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 })
      assert.deepEqual(await serious(page), [], `edition at ${width}`)
      await page.screenshot({ path: path.join(OUT, `desk-edition-${width}.png`), fullPage: true })
    }
    await page.setViewportSize({ width: 1280, height: 900 })
    // The last story dropped on the first one's upper half: it leads the edition.
    await page.dragAndDrop(`#story-${last} .drag-handle`, `#story-${first}`, {
      targetPosition: { x: 20, y: 4 },
    })
    await page.waitForURL(/done=saved/)
    const now = await order()
    assert.equal(now[0], last, JSON.stringify(now))
    assert.equal(now[1], first, JSON.stringify(now))
    await page.context().close()
  })
})
