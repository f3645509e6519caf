// Every copy of an edition ends with the newsroom's addresses exactly once, whether the sender
// sends it as raw bytes from the bulk template (SMTP) or composes it whole (a transport without
// a raw path, or a copy whose values need other encodings).
import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import { createMemoryTransport, createSmtpTransport } from '../email/index.js'
import { skipFor, testDialects } from '../../test/support/dialects.js'
import { draftEditionOfOneStory } from '../../test/support/newsletter.js'
import { startSmtpSink } from '../../test/support/smtp-sink.js'
import { buildTestApp, type TestApp } from '../../test/support/test-app.js'

const READERS = ['one@example.net', 'two@example.net', 'three@example.net']
const count = (text: string) => text.match(/reach us at:/g)?.length ?? 0

async function editionWithAddresses(app: TestApp): Promise<number> {
  await app.reach.save([{ kind: 'primary', label: '', value: 'https://lantern.example/' }])
  const { editionId } = await draftEditionOfOneStory(app, app.storage, {
    emails: READERS,
    subject: 'With our addresses',
    intro: 'One footer each.',
  })
  await app.editions.approve(editionId, null)
  assert.equal(await app.sender.send(editionId), 'finished')
  return editionId
}

for (const dialect of testDialects) {
  describe(`${dialect}: the addresses footer on editions`, { skip: await skipFor(dialect) }, () => {
    const apps: TestApp[] = []
    after(async () => {
      for (const a of apps) await a.close()
    })

    it('is in each copy once when copies are composed whole', async () => {
      const mail = createMemoryTransport()
      const app = await buildTestApp(dialect, {
        mail,
        env: { PUBLIC_URL: 'https://news.example.org', MAIL_FROM: 'news@example.org' },
      })
      apps.push(app)
      await editionWithAddresses(app)
      assert.equal(mail.sent.length, READERS.length)
      for (const s of mail.sent) {
        assert.equal(count(s.message.text), 1, s.message.text)
        assert.equal(count(s.message.html ?? ''), 1)
        assert.match(s.message.text, /https:\/\/lantern\.example\//)
      }
    })

    it('speaks a Russian newsletter’s language, with its links inside the Russian edition', async () => {
      const mail = createMemoryTransport()
      const app = await buildTestApp(dialect, {
        mail,
        env: {
          PUBLIC_URL: 'https://news.example.org',
          MAIL_FROM: 'news@example.org',
          SITE_LANGUAGES: 'en,ru',
          SITE_NAME_RU: 'Фонарь',
        },
      })
      apps.push(app)
      await app.reach.save([{ kind: 'primary', label: '', value: 'https://lantern.example/' }])
      const { editionId } = await draftEditionOfOneStory(app, app.storage, {
        emails: READERS,
        subject: 'Неделя',
        intro: 'Главное.',
        language: 'ru',
      })
      await app.editions.approve(editionId, null)
      assert.equal(await app.sender.send(editionId), 'finished')
      assert.equal(mail.sent.length, READERS.length)
      for (const s of mail.sent) {
        const { text, html = '' } = s.message
        assert.equal(s.message.language, 'ru')
        assert.match(text, /^Фонарь$/m)
        assert.match(
          text,
          /^Открыть в браузере: https:\/\/news\.example\.org\/ru\/newsletters\/weekly\/issues\//m,
        )
        assert.match(
          text,
          /^Отписаться или выбрать другие рассылки: https:\/\/news\.example\.org\/ru\/newsletters\/unsubscribe\//m,
        )
        assert.match(text, /^Конфиденциальность: https:\/\/news\.example\.org\/ru\/privacy$/m)
        assert.match(text, /Если наш сайт заблокирован, мы здесь: https:\/\/lantern\.example\//)
        assert.match(
          s.message.headers?.['List-Unsubscribe'] ?? '',
          /<https:\/\/news\.example\.org\/ru\/newsletters\/unsubscribe\//,
        )
        assert.match(html, /Читать материал/)
        assert.doesNotMatch(
          `${text}${html}`,
          /reach us at|Read this in your browser|Read the story/,
        )
      }
    })

    it('is in each copy once when copies go out raw over SMTP', async () => {
      const sink = await startSmtpSink()
      const app = await buildTestApp(dialect, {
        mail: createSmtpTransport({ url: sink.url }),
        env: { PUBLIC_URL: 'https://news.example.org', MAIL_FROM: 'news@example.org' },
      })
      apps.push(app)
      try {
        await editionWithAddresses(app)
        assert.equal(sink.received.length, READERS.length)
        for (const m of sink.received) {
          // Quoted-printable may fold a line: join the soft breaks first.
          const [text, html] = m.raw.replace(/=\r\n/g, '').split(/Content-Type: text\/html/i)
          assert.equal(count(text!), 1, 'once in the text part')
          assert.equal(count(html!), 1, 'once in the HTML part')
        }
      } finally {
        await sink.close()
      }
    })
  })
}
