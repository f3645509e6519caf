import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { type Browser } from 'playwright-core'
import { createMemoryTransport } from '../../src/email/index.js'
import { browserSkipReason, listenLocally, launchChromium } from '../support/browser.js'
import { articleInput, seedBasics } from '../support/factories.js'
import { buildTestApp, type TestApp } from '../support/test-app.js'
import { type TextBrowser, openW3m, w3mSkipReason } from '../support/w3m.js'

/**
 * Readers without JavaScript do what readers do: read, subscribe, give through the test
 * checkout, ask to be reminded later, find the other addresses. In w3m, a text browser with no
 * script and no CSS, keys are typed into a real w3m (test/support/w3m.ts), nothing is posted for
 * it; in Chromium with JavaScript off, by clicks. (Giving in Chromium: test/e2e/contributions.)
 */
describe('reader journeys without JavaScript', () => {
  const mail = createMemoryTransport()
  let app: TestApp
  let base = ''
  let article = ''

  before(async () => {
    app = await buildTestApp('sqlite', { mail })
    const b = await seedBasics(app)
    await app.contributions.saveAppeal(app.contributions.draftAppeal('en'))
    await app.newsletters.createNewsletter({
      slug: 'weekly',
      name: 'The Weekly',
      description: 'The week in one email.',
      cadence: 'Every Friday',
      language: 'en',
    })
    await app.reach.save([
      { kind: 'mirror', label: 'Mirror', value: 'https://mirror-one.example/' },
      { kind: 'other', label: 'Messenger', value: 'Our channel: @lantern_news' },
    ])
    const a = await app.content.createArticle(
      articleInput(b, {
        slug: 'river-crossing',
        headline: 'The last ferry across the river',
        body: '<p>The ferry ran for ninety years before the bridge opened.</p>',
      }),
    )
    const d = a.publishedAt!
    article = `/world/${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${a.slug}`
    base = await listenLocally(app)
  })

  after(async () => {
    await app?.close()
  })

  describe('in a text browser (w3m)', { skip: w3mSkipReason() }, () => {
    let w3m: TextBrowser | undefined
    after(() => w3m?.close())

    async function open(path: string): Promise<TextBrowser> {
      w3m?.close()
      w3m = await openW3m(base + path)
      return w3m
    }

    it('reads: the front page, then a story from its headline', async () => {
      const b = await open('/')
      await b.waitFor('The last ferry across the river')
      await b.find('The last ferry across the river')
      await b.press()
      const s = await b.waitFor('The ferry ran for ninety years before the bridge opened.')
      assert.match(s, /The last ferry across the river/)
      // The sign-up box has no field a reader is asked to leave alone.
      assert.doesNotMatch(s, /Leave this empty/)
    })

    it('subscribes: types an address, signs up, follows the emailed link', async () => {
      const b = await open('/newsletters')
      await b.waitFor('The Weekly')
      assert.doesNotMatch(b.screen(), /Leave this empty/)
      await b.find('Your email address')
      await b.next()
      await b.type('reader@example.org')
      await b.next()
      const n = mail.sent.length
      await b.press()
      await b.waitFor('Check your inbox')
      const confirm = mail.sent
        .slice(n)
        .find((m) => m.message.to === 'reader@example.org')
        ?.message.text.match(/https?:\/\/\S+\/newsletters\/confirm\/\S+/)?.[0]
      assert.ok(confirm, 'a confirmation email with its link was sent')
      await b.go(confirm)
      const s = await b.waitFor('You are subscribed to The Weekly')
      assert.match(s, /It arrives every Friday\. Every issue has a link to unsubscribe/)
    })

    it('gives: chooses an amount, continues, pays in the test checkout', async () => {
      const b = await open(article)
      await b.waitFor('€10 a month')
      // The radio button stands before its label: find the label, step back, choose.
      await b.find('€10 a month')
      await b.prev()
      await b.press()
      await b.waitFor(/\(\*\) ?€10 a month/)
      await b.find('Continue')
      await b.press()
      await b.waitFor('TEST MODE')
      await b.find('Pay €10 a month')
      await b.press()
      await b.waitFor('Thank you')
      const [c] = await app.contributions.listPage(1)
      assert.equal(c?.status, 'active')
      assert.equal(c?.amount, 1000)
      assert.equal(c?.frequency, 'monthly')
      // Back at the story, the same w3m (its cookie) sees no appeal.
      await b.go(base + article)
      await b.waitFor('The ferry ran for ninety years')
      assert.doesNotMatch(b.screen(), /Remind me later/)
    })

    it('"Remind me later" hides the appeal for this reader', async () => {
      const b = await open(article)
      await b.waitFor('Remind me later')
      await b.find('Remind me later')
      await b.press()
      await b.waitForNo('Remind me later')
      assert.match(await b.waitFor('The ferry ran for ninety years'), /The last ferry/)
    })

    it('finds the other addresses from the footer of any page', async () => {
      const b = await open(article)
      await b.waitFor('How to reach us')
      await b.find('How to reach us')
      await b.press()
      // The last line asked about: w3m draws the new page over the old one line by line, so a
      // screen caught when the first address shows may still hold the story's lines below it.
      const s = await b.waitFor('@lantern_news')
      // Each label apart from its address (by a colon the stylesheet hides elsewhere).
      assert.match(s, /Mirror: https:\/\/mirror-one\.example\//)
      assert.match(s, /Messenger: Our channel: @lantern_news/)
    })
  })

  describe('in Chromium with JavaScript off', { skip: browserSkipReason() }, () => {
    let browser: Browser
    before(async () => {
      browser = await launchChromium()
    })
    after(() => browser?.close())

    async function device() {
      const ctx = await browser.newContext({ javaScriptEnabled: false })
      const page = await ctx.newPage()
      const foreign: string[] = []
      page.on('request', (r) => {
        if (!r.url().startsWith(base) && !r.url().startsWith('data:')) foreign.push(r.url())
      })
      return { ctx, page, foreign }
    }

    it('reads, subscribes and finds the other addresses', async () => {
      const { ctx, page, foreign } = await device()
      try {
        await page.goto(base + '/')
        await page.getByRole('link', { name: 'The last ferry across the river' }).first().click()
        await page.waitForURL(base + article)
        assert.match(await page.locator('main').innerText(), /ferry ran for ninety years/)

        await page.goto(base + '/newsletters')
        await page.getByLabel('Your email address').fill('second@example.org')
        const n = mail.sent.length
        await page.getByRole('button', { name: 'Sign up' }).click()
        await page.getByRole('heading', { name: 'Check your inbox' }).waitFor()
        const link = mail.sent
          .slice(n)
          .find((m) => m.message.to === 'second@example.org')
          ?.message.text.match(/https?:\/\/\S+\/newsletters\/confirm\/\S+/)?.[0]
        assert.ok(link, 'a confirmation email with its link was sent')
        await page.goto(link)
        await page.getByRole('heading', { name: 'You are subscribed to The Weekly' }).waitFor()

        await page.getByRole('link', { name: /How to reach us/ }).click()
        await page.getByRole('heading', { name: 'How to reach us' }).waitFor()
        assert.match(await page.locator('main').innerText(), /mirror-one\.example/)
        assert.deepEqual(foreign, [])
      } finally {
        await ctx.close()
      }
    })
  })
})
