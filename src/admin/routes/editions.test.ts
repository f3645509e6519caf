import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createMemoryTransport } from '../../email/index.js'
import { createEditionRepository, createNewsletterRepository } from '../../newsletter/index.js'
import { adminBrowser, type AdminBrowser } from '../../../test/support/admin-browser.js'
import { skipFor, testDialects } from '../../../test/support/dialects.js'
import { articleInput, seedBasics } from '../../../test/support/factories.js'
import { addSuppression } from '../../../test/support/newsletter.js'
import { buildTestApp, type TestApp } from '../../../test/support/test-app.js'

const PASSWORD = 'correct horse battery staple'

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

        // Up and down buttons, no numbers: the first story goes down twice.
        assert.match(page.body, new RegExp(`name="move" value="down:${suggested[0]}"`))
        assert.match(page.body, /name="move" value="up:\d+" disabled/, 'the first cannot go up')
        assert.doesNotMatch(page.body, /name="item_order"/)
        const form = (ids: number[], extra: Record<string, string>) => ({
          subject: 'Three stories',
          intro: 'Hello.',
          item_id: ids.map(String),
          item_blurb: ids.map((i) => `blurb ${i}`),
          ...extra,
        })
        let moved = await br.request('POST', editionUrl, {
          _csrf: await br.csrf(editionUrl),
          ...form(suggested, { move: `down:${suggested[0]}` }),
        })
        assert.equal(moved.statusCode, 303)
        assert.equal(moved.headers.location, `${editionUrl}?done=saved#story-${suggested[0]}`)
        const once = (await app.editions.findEdition(id))!.items.map((i) => i.articleId)
        assert.deepEqual(once, [suggested[1], suggested[0], suggested[2]])
        moved = await br.request('POST', editionUrl, {
          _csrf: await br.csrf(editionUrl),
          ...form(once, { move: `down:${suggested[0]}` }),
        })
        const twice = (await app.editions.findEdition(id))!
        assert.deepEqual(
          twice.items.map((i) => i.articleId),
          [suggested[1], suggested[2], suggested[0]],
        )
        assert.equal(twice.items[2]!.blurb, `blurb ${suggested[0]}`, 'the blurb moves with it')

        const reversed = [...suggested].reverse()
        const saved = await br.request('POST', editionUrl, {
          _csrf: await br.csrf(editionUrl),
          subject: 'Three stories',
          intro: 'Hello.',
          item_id: reversed.map(String),
          item_blurb: ['c', 'b', 'a'],
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
        // A second reader whose address bounced: in the list, skipped by the send.
        const bounced = await repo.subscriberId('gone@example.net', new Date())
        await repo.saveSubscription({
          subscriberId: bounced,
          newsletterId,
          status: 'confirmed',
          consentText: 't',
          now: new Date(),
        })
        await addSuppression(app.storage, 'gone@example.net', new Date())

        // The edition page shows the email: its HTML framed from the admin, its text inline.
        const shown = await br.request('GET', editionUrl)
        assert.match(shown.headers['content-security-policy'] as string, /frame-src 'self'/)
        assert.match(
          shown.body,
          new RegExp(`<iframe src="/admin/editions/${id}/email" sandbox title="[^"]+"`),
        )
        assert.match(shown.body, /<pre class="email-text">The Weekly\nThe Lantern\n\nHello\./)
        const html = await br.request('GET', `/admin/editions/${id}/email`)
        assert.equal(html.statusCode, 200)
        assert.match(html.body, /<!doctype html>/i)
        assert.match(html.body, /Three stories/)
        assert.equal(html.headers['x-frame-options'], 'SAMEORIGIN')
        assert.match(html.headers['content-security-policy'] as string, /frame-ancestors 'self'/)
        assert.doesNotMatch(html.body, /\{\{[0-9a-f]+:/, 'no placeholder left in the preview')

        const sendForm = {
          subject: 'Three stories',
          intro: 'Hello.',
          item_id: reversed.map(String),
          item_blurb: ['c', 'b', 'a'],
          action: 'send',
        }
        const asked = await br.request('POST', editionUrl, {
          _csrf: await br.csrf(editionUrl),
          ...sendForm,
        })
        assert.equal(asked.statusCode, 200, 'a confirmation first, nothing sent')
        assert.match(asked.body, /<h1>Send this edition now\?<\/h1>/)
        assert.match(asked.body, /<strong>1 reader<\/strong> of The Weekly/)
        assert.match(asked.body, /1 address that bounced or complained is skipped/)
        assert.match(asked.body, new RegExp(`action="/admin/editions/${id}/send"`))
        assert.equal((await app.editions.findEdition(id))!.status, 'draft')
        const confirmCsrf = /name="_csrf" value="([^"]+)"/.exec(asked.body)![1]!
        const sent = await br.request('POST', `/admin/editions/${id}/send`, {
          _csrf: confirmCsrf,
          sendAt: '',
        })
        assert.equal(sent.statusCode, 303)
        assert.equal(sent.headers.location, `${editionUrl}?done=sending`)
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
        assert.match(report.body, /2 of 2 handled/, 'the confirmed reader and the bounced one')
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
