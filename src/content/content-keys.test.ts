import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { keysFor } from './content-keys.js'

describe('content keys', () => {
  it('names the article, the lists, its section, topics and staff authors', () => {
    assert.deepEqual(
      keysFor({
        id: 12,
        section: { id: 3, slug: 'world', name: 'World' },
        topics: [
          { id: 5, slug: 'a', name: 'A' },
          { id: 6, slug: 'b', name: 'B' },
        ],
        credits: [
          { kind: 'author', author: { id: 9, slug: 'ana', name: 'Ana' } },
          { kind: 'guest', name: 'A guest' },
          { kind: 'agency', agency: { id: 2, slug: 'w', name: 'W', url: null } },
        ],
      }),
      ['article:12', 'list', 'section:3', 'topic:5', 'topic:6', 'author:9'],
    )
  })
})
