// The edition's email built the new way (composed once, each copy filled in: editionMessage,
// editionCopy, prepareBulk) against the way the sender built it before (every message filled and
// composed whole by nodemailer): the same header fields and the same body bytes, once the Date
// and the random multipart boundary are set aside.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createMemoryTransport, type Message, prepareBulk } from '../email/index.js'
import { compileTemplate, editionCopy, editionMessage, fillTemplate } from './edition.js'
import { renderEdition } from './edition-render.js'
import { escapeHtml } from '../lib/text.js'

const normalise = (raw: string) => {
  const boundary = /boundary="([^"]+)"/.exec(raw)?.[1] ?? 'none'
  return raw
    .split(boundary)
    .join('BOUNDARY')
    .replace(/^Date: .*$/m, 'Date: (date)')
}
const split = (raw: string) => {
  const at = raw.indexOf('\r\n\r\n')
  return { fields: raw.slice(0, at).split(/\r\n(?![ \t])/), body: raw.slice(at) }
}

describe('an edition email, composed once and filled per reader, is the message it was before', () => {
  it('for readers with +, long, quoted-looking and plain addresses; a non-ASCII sender and list name', async () => {
    const rendered = await renderEdition({
      siteName: 'Le Réverbère',
      newsletterName: 'La Semaine — édition du soir',
      subject: 'Ce que nous avons appris cette semaine à Varèse, et pourquoi cela compte',
      intro: 'Chère lectrice, cher lecteur,\n\nVoici la semaine · en bref.',
      items: Array.from({ length: 6 }, (_, i) => ({
        kicker: i % 2 ? 'Enquête' : null,
        headline: `Une histoire numéro ${i + 1}, « entre guillemets » & <balises>`,
        blurb: 'Pourquoi nous l’avons choisie, en une phrase ou deux.',
        url: `https://news.example.org/monde/2026/12/histoire-${i + 1}`,
      })),
      webUrl: 'https://news.example.org/newsletters/semaine/issues/7',
      privacyUrl: 'https://news.example.org/privacy',
      language: 'fr',
    })
    const common = {
      html: rendered.htmlSource,
      text: rendered.textSource,
      marker: rendered.marker,
      subject: 'Ce que nous avons appris cette semaine à Varèse, et pourquoi cela compte',
      from: { name: 'Zoë de La Semaine', address: 'news@example.org' },
      newsletterName: 'La Semaine — édition du soir',
      slug: 'semaine',
      domain: 'example.org',
      mailFrom: 'news@example.org',
    }
    const bulk = await prepareBulk(editionMessage(common))
    const readers = [
      'reader@example.net',
      'reader+semaine@example.net',
      "o'neil=x&y@example.org",
      `${'a'.repeat(30)}+${'b'.repeat(33)}@${'sub'.repeat(20)}.${'c'.repeat(60)}.example.com`,
    ]
    const mail = createMemoryTransport()
    for (const [i, email] of readers.entries()) {
      const signature = `${'Zx9_-'.repeat(8)}${i}`
      const subscriberId = 1000 + i * 977
      // The old way, as edition-sender.ts built every message before.
      const unsubscribe = `https://news.example.org/newsletters/unsubscribe/${subscriberId}/3/${signature}`
      const fill = (t: string, esc: (s: string) => string) =>
        fillTemplate(compileTemplate(t, rendered.marker), {
          unsubscribe_url: esc(unsubscribe),
          email: esc(email),
        })
      const old: Message = {
        to: email,
        from: common.from,
        subject: common.subject,
        html: fill(rendered.htmlSource, escapeHtml),
        text: fill(rendered.textSource, (s) => s),
        messageId: `<e7.s${subscriberId}.semaine@example.org>`,
        headers: {
          'List-Unsubscribe': `<${unsubscribe}>, <mailto:news@example.org?subject=unsubscribe%20semaine%20${subscriberId}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          'List-Id': 'La Semaine — édition du soir <semaine.example.org>',
          Precedence: 'bulk',
        },
      }
      await mail.send(old)
      const before = normalise(mail.sent.at(-1)!.raw.toString('latin1'))
      const copy = bulk.raw(
        editionCopy({
          editionId: 7,
          newsletterId: 3,
          subscriberId,
          email,
          slug: 'semaine',
          domain: 'example.org',
          origin: 'https://news.example.org',
          signature,
        }),
        new Date(),
      )
      assert.ok(copy, `the fast way for ${email}`)
      const now = normalise(copy.raw)
      assert.deepEqual(split(now).fields, split(before).fields, `header fields for ${email}`)
      assert.equal(split(now).body, split(before).body, `body for ${email}`)
      assert.match(now, /^List-Unsubscribe:/m)
      assert.match(now, /Content-Transfer-Encoding: quoted-printable/)
      assert.equal(copy.to, email)
      assert.equal(copy.from, 'news@example.org')
    }
  })
})
