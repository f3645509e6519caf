import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  WORDS_PER_MINUTE,
  articlePath,
  bylineText,
  isVisibleToReaders,
  rankRelated,
  readingMinutes,
  shownAsUpdated,
} from './article.js'

describe('article rules', () => {
  it('reads at 230 words a minute, rounded, at least one', () => {
    assert.equal(WORDS_PER_MINUTE, 230)
    assert.equal(readingMinutes(0), 1)
    assert.equal(readingMinutes(100), 1)
    assert.equal(readingMinutes(460), 2)
    assert.equal(readingMinutes(1150), 5)
  })

  it('shows readers only what is published and due', () => {
    const now = new Date('2026-11-26T12:00:00Z')
    const past = new Date('2026-11-26T11:00:00Z')
    const future = new Date('2026-11-26T13:00:00Z')
    assert.equal(isVisibleToReaders({ status: 'published', publishedAt: past }, now), true)
    assert.equal(isVisibleToReaders({ status: 'published', publishedAt: future }, now), false)
    assert.equal(isVisibleToReaders({ status: 'scheduled', publishedAt: future }, now), false)
    assert.equal(isVisibleToReaders({ status: 'scheduled', publishedAt: past }, now), true)
    assert.equal(isVisibleToReaders({ status: 'draft', publishedAt: past }, now), false)
    assert.equal(isVisibleToReaders({ status: 'published', publishedAt: null }, now), false)
  })

  it('builds the address from section, UTC year and month, and slug', () => {
    const p = articlePath({
      slug: 'vote',
      section: { slug: 'politics' },
      publishedAt: new Date('2026-01-31T23:30:00-05:00'),
    })
    assert.equal(p, '/politics/2026/02/vote')
  })

  it('calls an edit an update only after five minutes', () => {
    const pub = new Date('2026-11-26T10:00:00Z')
    assert.equal(shownAsUpdated(pub, new Date('2026-11-26T10:04:00Z')), false)
    assert.equal(shownAsUpdated(pub, new Date('2026-11-26T11:00:00Z')), true)
    assert.equal(shownAsUpdated(null, new Date()), false)
  })

  it('writes a byline of any mix of staff, guests and agencies', () => {
    assert.equal(bylineText([]), '')
    assert.equal(
      bylineText([
        { kind: 'agency', agency: { id: 1, slug: 'nw', name: 'North Wire', url: null } },
      ]),
      'North Wire',
    )
    assert.equal(
      bylineText([
        { kind: 'author', author: { id: 1, slug: 'a', name: 'Ana' } },
        { kind: 'guest', name: 'Dr Ilse Varn' },
        { kind: 'agency', agency: { id: 1, slug: 'nw', name: 'North Wire', url: null } },
      ]),
      'Ana, Dr Ilse Varn and North Wire',
    )
  })

  it('ranks related stories by shared topics, then section, then recency', () => {
    const c = [
      { id: 2, sectionId: 9, publishedAt: 500 },
      { id: 3, sectionId: 1, publishedAt: 100 },
      { id: 4, sectionId: 1, publishedAt: 300 },
      { id: 5, sectionId: 9, publishedAt: 50 },
      { id: 1, sectionId: 1, publishedAt: 999 },
      { id: 3, sectionId: 1, publishedAt: 100 },
    ]
    const shared = new Map([
      [5, 2],
      [3, 1],
      [4, 1],
    ])
    const r = rankRelated(c, shared, { excludeId: 1, sectionId: 1, limit: 3 })
    assert.deepEqual(
      r.map((x) => x.id),
      [5, 4, 3],
    )
  })
})
