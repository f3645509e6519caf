import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { invitationEmail, resetEmail } from './staff-emails.js'

const o = {
  to: 'ana@example.org',
  name: 'Ana <Petrova> & co',
  siteName: 'The Lantern',
  link: 'https://news.example/admin/password/set/4/1800000000000/abc?x="y"',
  from: 'desk@news.example',
}

describe('staff emails', () => {
  it('invites with the link in plain text first and the same words in HTML', () => {
    const m = invitationEmail(o)
    assert.deepEqual(m.to, { name: o.name, address: o.to })
    assert.deepEqual(m.from, { name: 'The Lantern', address: 'desk@news.example' })
    assert.equal(m.subject, 'Your The Lantern newsroom account')
    assert.ok(m.text.startsWith(`Hello ${o.name},\n\n`))
    assert.ok(m.text.includes(`\n\n${o.link}\n\n`))
    assert.match(m.text, /7 days, once/)
  })

  it('escapes everything in the HTML part and makes the link the only anchor', () => {
    const html = resetEmail(o).html ?? ''
    assert.ok(html.includes('Hello Ana &lt;Petrova&gt; &amp; co,'))
    assert.ok(!html.includes('<Petrova>'))
    const anchors = [...html.matchAll(/<a href="([^"]*)">/g)].map((m) => m[1])
    assert.deepEqual(anchors, [o.link.replace(/&/g, '&amp;').replace(/"/g, '&quot;')])
    assert.equal(resetEmail(o).subject, 'Reset your The Lantern password')
  })
})
