import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createMemoryTransport } from '../../email/index.js'
import { createEditionRepository, createNewsletterRepository } from '../../newsletter/index.js'
import { adminBrowser, type AdminBrowser } from '../../../test/support/admin-browser.js'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { articleInput, seedBasics } from '../../../test/support/factories.js'
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js'
import { itemsFromForm } from './editions.js'

const PASSWORD = 'correct horse battery staple'

describe('edition form parsing', () => {
  it('orders items by the typed position, drops taken-out ones, and appends the added one', () => {
    assert.deepEqual(
      itemsFromForm({
        item_id: ['5', '6', '7'],
        item_order: ['3', '1', '2'],
        item_blurb: ['five', 'six', 'seven'],
        item_remove: '7',
        add: '9',
      }),
      [
        { articleId: 6, blurb: 'six' },
        { articleId: 5, blurb: 'five' },
        { articleId: 9, blurb: '' },
      ],
    )
    assert.deepEqual(itemsFromForm({ item_id: ['x', '0'], add: '1e3' }), [], 'junk ids ignored')
  })
})

for (const dialect of testDialects) {
  describe(
    `${dialect}: editions in the admin and the public archive`,
    { skip: await skipFor(dialect) },
    () => {
      let app: TestApp
      let br: AdminBrowser
      const mail = createMemoryTransport()
      let newsletterId = 0
      const articleIds: number[] = []

      before(async () => {
        app = await buildTestApp(dialect, { mail, env: { PUBLIC_URL: 'http://example.org' } })
        const b = await seedBasics(app)
        for (let i = 0; i < 3; i++)
          articleIds.push((await app.content.createArticle(articleInput(b))).id)
        await app.staff.addStaff({
          email: 'editor@example.org',
          name: 'Eda',
          role: 'editor',
          password: PASSWORD,
        })
        newsletterId = await app.newsletters.createNewsletter({
          slug: 'weekly',
          name: 'The Weekly',
          language: 'en',
        })
        br = adminBrowser(app.http)
        await br.signIn('editor@example.org', PASSWORD)
      })
      after(() => app.close())

      it('saves sender and schedule, and refuses a bad time zone or sender with clear messages', async () => {
        const url = `/admin/newsletters/${newsletterId}`
        const ok = await br.request('POST', `${url}/settings`, {
          _csrf: await br.csrf(url),
          senderName: 'The Weekly desk',
          senderAddress: 'Weekly@Example.org',
          scheduleMode: 'draft',
          scheduleDay: '5',
          scheduleTime: '08:00',
          scheduleTz: 'Europe/Riga',
        })
        assert.equal(ok.statusCode, 200)
        assert.match(ok.body, /Saved the sender and schedule/)
        const n = (await app.newsletters.listNewsletters()).find((x) => x.id === newsletterId)!
        assert.deepEqual(
          [
            n.senderName,
            n.senderAddress,
            n.scheduleMode,
            n.scheduleDay,
            n.scheduleTime,
            n.scheduleTz,
          ],
          ['The Weekly desk', 'weekly@example.org', 'draft', 5, '08:00', 'Europe/Riga'],
        )
        const bad = await br.request('POST', `${url}/settings`, {
          _csrf: await br.csrf(url),
          senderName: 'Desk\r\nBcc: x@example.com',
          senderAddress: 'not an address',
          scheduleMode: 'send',
          scheduleDay: '',
          scheduleTime: '25:00',
          scheduleTz: 'Mars/Olympus',
        })
        assert.equal(bad.statusCode, 422)
        for (const m of [
          /senderName: one line/,
          /senderAddress: must be an email address/,
          /scheduleTime: a time such as 08:00/,
          /scheduleTz: a time zone/,
        ])
          assert.match(bad.body, m)
        const still = (await app.newsletters.listNewsletters()).find((x) => x.id === newsletterId)!
        assert.equal(still.scheduleTz, 'Europe/Riga', 'nothing changed')
      })

      it('starts an edition from this week’s stories, reorders it, sends a test, then sends it', async () => {
        const url = `/admin/newsletters/${newsletterId}`
        const made = await br.request('POST', `${url}/editions`, {
          _csrf: await br.csrf(url),
          start: 'suggested',
        })
        assert.equal(made.statusCode, 303)
        const editionUrl = made.headers.location as string
        assert.match(editionUrl, /^\/admin\/editions\/\d+$/)
        const id = Number(editionUrl.split('/').pop())
        const page = await br.request('GET', editionUrl)
        assert.equal(page.statusCode, 200)
        const suggested = (await app.editions.findEdition(id))!.items.map((i) => i.articleId)
        assert.deepEqual([...suggested].sort(), [...articleIds].sort(), 'the week’s three stories')

        const reversed = [...suggested].reverse()
        const saved = await br.request('POST', editionUrl, {
          _csrf: await br.csrf(editionUrl),
          subject: 'Three stories',
          intro: 'Hello.',
          item_id: suggested.map(String),
          item_order: ['3', '2', '1'],
          item_blurb: ['a', 'b', 'c'],
          action: 'test',
        })
        assert.equal(saved.statusCode, 200)
        assert.match(saved.body, /a test went to editor@example\.org/)
        const e = (await app.editions.findEdition(id))!
        assert.deepEqual(
          e.items.map((i) => i.articleId),
          reversed,
        )
        assert.deepEqual(
          e.items.map((i) => i.blurb),
          ['c', 'b', 'a'],
        )
        const test = mail.sent.at(-1)!.message
        assert.equal(test.subject, '[Test] Three stories')
        assert.deepEqual(test.from, { name: 'The Weekly desk', address: 'weekly@example.org' })

        const repo = createNewsletterRepository(app.storage.db)
        const sub = await repo.subscriberId('reader@example.net', new Date())
        await repo.saveSubscription({
          subscriberId: sub,
          newsletterId,
          status: 'confirmed',
          consentText: 't',
          now: new Date(),
        })
        const sent = await br.request('POST', editionUrl, {
          _csrf: await br.csrf(editionUrl),
          subject: 'Three stories',
          intro: 'Hello.',
          item_id: reversed.map(String),
          item_order: ['1', '2', '3'],
          item_blurb: ['c', 'b', 'a'],
          action: 'send',
        })
        assert.equal(sent.statusCode, 303)
        assert.equal((await app.editions.findEdition(id))!.status, 'approved')
        // No worker runs in this app: do what one would.
        assert.equal(await app.sender.send(id), 'finished')
        // The test copy carried the headers the reader's copy did (RFC 8058 and List-Id).
        const readerCopy = mail.sent.at(-1)!.message
        assert.equal(readerCopy.to, 'reader@example.net')
        assert.deepEqual(
          Object.keys(test.headers ?? {}).sort(),
          Object.keys(readerCopy.headers ?? {}).sort(),
        )
        assert.equal(test.headers?.['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click')
        assert.match(
          test.headers?.['List-Unsubscribe'] ?? '',
          /^<http:\/\/example\.org\/newsletters>/,
        )
        assert.equal(test.headers?.['List-Id'], readerCopy.headers?.['List-Id'])
        const report = await br.request('GET', editionUrl)
        assert.match(report.body, /1 of 1 handled/)
        assert.doesNotMatch(report.body, /name="subject"/, 'a sent edition is no longer a form')
        const late = await br.request('POST', editionUrl, {
          _csrf: await br.csrf(`${url}`),
          subject: 'Changed after sending',
          action: 'save',
        })
        assert.equal(late.statusCode, 409)
        assert.equal((await app.editions.findEdition(id))!.subject, 'Three stories')

        // The archive and the web version, as readers see them.
        const archive = await app.http.inject({
          url: '/newsletters/weekly/archive',
          headers: { host: 'mirror.example.net' },
        })
        assert.equal(archive.statusCode, 200)
        assert.match(archive.body, new RegExp(`href="/newsletters/weekly/issues/${id}"`))
        const web = await app.http.inject({
          url: `/newsletters/weekly/issues/${id}`,
          headers: { host: 'mirror.example.net' },
        })
        assert.equal(web.statusCode, 200)
        assert.match(web.body, /<h1>Three stories<\/h1>/)
        assert.match(web.body, /href="\/world\/\d{4}\/\d{2}\/story-number-/)
        // Drafts and other newsletters' numbers are not in the archive.
        const draft = await app.editions.createDraft(newsletterId, {
          suggested: false,
          staffId: null,
        })
        for (const u of [
          `/newsletters/weekly/issues/${draft}`,
          '/newsletters/weekly/issues/99999',
          '/newsletters/weekly/archive?page=0',
          '/newsletters/weekly/archive?page=9',
        ])
          assert.equal(
            (await app.http.inject({ url: u, headers: { host: 'example.org' } })).statusCode,
            404,
            u,
          )
      })
    },
  )
}

for (const dialect of testDialects) {
  describe(
    `${dialect}: no sends in production without an https PUBLIC_URL`,
    { skip: await skipFor(dialect) },
    () => {
      let app: TestApp
      let br: AdminBrowser
      let editionId = 0

      before(async () => {
        app = await buildTestApp(dialect, { env: { NODE_ENV: 'production' } })
        const b = await seedBasics(app)
        const a = await app.content.createArticle(articleInput(b))
        await app.staff.addStaff({
          email: 'editor@example.org',
          name: 'Eda',
          role: 'editor',
          password: PASSWORD,
        })
        const newsletterId = await app.newsletters.createNewsletter({
          slug: 'weekly',
          name: 'The Weekly',
          language: 'en',
        })
        editionId = await app.editions.createDraft(newsletterId, {
          suggested: false,
          staffId: null,
        })
        await app.editions.update(editionId, {
          subject: 'One story',
          intro: '',
          items: [{ articleId: a.id, blurb: '' }],
        })
        br = adminBrowser(app.http)
        await br.signIn('editor@example.org', PASSWORD)
      })
      after(() => app.close())

      it('says so in the admin, refuses to approve, and a queued send waits', async () => {
        const url = `/admin/editions/${editionId}`
        const page = await br.request('GET', url)
        assert.match(page.body, /role="alert"><p>Sending is off: PUBLIC_URL is not set/)
        const sent = await br.request('POST', url, {
          _csrf: await br.csrf(url),
          subject: 'One story',
          intro: '',
          action: 'send',
        })
        assert.equal(sent.statusCode, 409)
        assert.match(sent.body, /Sending is off/)
        assert.equal((await app.editions.findEdition(editionId))!.status, 'draft')
        await assert.rejects(app.editions.approve(editionId, null), {
          code: 'SEND_NEEDS_PUBLIC_URL',
        })
        // An edition approved before (or by a schedule) is not sent either: it waits, approved.
        const repo = createEditionRepository(app.storage.db)
        assert.ok(await repo.setStatus(editionId, ['draft'], 'approved', new Date(), new Date()))
        assert.equal(await app.sender.send(editionId), 'not-sendable')
        assert.equal((await app.editions.findEdition(editionId))!.status, 'approved')
      })
    },
  )
}
