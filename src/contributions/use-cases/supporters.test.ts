import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openTestStorage, skipFor, testDialects } from '../../../test/support/dialects.js'
import { createMemoryTransport } from '../../email/index.js'
import { fixedClock } from '../../lib/clock.js'
import type { Storage } from '../../storage/index.js'
import {
  type ContributionsRepository,
  createContributionsRepository,
} from '../contributions-repository.js'
import { type Signer, createSupporterService } from './supporters.js'

const NOW = new Date('2026-11-26T12:00:00Z')
const ORIGIN = 'https://news.example'
// A stand-in for the staff service's HMAC: enough to tell genuine links from forged ones.
const signer: Signer = {
  sign: async (d) => `sig-${d.length}`,
  verifySigned: async (d, s) => s === `sig-${d.length}`,
}

for (const dialect of testDialects) {
  describe(`${dialect}: supporters`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    let repo: ContributionsRepository
    let giftId = 0
    const mail = createMemoryTransport()
    const clock = fixedClock(NOW)
    const service = (withMail = true) =>
      createSupporterService({
        repo,
        clock,
        card: null,
        siteName: 'The Lantern',
        siteNames: { en: 'The Lantern', ru: 'Фонарь' },
        languages: ['en', 'ru'],
        ...(withMail ? { mail: { transport: mail, from: 'news@example.org', signer } } : {}),
      })

    before(async () => {
      storage = await openTestStorage(dialect)
      repo = createContributionsRepository(storage.db)
      giftId = await repo.insertContribution(
        {
          provider: 'test',
          method: 'card',
          checkoutRef: 'test_x',
          amount: 500,
          currency: 'EUR',
          frequency: 'monthly',
          language: 'en',
        },
        NOW,
      )
      await repo.onceForEvent(
        { id: 'e1', provider: 'test', type: 'test.paid' },
        NOW,
        async (tx) => {
          const c = (await tx.find({ id: giftId }))!
          await tx.save({ ...c, status: 'active', email: 'sam@example.org', paidAt: NOW })
        },
      )
    })
    after(() => storage?.close())

    it('emails a manage link only to an address with a running gift, and checks the link', async () => {
      await service().requestManageLink('nobody@example.org', ORIGIN)
      assert.equal(mail.sent.length, 0)
      await service().requestManageLink(' SAM@example.org ', ORIGIN)
      assert.equal(mail.sent.length, 1)
      const text = mail.sent[0]!.message.text ?? ''
      const m = /\/support\/manage\/(\d+)\/(\d+)\/(\S+)/.exec(text)
      assert.ok(m, text)
      const [, id, exp, sig] = m
      assert.equal((await service().checkManageLink(id!, exp!, sig!))?.id, giftId)
      assert.equal(await service().checkManageLink(id!, exp!, 'forged'), undefined)
      assert.equal(await service().checkManageLink('0', exp!, sig!), undefined)
      clock.set(new Date(NOW.getTime() + 25 * 3600_000))
      assert.equal(await service().checkManageLink(id!, exp!, sig!), undefined)
      clock.set(NOW)
      await assert.rejects(
        service().requestManageLink('not an address', ORIGIN),
        (e: { code?: string }) => e.code === 'VALIDATION_FAILED',
      )
    })

    it('has no portal without a gateway that offers one', async () => {
      const c = (await repo.find({ id: giftId }))!
      assert.equal(await service().portalFor({ ...c, customerRef: 'cus_1' }, ORIGIN), undefined)
    })

    it('stores a reminder with its consent and sends it once, in its month', async () => {
      const months = service().reminderMonths()
      assert.equal(months.length, 12)
      assert.equal(months[0], '2026-12')
      assert.match(service().reminderConsent('2026-12'), /2026-12|December/)
      await assert.rejects(
        service().requestReminder({ email: 'r@example.org', month: '2026-11', language: 'en' }),
        (e: { code?: string }) => e.code === 'VALIDATION_FAILED',
      )
      await service().requestReminder({ email: ' R@example.org', month: '2026-12', language: 'en' })
      assert.equal(await repo.countReminders(), 1)
      const before = mail.sent.length
      assert.equal(await service().sendDueReminders(ORIGIN), 0)
      assert.equal(await service(false).sendDueReminders(ORIGIN), 0)
      clock.set('2026-12-02T09:00:00Z')
      assert.equal(await service().sendDueReminders(undefined), 0)
      assert.equal(await service().sendDueReminders(ORIGIN), 1)
      assert.equal(await service().sendDueReminders(ORIGIN), 0)
      assert.equal(mail.sent.length, before + 1)
      assert.equal(mail.sent.at(-1)!.message.to, 'r@example.org')
      assert.equal(await repo.countReminders(), 0)
    })

    it('writes the manage link and the reminder in the reader’s language, links in their edition', async () => {
      clock.set(NOW)
      const sent = mail.sent.length
      await service().requestManageLink('sam@example.org', ORIGIN, 'ru')
      const m = mail.sent.at(-1)!.message
      assert.equal(mail.sent.length, sent + 1)
      assert.equal(m.subject, 'Управление поддержкой Фонарь')
      assert.deepEqual(m.from, { name: 'Фонарь', address: 'news@example.org' })
      assert.equal(m.language, 'ru')
      // The amount as Russian writes it, the link inside the Russian edition.
      assert.match(
        m.text,
        /^5\s€ в месяц: https:\/\/news\.example\/ru\/support\/manage\/\d+\/\d+\/\S+$/m,
      )
      assert.match(m.text, /Перейдите по ссылке в течение 24 часов/)
      assert.doesNotMatch(m.text, /[A-Za-z]{4,} (?:the|a|to|you)\b/)

      // The consent shown on the Russian page, and the one stored, name the month in Russian.
      assert.match(
        service().reminderConsent(null, 'ru'),
        /^Прошу один раз написать мне \(в выбранный мной месяц\)/,
      )
      await service().requestReminder({ email: 'ru@example.org', month: '2027-01', language: 'ru' })
      const row = await storage.db
        .selectFrom('contribution_reminder')
        .select(['consent_text', 'language'])
        .where('email', '=', 'ru@example.org')
        .executeTakeFirstOrThrow()
      assert.equal(row.language, 'ru')
      assert.match(row.consent_text, /\(январь 2027 г\.\) и напомнить о поддержке Фонарь/)
      clock.set('2027-01-03T09:00:00Z')
      assert.equal(await service().sendDueReminders(ORIGIN), 1)
      const r = mail.sent.at(-1)!.message
      assert.equal(r.subject, 'Напоминание от Фонарь, как вы просили')
      assert.match(r.text, /Вы просили напомнить вам о поддержке Фонарь \(январь 2027 г\.\)/)
      assert.match(r.text, /https:\/\/news\.example\/ru\/support$/m)
      assert.match(r.text, /ваш адрес уже удалён/)
      clock.set(NOW)
    })
  })
}
