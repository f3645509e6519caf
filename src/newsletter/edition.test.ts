import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  compileTemplate,
  fillTemplate,
  latestSlot,
  sendBlocker,
  suggestSelection,
  zonedInstant,
  type Schedule,
} from './edition.js'

const friday8Riga: Schedule = { mode: 'draft', day: 5, time: '08:00', tz: 'Europe/Riga' }

describe('edition schedule', () => {
  it('finds the latest Friday 08:00 in the newsroom’s zone', () => {
    // Friday 27 November 2026 is winter time in Riga (UTC+2): 08:00 there is 06:00 UTC.
    assert.equal(
      latestSlot(friday8Riga, new Date('2026-11-27T06:00:00Z'))?.toISOString(),
      '2026-11-27T06:00:00.000Z',
    )
    assert.equal(
      latestSlot(friday8Riga, new Date('2026-11-27T05:59:59Z'))?.toISOString(),
      '2026-11-20T06:00:00.000Z',
    )
    assert.equal(
      latestSlot(friday8Riga, new Date('2026-11-30T12:00:00Z'))?.toISOString(),
      '2026-11-27T06:00:00.000Z',
    )
    // Summer time (UTC+3).
    assert.equal(
      latestSlot(friday8Riga, new Date('2026-07-10T09:00:00Z'))?.toISOString(),
      '2026-07-10T05:00:00.000Z',
    )
  })

  it('handles the day the clocks change and zones ahead of UTC across midnight', () => {
    // Riga moves from UTC+2 to UTC+3 at 03:00 on 29 March 2026; 02:30 that day is ordinary.
    assert.equal(
      zonedInstant(2026, 2, 29, 2, 30, 'Europe/Riga').toISOString(),
      '2026-03-29T00:30:00.000Z',
    )
    // 03:30 does not exist that morning: it becomes 04:30 summer time.
    assert.equal(
      zonedInstant(2026, 2, 29, 3, 30, 'Europe/Riga').toISOString(),
      '2026-03-29T01:30:00.000Z',
    )
    // 03:30 on 25 October 2026 happens twice in Riga: the first (summer time) is taken.
    assert.equal(
      zonedInstant(2026, 9, 25, 3, 30, 'Europe/Riga').toISOString(),
      '2026-10-25T00:30:00.000Z',
    )
    const tokyo: Schedule = { mode: 'send', day: 6, time: '07:00', tz: 'Asia/Tokyo' }
    // Friday 23:00 UTC is already Saturday 08:00 in Tokyo.
    assert.equal(
      latestSlot(tokyo, new Date('2026-11-27T23:00:00Z'))?.toISOString(),
      '2026-11-27T22:00:00.000Z',
    )
  })

  it('has no slot when off, without a day, or with a bad time or zone', () => {
    const now = new Date('2026-11-27T12:00:00Z')
    assert.equal(latestSlot({ ...friday8Riga, mode: 'off' }, now), null)
    assert.equal(latestSlot({ ...friday8Riga, day: null }, now), null)
    assert.equal(latestSlot({ ...friday8Riga, time: '8am' }, now), null)
    assert.equal(latestSlot({ ...friday8Riga, tz: 'Nowhere/Else' }, now), null)
  })
})

describe('edition selection and templates', () => {
  it('suggests editors’ picks first, then the newest', () => {
    const d = (s: string) => new Date(s)
    assert.deepEqual(
      suggestSelection([
        { id: 1, publishedAt: d('2026-11-20'), pick: false },
        { id: 2, publishedAt: d('2026-11-26'), pick: false },
        { id: 3, publishedAt: d('2026-11-21'), pick: true },
      ]),
      [3, 2, 1],
    )
    assert.equal(
      suggestSelection(
        Array.from({ length: 20 }, (_, i) => ({
          id: i + 1,
          publishedAt: d('2026-11-20'),
          pick: false,
        })),
        10,
      ).length,
      10,
    )
  })

  it('fills only placeholders with this render’s marker; look-alikes in content stay text', () => {
    const t = compileTemplate(
      'Hi {{abc123abc123:email}}, {{ffffffffffff:email}} {{abc123abc123:unsubscribe_url}}.',
      'abc123abc123',
    )
    assert.equal(
      fillTemplate(t, { email: 'a@b.c', unsubscribe_url: 'https://x/u' }),
      'Hi a@b.c, {{ffffffffffff:email}} https://x/u.',
    )
  })
})

describe('sendBlocker', () => {
  it('lets a demo send anything, and production only with an https PUBLIC_URL', () => {
    assert.equal(sendBlocker({ production: false, publicUrl: undefined }), null)
    assert.match(sendBlocker({ production: true, publicUrl: undefined })!, /PUBLIC_URL is not set/)
    assert.match(
      sendBlocker({ production: true, publicUrl: 'http://example.org' })!,
      /not https.*RFC 8058/,
    )
    assert.equal(sendBlocker({ production: true, publicUrl: 'https://example.org' }), null)
  })
})
