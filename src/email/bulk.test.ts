import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { simpleParser } from 'mailparser'
import nodemailer from 'nodemailer'
import { type BulkCopy, type BulkMessage, prepareBulk } from './bulk.js'
import { type Message, validateMessage } from './message.js'

const MARKER = 'a1b2c3d4e5f6'
const slot = (name: string) => `{{${MARKER}:${name}}}`

/** The old way: nodemailer composes the whole message, as every transport's send() does. */
async function composed(m: Message): Promise<{ raw: string; envelope: object }> {
  const t = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' })
  const info = await t.sendMail({ ...m, disableFileAccess: true, disableUrlAccess: true })
  return { raw: (info.message as Buffer).toString('latin1'), envelope: info.envelope as object }
}

/** Date and the random multipart boundary differ between any two compositions. */
function normalise(raw: string): string {
  const boundary = /boundary="([^"]+)"/.exec(raw)?.[1]
  return (boundary ? raw.split(boundary).join('BOUNDARY') : raw).replace(
    /^Date: .*$/m,
    'Date: (date)',
  )
}

const fields = (raw: string) => raw.slice(0, raw.indexOf('\r\n\r\n')).split(/\r\n(?![ \t])/)

// An edition-like body: long mjml lines, a middle dot, the reader's address and link at the end.
const longLine = `<td style="font-size:0px;padding:8px 24px;word-break:break-word;"><div style="font-family:Georgia, 'Times New Roman', serif;font-size:17px;line-height:1.55;text-align:left;color:#222222;">`
const html = [
  '<!doctype html><html lang="en"><body>',
  ...Array.from(
    { length: 60 },
    (_, i) => `${longLine}Story ${i} – what we found · and why=it matters</div></td>`,
  ),
  `<p>You get The Weekly because you asked for it at ${slot('email')}. <a href="${slot('unsubscribe_url')}" style="color:#555555">Unsubscribe or change newsletters</a> · <a href="https://news.example.org/privacy">Privacy</a></p>`,
  ...Array.from({ length: 12 }, () => '</td></tr></tbody></table></div>'),
  '</body></html>',
].join('\n')
const text = [
  'The Weekly',
  '',
  'Dear reader, here is the week · with a dot.',
  '',
  `You get The Weekly because you asked for it at ${slot('email')}.`,
  `Unsubscribe or change newsletters: ${slot('unsubscribe_url')}`,
  'Privacy: https://news.example.org/privacy',
  '',
].join('\n')

const edition: BulkMessage = {
  from: { name: 'Zoë’s Gazette — Éditions du Nord', address: 'news@example.org' },
  subject: 'The week in Varesia: rivers, roads and a très long subject line that needs folding',
  text,
  html,
  headers: {
    'List-Unsubscribe': `<${slot('unsubscribe_url')}>, <mailto:news@example.org?subject=unsubscribe%20weekly%20${slot('subscriber')}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'List-Id': 'The Weekly <weekly.example.org>',
    Precedence: 'bulk',
  },
  marker: MARKER,
}

function copy(to: string, id: number, extra = ''): BulkCopy {
  return {
    to,
    messageId: `<e7.s${id}.weekly@example.org>`,
    values: {
      email: to,
      unsubscribe_url: `https://news.example.org/newsletters/unsubscribe/${id}/3/${'Ab9_-'.repeat(8)}${extra}`,
      subscriber: String(id),
    },
  }
}

const longLocal = 'a'.repeat(30) + '+' + 'b'.repeat(33)
const addresses = [
  'reader@example.net',
  'reader+weekly@example.net',
  "o'neil=x&y@example.org",
  `${longLocal}@${'sub'.repeat(20)}.${'c'.repeat(60)}.example.com`,
  'x@e.io',
]

