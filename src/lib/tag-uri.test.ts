import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { TAG_AUTHORITY, tagUri } from './tag-uri.js'

describe('tag: URIs', () => {
  it('joins an authority and a specific part', () => {
    assert.equal(
      tagUri('lantern.example,2026', 'article/12'),
      'tag:lantern.example,2026:article/12',
    )
    assert.equal(
      tagUri('desk@lantern.example,2026-03-01', 'feed'),
      'tag:desk@lantern.example,2026-03-01:feed',
    )
  })
  it('refuses authorities and parts a validator would not accept', () => {
    for (const bad of [
      'Lantern.example,2026',
      'lantern,2026',
      'lantern.example',
      'lantern.example,26',
      'a b.example,2026',
    ])
      assert.equal(TAG_AUTHORITY.test(bad), false, bad)
    assert.throws(() => tagUri('lantern.example,2026', 'has space'))
    assert.throws(() => tagUri('lantern.example,2026', ''))
  })
})
