import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fixedClock } from '../lib/clock.js'
import { isAppError } from '../lib/errors.js'
import { createEmergencyService, emergencyList, renderEmergency } from './emergency.js'

describe('the emergency edition’s rules', () => {
  const made: unknown[] = []
  const service = (o: { blocked?: string | null; sos?: boolean }) =>
    createEmergencyService({
      editions: {
        emergencyReaders: async () => 3,
        createEmergency: async (e) => {
          made.push(e)
          return { id: 1, recipients: 3 }
        },
        listEmergencies: async () => [],
      },
      jobs: { send: async () => {} },
      clock: fixedClock('2026-12-06T12:00:00Z'),
      sosActive: () => o.sos ?? true,
      addresses: async () => ['Main address: https://lantern.example/'],
      origin: 'https://lantern.example',
      siteName: 'The Lantern',
      blocked: o.blocked ?? null,
    })
  const codeOf = async (p: Promise<unknown>) =>
    p.then(
      () => 'sent',
      (e: unknown) => (isAppError(e) ? e.code : String(e)),
    )

  it('refuses, writing nothing, where the sender would hold it back or SOS mode is off', async () => {
    assert.equal(
      await codeOf(service({ blocked: 'Set PUBLIC_URL' }).send({ message: 'x', staffId: null })),
      'SEND_NEEDS_PUBLIC_URL',
    )
    assert.equal(
      await codeOf(service({ sos: false }).send({ message: 'x', staffId: null })),
      'EMERGENCY_SOS_OFF',
    )
    assert.equal(
      await codeOf(service({}).send({ message: 'x'.repeat(4001), staffId: null })),
      'EMERGENCY_MESSAGE_INVALID',
    )
    assert.equal(made.length, 0)
    assert.equal(await codeOf(service({}).send({ message: 'Blocked.', staffId: 7 })), 'sent')
    assert.equal(made.length, 1)
  })

  it('comes from the newsroom as one list, not from a newsletter', () => {
    const nl = {
      id: 4,
      name: 'Weekly',
      slug: 'weekly',
      senderName: 'Ed',
      senderAddress: 'ed@x.org',
    }
    const site = { siteName: 'The Lantern', mailFrom: 'news@lantern.example' }
    assert.deepEqual(emergencyList('emergency', nl, site), {
      from: { name: 'The Lantern', address: 'news@lantern.example' },
      name: 'The Lantern (emergency)',
      slug: 'emergency',
      claimFrom: null,
    })
    assert.equal(emergencyList('regular', nl, site).claimFrom, 4)
    assert.equal(emergencyList('regular', nl, site).from.address, 'ed@x.org')
  })

  it('writes the message escaped, with a slot for each reader’s address and link', () => {
    const r = renderEmergency({
      siteName: 'The Lantern',
      subject: 'Urgent',
      message: 'One <b>line</b>.\n\nTwo & three.',
      addresses: ['Mirror: https://m.example/', 'Messenger: @lantern'],
      editionUrl: 'https://lantern.example/reach/edition.html',
      reachUrl: 'https://lantern.example/reach',
    })
    assert.match(r.html, /<p>One &lt;b&gt;line&lt;\/b&gt;\.<\/p>/)
    assert.match(r.html, /<p>Two &amp; three\.<\/p>/)
    assert.doesNotMatch(r.html, /<img/)
    for (const part of [r.html, r.text]) {
      assert.ok(part.includes(`{{${r.marker}:email}}`))
      assert.ok(part.includes(`{{${r.marker}:unsubscribe_url}}`))
      assert.match(part, /reach\/edition\.html/)
      assert.match(part, /@lantern/)
    }
  })
})
