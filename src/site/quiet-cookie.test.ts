import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isQuiet, isQuietHeader, quietCookie, safeBack } from './quiet-cookie.js'

describe('the quiet cookie', () => {
  const now = new Date('2026-11-20T12:00:00Z')

  it('holds a date and nothing else, for the given days, with every flag', () => {
    assert.equal(
      quietCookie(14, now, false),
      `mh_quiet=${now.getTime() + 14 * 86_400_000}; Path=/; Max-Age=1209600; SameSite=Lax; HttpOnly`,
    )
    assert.match(quietCookie(14, now, true), /; HttpOnly; Secure$/)
  })

  it('reads as quiet only while its date is ahead', () => {
    assert.equal(isQuiet(String(now.getTime() + 1), now), true)
    assert.equal(isQuiet(String(now.getTime()), now), false)
    assert.equal(isQuiet('12345', now), false)
    assert.equal(isQuiet(undefined, now), false)
  })

  it('reads the same from a raw Cookie header as the plugin reads it for routes', () => {
    const ahead = now.getTime() + 1000
    assert.equal(isQuietHeader(`a=1; mh_quiet=${ahead}`, now), true)
    assert.equal(isQuietHeader(`xmh_quiet=${ahead}`, now), false)
    assert.equal(isQuietHeader(undefined, now), false)
    assert.equal(isQuietHeader('', now), false)
  })

  it('sends the reader back only to a path on this site', () => {
    assert.equal(safeBack('/world/2026/11/story'), '/world/2026/11/story')
    for (const bad of ['//evil.example', '/\\evil', 'https://evil.example', '/a b', 7, undefined])
      assert.equal(safeBack(bad), '/', String(bad))
  })
})
