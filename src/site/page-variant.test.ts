import assert from 'node:assert/strict'
import { IncomingMessage } from 'node:http'
import { Socket } from 'node:net'
import { describe, it } from 'node:test'
import { fixedClock } from '../lib/clock.js'
import { pageVariantOf } from './page-variant.js'

describe('page variant', () => {
  const clock = fixedClock('2026-11-20T12:00:00Z')
  const later = String(clock.now().getTime() + 60_000)
  const earlier = String(clock.now().getTime() - 60_000)
  const asked: string[] = []
  const variant = pageVariantOf({
    clock,
    countryHeader: 'cf-ipcountry',
    isRiskyAnywhere: async (c) => {
      asked.push(c)
      return c === 'VA'
    },
  })
  const req = (headers: Record<string, string>) => ({
    headers,
    url: '/',
    raw: new IncomingMessage(new Socket()),
  })

  it('gives a reader whose quiet date is still ahead the quiet copy, at once', () => {
    assert.equal(variant(req({ cookie: `mh_quiet=${later}` })), '#quiet')
    assert.equal(variant(req({ cookie: `theme=dark; mh_quiet=${later}; x=1` })), '#quiet')
  })

  it('shares one copy among readers with no cookie, a past date or a malformed one', () => {
    for (const cookie of ['', `mh_quiet=${earlier}`, 'mh_quiet=soon', 'mh_quiet=123', 'other=1'])
      assert.equal(variant(req(cookie ? { cookie } : {})), '', cookie)
    assert.deepEqual(asked, [], 'no country header: nothing to look up')
  })

  it('gives readers in a country with safety rules their own copy, and asks only then', async () => {
    assert.equal(await variant(req({ 'cf-ipcountry': 'va' })), '#cc-VA')
    assert.equal(await variant(req({ 'cf-ipcountry': 'FR' })), '')
    assert.equal(variant(req({ 'cf-ipcountry': 'not a country' })), '')
    assert.deepEqual(asked, ['VA', 'FR'])
    assert.equal(variant(req({ 'cf-ipcountry': 'VA', cookie: `mh_quiet=${later}` })), '#quiet')
  })

  it('ignores the country header when none is configured', () => {
    const plain = pageVariantOf({ clock, countryHeader: '' })
    assert.equal(plain(req({ 'cf-ipcountry': 'VA' })), '')
  })
})
