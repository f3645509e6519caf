import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  NO_CONSENT_RECORDED,
  WEEK_MS,
  growthStart,
  importAction,
  parseIsoTime,
  parseSubscriberCsv,
  weeklyNet,
} from './subscribers.js'

const NOW = Date.parse('2026-11-27T12:00:00Z')
const slugs = new Set(['weekly', 'daily'])

describe('subscriber list rules', () => {
  it('reads ISO 8601 times and refuses anything else', () => {
    assert.equal(parseIsoTime('2026-11-01T10:00:00Z'), Date.parse('2026-11-01T10:00:00Z'))
    assert.equal(parseIsoTime('2026-11-01T10:00'), Date.parse('2026-11-01T10:00:00Z'))
    assert.equal(parseIsoTime('2026-11-01'), Date.parse('2026-11-01T00:00:00Z'))
    assert.equal(parseIsoTime(''), null)
    assert.equal(parseIsoTime('yesterday'), 'bad')
    assert.equal(parseIsoTime('2026-13-45T99:00:00Z'), 'bad')
  })

  it('reads a valid file, with consent required for confirmed rows', () => {
    const r = parseSubscriberCsv(
      'email,newsletter,status,consent_text,consent_at,confirmed_at,unsubscribed_at\r\n' +
        'A@Example.org,weekly,confirmed,I agree,2026-01-01T00:00:00Z,,\r\n' +
        'b@example.org,daily,pending,,,,\r\n',
      slugs,
      NOW,
    )
    assert.ok(r.ok)
    assert.equal(r.rows[0]!.email, 'a@example.org')
    assert.equal(r.rows[0]!.confirmedAt, Date.parse('2026-01-01T00:00:00Z'))
    assert.equal(r.rows[1]!.consentText, NO_CONSENT_RECORDED)
    assert.equal(r.rows[1]!.consentAt, NOW)
  })

  it('lists every bad line and keeps nothing', () => {
    const r = parseSubscriberCsv(
      'email,newsletter,status,consent_text,consent_at\n' +
        'ok@example.org,weekly,confirmed,,\n' +
        '=cmd|calc!A1,weekly,pending,,\n' +
        'c@example.org,nope,pending,,\n' +
        'd@example.org,weekly,gone,,\n' +
        'e@example.org,weekly,pending,,tomorrow\n' +
        'f@example.org,weekly,pending,,2099-01-01T00:00:00Z\n' +
        'g@example.org,weekly,pending,,\n' +
        'G@example.org,weekly,pending,,\n',
      slugs,
      NOW,
    )
    assert.equal(r.ok, false)
    assert.deepEqual(!r.ok && r.problems.map((p) => p.slice(0, 7)), [
      'Line 2:',
      'Line 3:',
      'Line 4:',
      'Line 5:',
      'Line 6:',
      'Line 7:',
      'Line 9:',
    ])
    assert.match(!r.ok ? r.problems[0]! : '', /without consent/)
    assert.match(!r.ok ? r.problems[6]! : '', /same address and newsletter as line 8/)
    const noHeader = parseSubscriberCsv('a@example.org,weekly,pending\n', slugs, NOW)
    assert.equal(noHeader.ok, false)
  })

  it('never downgrades a confirmed subscription nor revives one left after the consent', () => {
    const row = (status: 'pending' | 'confirmed' | 'unsubscribed', consentAt = 100) => ({
      status,
      consentAt,
    })
    assert.equal(importAction(undefined, row('confirmed')), 'add')
    assert.equal(
      importAction({ status: 'confirmed', unsubscribedAt: null }, row('pending')),
      'skip',
    )
    assert.equal(
      importAction({ status: 'confirmed', unsubscribedAt: null }, row('unsubscribed')),
      'skip',
    )
    assert.equal(
      importAction({ status: 'pending', unsubscribedAt: null }, row('confirmed')),
      'update',
    )
    assert.equal(
      importAction({ status: 'unsubscribed', unsubscribedAt: 200 }, row('confirmed')),
      'skip',
    )
    assert.equal(
      importAction({ status: 'unsubscribed', unsubscribedAt: 50 }, row('confirmed')),
      'update',
    )
    assert.equal(
      importAction({ status: 'unsubscribed', unsubscribedAt: 50 }, row('pending')),
      'skip',
    )
  })

  it('counts net growth per week from a Monday', () => {
    const start = growthStart(NOW, 26)
    assert.equal(new Date(start).getUTCDay(), 1)
    assert.ok(NOW - start < 26 * WEEK_MS && NOW - start >= 25 * WEEK_MS)
    const net = weeklyNet(
      new Map([
        [0, 5],
        [25, 2],
      ]),
      new Map([[25, 3]]),
      26,
    )
    assert.equal(net.length, 26)
    assert.equal(net[0], 5)
    assert.equal(net[25], -1)
  })
})
