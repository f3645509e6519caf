import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createMemoryTransport } from '../email/index.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { articleInput, seedBasics } from '../../test/support/factories.js'
import { until } from '../../test/support/smtp-sink.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

for (const dialect of testDialects) {
  describe(
    `${dialect}: an edition never goes to a suppressed address`,
    { skip: await skipFor(dialect) },
    () => {
      let app: TestApp
      const mail = createMemoryTransport()
      let nl = 0
      let article = 0

      before(async () => {
        app = await buildTestApp(dialect, {
          mail,
          env: { PUBLIC_URL: 'http://example.org', MAIL_FROM: 'news@example.org' },
          jobPollMs: 20,
        })
        const b = await seedBasics(app)
        article = (await app.content.createArticle(articleInput(b))).id
        nl = await app.newsletters.createNewsletter({
          slug: 'weekly',
          name: 'Weekly',
          language: 'en',
        })
        const lines = ['email,newsletter,status,consent_text,consent_at']
        for (const who of ['keep', 'bounced', 'complained'])
          lines.push(`${who}@example.org,weekly,confirmed,I agree,2026-01-01T00:00:00Z`)
        await app.subscribers.importCsv(lines.join('\n'))
        await app.subscribers.suppress(
          [
            { email: 'bounced@example.org', reason: 'bounce', detail: '' },
            { email: 'complained@example.org', reason: 'complaint', detail: '' },
          ],
          'test',
        )
        await app.startWorker()
      })
      after(() => app?.close())

      it('leaves them out of the snapshot and sends to the rest', async () => {
        assert.deepEqual(
          (await app.subscribers.deliverableRecipients(nl).execute()).map((r) => r.email),
          ['keep@example.org'],
        )
        const id = await app.editions.createDraft(nl, { suggested: false, staffId: null })
        await app.editions.update(id, {
          subject: 'This week',
          intro: '',
          items: [{ articleId: article, blurb: '' }],
        })
        await app.editions.approve(id, null)
        await until(async () => (await app.editions.findEdition(id))?.status === 'sent', 'sent')
        const to = mail.sent.map((m) => m.message.to)
        assert.deepEqual(to, ['keep@example.org'])
        // The suppressed addresses are in the snapshot, counted apart and never sent.
        const counts = (await app.editions.deliveryCounts([id])).get(id)!
        assert.equal(counts.sent, 1)
        assert.equal(counts.suppressed, (await app.editions.findEdition(id))!.recipients - 1)
        assert.ok(counts.suppressed > 0)
      })
    },
  )
}
