import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  isTimeZone,
  parseWallClock,
  staffTime,
  wallClockInput,
  zoneName,
  zoneOffsetMs,
} from './time-zone.js'

describe('times in the newsroom’s zone', () => {
  it('knows IANA zones and refuses anything else', () => {
    assert.equal(isTimeZone('Europe/Riga'), true)
    assert.equal(isTimeZone('UTC'), true)
    for (const bad of ['Mars/Olympus', '', 'Europe/Riga; drop table', '+02:00'])
      assert.equal(isTimeZone(bad), false, bad)
  })

  it('reads a typed time as the zone’s wall clock, winter and summer', () => {
    assert.equal(
      parseWallClock('2026-01-15T12:00', 'Europe/Riga')?.toISOString(),
      '2026-01-15T10:00:00.000Z',
    )
    assert.equal(
      parseWallClock('2026-07-15T12:00', 'Europe/Riga')?.toISOString(),
      '2026-07-15T09:00:00.000Z',
    )
    assert.equal(
      parseWallClock('2026-07-15T12:00:30', 'UTC')?.toISOString(),
      '2026-07-15T12:00:30.000Z',
    )
  })

  it('is safe across changes of clocks: a missing hour moves on, a doubled one takes the first', () => {
    // Riga springs forward on 29 March 2026 at 03:00 (to 04:00) and falls back on 25 October.
    assert.equal(
      parseWallClock('2026-03-29T03:30', 'Europe/Riga')?.toISOString(),
      '2026-03-29T01:30:00.000Z',
    )
    assert.equal(
      parseWallClock('2026-10-25T03:30', 'Europe/Riga')?.toISOString(),
      '2026-10-25T00:30:00.000Z',
    )
  })

  it('shows a stored time as the zone’s clock, and reads back what it shows', () => {
    for (const iso of ['2026-01-15T10:00:00Z', '2026-07-15T09:00:00Z', '2026-10-25T00:30:00Z']) {
      const shown = wallClockInput(new Date(iso), 'Europe/Riga')
      assert.equal(parseWallClock(shown, 'Europe/Riga')?.toISOString(), new Date(iso).toISOString())
    }
    assert.equal(
      wallClockInput(new Date('2026-07-15T09:00:00Z'), 'Europe/Riga'),
      '2026-07-15T12:00',
    )
  })

  it('refuses what is not a time, and days that do not exist', () => {
    for (const bad of [
      '',
      'tomorrow',
      '2026-02-30T10:00',
      '2026-13-01T10:00',
      '2026-01-01T24:00',
      '2026-01-01 10:00',
      '2026-01-01T10:60',
    ])
      assert.equal(parseWallClock(bad, 'Europe/Riga'), null, bad)
  })

  it('names the zone beside a time as staff read it', () => {
    assert.equal(zoneName(new Date('2026-01-15T10:00:00Z'), 'UTC'), 'UTC')
    assert.equal(
      staffTime(new Date('2026-07-15T09:00:07Z'), 'Europe/Riga'),
      `2026-07-15 12:00 ${zoneName(new Date('2026-07-15T09:00:07Z'), 'Europe/Riga')}`,
    )
    assert.match(
      staffTime(new Date('2026-07-15T09:00:07Z'), 'Europe/Riga', { seconds: true }),
      /^2026-07-15 12:00:07 /,
    )
    assert.equal(zoneOffsetMs('Europe/Riga', new Date('2026-07-15T09:00:00Z')), 3 * 3600_000)
  })
})
