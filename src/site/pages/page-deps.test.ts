import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { tagUri } from '../../lib/tag-uri.js'
import { feedIdAuthority } from './page-deps.js'

describe('the feed id authority', () => {
  it('is the setting when given, else the site name under masthead.invalid', () => {
    assert.equal(
      feedIdAuthority({
        name: 'The Lantern',
        feedIdAuthority: 'lantern.example,2026',
      }),
      'lantern.example,2026',
    )
    assert.equal(feedIdAuthority({ name: 'The Lantern' }), 'the-lantern.masthead.invalid,2026')
    assert.equal(feedIdAuthority({ name: 'Новая газета' }), 'novaya-gazeta.masthead.invalid,2026')
  })

  it('tells apart names slugify cannot spell, and makes valid tag: URIs of them', () => {
    const a = feedIdAuthority({ name: '独立新闻' })
    const b = feedIdAuthority({ name: '自由之声' })
    assert.notEqual(a, b)
    assert.match(a, /^site-[0-9a-f]{16}\.masthead\.invalid,2026$/)
    assert.equal(a, feedIdAuthority({ name: '独立新闻' }), 'the same every time')
    assert.match(
      tagUri(a, 'article/1'),
      /^tag:site-[0-9a-f]{16}\.masthead\.invalid,2026:article\/1$/,
    )
  })
})
