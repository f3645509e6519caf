import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createMemoryTransport, type Message, type RawMessage } from '../email/index.js'
import type { ReachAddress } from './address.js'
import { emailFooter, footerTransport, withFooter } from './footer.js'

const ONION = `http://${'a'.repeat(56)}.onion/`
const list: ReachAddress[] = [
  { kind: 'other', label: 'Messenger', value: '@lantern' },
  { kind: 'mirror', label: '', value: 'https://m1.example/?a=1&b=<2>' },
  { kind: 'primary', label: '', value: 'https://lantern.example/' },
  { kind: 'onion', label: '', value: ONION },
  { kind: 'mirror', label: '', value: 'https://m2.example/' },
  { kind: 'mirror', label: '', value: 'https://m3.example/' },
]
const message: Message = {
  to: 'reader@example.org',
  from: 'desk@example.org',
  subject: 'Hello',
  text: 'Body text.\n\n',
  html: '<html><body><p>Body</p></BODY></html>',
}

describe('the email footer', () => {
  it('gives the main address, mirrors as room allows and the onion, and links the whole list', () => {
    const f = emailFooter(list)
    assert.ok(f)
    assert.equal(
      f.text,
      [
        '-- ',
        'If our site is blocked, reach us at: https://lantern.example/ · https://m1.example/?a=1&b=<2> · https://m2.example/ · ' +
          ONION,
        'Every way to reach us: https://lantern.example/reach',
      ].join('\n'),
    )
    assert.doesNotMatch(f.text, /@lantern/, 'free text stays on the page, the footer stays short')
    assert.match(f.html, /href="https:\/\/m1\.example\/\?a=1&#38;b=&#60;2&#62;"/)
    assert.doesNotMatch(f.html, /<2>/)
  })

  it('says nothing while no web address is listed', () => {
    assert.equal(emailFooter([]), null)
    assert.equal(emailFooter([{ kind: 'other', label: '', value: '@lantern' }]), null)
    assert.equal(withFooter(message, null), message)
  })

  it('ends the text part and goes before </body> in the HTML part', () => {
    const m = withFooter(message, emailFooter(list))
    assert.match(m.text, /^Body text\.\n\n-- \nIf our site is blocked/)
    assert.ok(m.html!.endsWith('</p></BODY></html>'))
    assert.ok(m.html!.indexOf('If our site is blocked') > m.html!.indexOf('<p>Body</p>'))
    const textOnly = withFooter({ ...message, html: undefined }, emailFooter(list))
    assert.equal(textOnly.html, undefined)
  })

  it('is added to every message a wrapped transport sends, and a failing lookup sends without it', async () => {
    const inner = createMemoryTransport()
    let fail = false
    const t = footerTransport(inner, async () => {
      if (fail) throw new Error('database away')
      return emailFooter(list)
    })
    await t.send(message)
    fail = true
    await t.send(message)
    assert.match(inner.sent[0]!.message.text, /reach us at: https:\/\/lantern\.example\//)
    assert.match(inner.sent[0]!.raw.toString(), /reach us at/)
    assert.equal(inner.sent[1]!.message.text, message.text)
    assert.equal(t.name, inner.name)
  })

  it('keeps the raw path of a bulk sender open: prepare adds the footer once, raw copies pass', async () => {
    const raws: unknown[] = []
    const inner = {
      ...createMemoryTransport(),
      sendRaw: async (m: RawMessage) => {
        raws.push(m)
        return { messageId: '<x@example.org>', accepted: true }
      },
    }
    const t = footerTransport(inner, async () => emailFooter(list))
    assert.ok(t.sendRaw, 'a transport with a raw path keeps it when wrapped')
    const template = { ...message, marker: 'm1' }
    const prepared = await t.prepare!(template)
    assert.match(prepared.text, /reach us at: https:\/\/lantern\.example\//)
    assert.match(prepared.html!, /reach us at: .*<\/body>/is)
    assert.equal(prepared.marker, 'm1', 'the rest of the template is kept')
    const raw: RawMessage = {
      from: 'desk@example.org',
      to: 'reader@example.org',
      messageId: '<x@example.org>',
      raw: 'Subject: x\r\n\r\nx\r\n',
    }
    await t.sendRaw!(raw)
    assert.deepEqual(raws, [raw], 'raw bytes go through untouched')
    assert.equal(createMemoryTransport().sendRaw, undefined)
    assert.equal(footerTransport(createMemoryTransport(), async () => null).sendRaw, undefined)
  })
})
