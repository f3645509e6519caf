import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createMemoryTransport } from '../email/index.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { seedBasics } from '../../test/support/factories.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

for (const dialect of testDialects) {
  describe(
    `${dialect}: the confirmation email is in the newsletter's language`,
    { skip: await skipFor(dialect) },
    () => {
      let app: TestApp
      const mail = createMemoryTransport()
      before(async () => {
        app = await buildTestApp(dialect, {
          mail,
          env: { PUBLIC_URL: 'http://example.org', SITE_LANGUAGES: 'en,ru' },
        })
        await seedBasics(app)
      })
      after(() => app?.close())

      it('writes a Russian newsletter confirmation in Russian, with the link and unsubscribe header', async () => {
        const id = await app.newsletters.createNewsletter({
          slug: 'nedelya',
          name: 'Неделя',
          description: 'Главное за неделю.',
          cadence: 'Каждую пятницу',
          language: 'ru',
        })
        assert.equal(
          await app.newsletters.signUp('chitatel@example.org', id, 'http://example.org'),
          'sent',
        )
        const m = mail.sent.at(-1)!.message
        assert.equal(m.subject, 'Подтвердите подписку на рассылку «Неделя»')
        assert.match(
          m.text,
          /^Пожалуйста, подтвердите, что хотите получать рассылку «Неделя» \(каждую пятницу\):/,
        )
        // The link opens the Russian edition's confirmation page.
        assert.match(m.text, /http:\/\/example\.org\/ru\/newsletters\/confirm\//)
        assert.match(m.html ?? '', /Да, присылайте<\/a>/)
        assert.match(m.headers?.['List-Unsubscribe'] ?? '', /newsletters\/unsubscribe/)
      })

      it('keeps English for an English newsletter', async () => {
        const id = await app.newsletters.createNewsletter({
          slug: 'weekly',
          name: 'The Weekly',
          description: '',
          cadence: '',
          language: 'en',
        })
        await app.newsletters.signUp('reader@example.org', id, 'http://example.org')
        const m = mail.sent.at(-1)!.message
        assert.equal(m.subject, 'Confirm your subscription to The Weekly')
        assert.match(m.text, /^Please confirm that you want The Weekly:/)
      })
    },
  )
}
