import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createMemoryTransport, type Message } from '../email/index.js'
import type { ReachAddress } from './address.js'
import { emailFooter, footerAdder, footerTransport, withFooter } from './footer.js'

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
    assert.match(f.html, /href="https:\/\/m1\.example\/\?a=1&amp;b=&lt;2&gt;"/)
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
    const t = footerTransport(
      inner,
      footerAdder(async () => {
        if (fail) throw new Error('database away')
        return emailFooter(list)
      }),
    )
    await t.send(message)
    fail = true
    await t.send(message)
    assert.match(inner.sent[0]!.message.text, /reach us at: https:\/\/lantern\.example\//)
    assert.match(inner.sent[0]!.raw.toString(), /reach us at/)
    assert.equal(inner.sent[1]!.message.text, message.text)
    assert.equal(t.name, inner.name)
  })

  it('adds the footer to a bulk template once, keeping the rest of it', async () => {
    const add = footerAdder(async () => emailFooter(list))
    const template = { ...message, marker: 'm1' }
    const prepared = await add(template)
    assert.match(prepared.text, /reach us at: https:\/\/lantern\.example\//)
    assert.match(prepared.html!, /reach us at: .*<\/body>/is)
    assert.equal(prepared.marker, 'm1', 'the rest of the template is kept')
    assert.equal(prepared.text.match(/reach us at/g)?.length, 1)
    assert.equal((await footerAdder(async () => null)(template)).text, template.text)
  })

  it('is written in the message’s language, with Content-Language on the wire', async () => {
    const inner = createMemoryTransport()
    const t = footerTransport(
      inner,
      footerAdder(async (language) => emailFooter(list, language)),
    )
    await t.send({ ...message, language: 'ru' })
    await t.send(message)
    const ru = inner.sent[0]!
    assert.match(
      ru.message.text,
      /Если наш сайт заблокирован, мы здесь: https:\/\/lantern\.example\//,
    )
    assert.match(
      ru.message.html ?? '',
      /Если наш сайт заблокирован, мы здесь: <a href="https:\/\/lantern\.example\/">/,
    )
    assert.match(ru.raw.toString(), /^Content-Language: ru\r?$/m)
    assert.doesNotMatch(ru.message.text, /reach us at/)
    assert.match(inner.sent[1]!.message.text, /If our site is blocked, reach us at/)
    assert.doesNotMatch(inner.sent[1]!.raw.toString(), /^Content-Language:/m)
  })
})
