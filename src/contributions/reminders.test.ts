import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createMemoryTransport } from '../email/index.js'
import { fixedClock } from '../lib/clock.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

for (const dialect of testDialects) {
  describe(`${dialect}: contribution reminders`, { skip: await skipFor(dialect) }, () => {
    let app: TestApp
    const mail = createMemoryTransport()
    const clock = fixedClock('2026-11-27T12:00:00Z')
    before(async () => {
      app = await buildTestApp(dialect, { mail, clock })
    })
    after(() => app?.close())

    it('sends each reminder once in its month and deletes the address', async () => {
      await app.contributions.requestReminder({
        email: 'one@example.org',
        month: '2026-12',
        language: 'en',
      })
      await app.contributions.requestReminder({
        email: 'two@example.org',
        month: '2027-03',
        language: 'en',
      })
      const rows = await app.storage.db.selectFrom('contribution_reminder').selectAll().execute()
      assert.equal(rows.length, 2)
      // The month as the reader's language names it, in the words their page showed.
      assert.match(rows[0]!.consent_text, /once in December 2026 .* deletes it\.$/)
      assert.equal(await app.contributions.sendDueReminders('https://news.example'), 0)
      clock.set('2026-12-01T09:00:00Z')
      assert.equal(await app.contributions.sendDueReminders(undefined), 0) // no PUBLIC_URL: wait
      assert.equal(await app.contributions.sendDueReminders('https://news.example'), 1)
      assert.equal(await app.contributions.sendDueReminders('https://news.example'), 0)
      assert.equal(mail.sent.length, 1)
      assert.equal(mail.sent[0]!.message.to, 'one@example.org')
      assert.match(mail.sent[0]!.message.text, /https:\/\/news\.example\/support/)
      const left = await app.storage.db
        .selectFrom('contribution_reminder')
        .select('email')
        .execute()
      assert.deepEqual(
        left.map((r) => r.email),
        ['two@example.org'],
      )
    })
  })
}