async function assertSame(m: BulkMessage, c: BulkCopy) {
  const bulk = await prepareBulk(m)
  const date = new Date()
  const fast = bulk.raw(c, date)
  assert.ok(fast, `a fast copy for ${c.to}`)
  const old = await composed(bulk.message(c))
  const a = normalise(fast.raw)
  const b = normalise(old.raw)
  assert.deepEqual(fields(a), fields(b), `headers for ${c.to}`)
  assert.equal(a.slice(a.indexOf('\r\n\r\n')), b.slice(b.indexOf('\r\n\r\n')), `body for ${c.to}`)
  assert.deepEqual({ from: fast.from, to: [fast.to] }, old.envelope)
  assert.match(
    fast.raw,
    new RegExp(`^Date: ${date.toUTCString().replace('GMT', '\\+0000')}\\r$`, 'm'),
  )
  for (const line of fast.raw.split('\r\n')) assert.ok(line.length <= 998, 'no line over 998')
  // And as a reader's mail client sees it.
  const [x, y] = await Promise.all([simpleParser(fast.raw), simpleParser(old.raw)])
  assert.equal(x.html, y.html)
  assert.equal(x.text, y.text)
  assert.equal(x.subject, y.subject)
  assert.ok(String(x.html).includes(`unsubscribe/${/s(\d+)\./.exec(c.messageId)![1]}/3/`))
  return fast
}

describe('bulk messages: composed once, each copy byte for byte what nodemailer makes of it', () => {
  for (const [i, to] of addresses.entries())
    it(`quoted-printable parts, folded headers: ${to.slice(0, 40)}`, async () => {
      const fast = await assertSame(edition, copy(to, 1000 + i, i % 2 ? '' : 'x'.repeat(i * 7)))
      assert.match(fast.raw, /Content-Transfer-Encoding: quoted-printable/)
    })

  it('every copy of one template, many lengths of value', async () => {
    for (let n = 0; n < 80; n += 7)
      await assertSame(edition, copy('r@example.net', n, 'q'.repeat(n)))
  })

  it('a base64 part (mostly not Latin letters) and a 7bit part (plain, short lines)', async () => {
    const greek = `${'Η εβδομάδα στη Βαρεσία · '.repeat(40)}\n${slot('email')} ${slot('unsubscribe_url')}\nτέλος\n`
    const fast = await assertSame(
      {
        ...edition,
        html: greek,
        text: `Plain.\nAt ${slot('email')}\nNumber ${slot('subscriber')}\n`,
      },
      copy('reader+gr@example.net', 5),
    )
    assert.match(fast.raw, /Content-Transfer-Encoding: base64/)
    assert.match(fast.raw, /Content-Transfer-Encoding: 7bit/)
  })

  it('falls back when a value would change how a part is encoded, or is not plain ASCII', async () => {
    const bulk = await prepareBulk({
      ...edition,
      text: `Plain.\nAt ${slot('email')}\nGo: ${slot('unsubscribe_url')}\n`,
    })
    // A short link keeps the part 7bit; a long one makes nodemailer pick quoted-printable.
    const short = {
      ...copy('r@example.net', 1),
      values: { ...copy('r@example.net', 1).values, unsubscribe_url: 'https://e.org/u/1' },
    }
    assert.ok(bulk.raw(short, new Date()))
    assert.equal(bulk.raw(copy('r@example.net', 1), new Date()), null)
    const full = await prepareBulk(edition)
    assert.equal(full.raw(copy('leser@bücher.example', 2), new Date()), null)
    const empty = copy('r@example.net', 3)
    assert.equal(full.raw({ ...empty, values: { ...empty.values, email: '' } }, new Date()), null)
  })

  it('refuses what a composed message refuses: a line break in a header value, a bad address', async () => {
    const bulk = await prepareBulk(edition)
    const evil = copy('r@example.net', 4)
    const broken = {
      ...evil,
      values: { ...evil.values, subscriber: '4\r\nBcc: victim@example.com' },
    }
    assert.equal(bulk.raw(broken, new Date()), null, 'not plain, so not the fast way')
    assert.throws(
      () => validateMessage(bulk.message(broken)),
      (e: { code?: string }) => e.code === 'VALIDATION_FAILED',
      'and the composed way refuses it',
    )
    assert.throws(
      () => bulk.raw(copy('not an address', 5), new Date()),
      (e: { code?: string }) => e.code === 'VALIDATION_FAILED',
    )
    assert.throws(() => bulk.raw({ ...evil, values: { email: 'a@b.cd' } }, new Date()), /no value/)
  })
})
