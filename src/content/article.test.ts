import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  WORDS_PER_MINUTE,
  articlePath,
  bylineText,
  editionPath,
  isVisibleToReaders,
  languagePrefix,
  publicationTime,
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

describe('publication time', () => {
  const now = new Date('2026-11-26T12:00:00Z')
  const past = new Date('2026-11-20T08:00:00Z')
  const future = new Date('2026-12-01T08:00:00Z')

  it('publishes now, or at a past time given, and keeps the first publication time', () => {
    assert.deepEqual(publicationTime('published', null, null, now), now)
    assert.deepEqual(publicationTime('published', past, null, now), past)
    assert.deepEqual(publicationTime('published', undefined, past, now), past)
  })

  it('publishes a scheduled article now when it is published early', () => {
    assert.deepEqual(publicationTime('published', null, future, now), now)
  })

  it('schedules only in the future', () => {
    assert.deepEqual(publicationTime('scheduled', future, null, now), future)
    assert.deepEqual(publicationTime('scheduled', null, future, now), future)
    assert.deepEqual(publicationTime('scheduled', past, null, now), {
      refused: 'scheduled-needs-future-time',
    })
    assert.deepEqual(publicationTime('scheduled', null, null, now), {
      refused: 'scheduled-needs-future-time',
    })
  })

  it('refuses a future time on a published article and years outside 1970–9999', () => {
    assert.deepEqual(publicationTime('published', future, null, now), {
      refused: 'published-in-future',
    })
    assert.deepEqual(publicationTime('draft', new Date('+010000-01-01T00:00:00Z'), null, now), {
      refused: 'out-of-range',
    })
    assert.deepEqual(publicationTime('draft', new Date('1900-01-01T00:00:00Z'), null, now), {
      refused: 'out-of-range',
    })
  })

  it('lets a draft keep its planned time or none', () => {
    assert.equal(publicationTime('draft', null, null, now), null)
    assert.deepEqual(publicationTime('draft', undefined, future, now), future)
  })
})

describe('addresses of language editions (ADR 026)', () => {
  const a = {
    slug: 'the-count',
    section: { slug: 'world' },
    publishedAt: new Date('2026-11-26T09:00:00Z'),
  }

  it('gives the first language no prefix and every other its own, in lower case', () => {
    const languages = ['en', 'ru', 'pt-BR']
    assert.equal(languagePrefix('en', languages), '')
    assert.equal(languagePrefix('ru', languages), '/ru')
    assert.equal(languagePrefix('pt-BR', languages), '/pt-br')
    // A language the site does not list keeps its stories at the root; so does a one-language site.
    assert.equal(languagePrefix('de', languages), '')
    assert.equal(languagePrefix('ru', ['ru']), '')
    assert.equal(articlePath({ ...a, language: 'ru' }, languages), '/ru/world/2026/11/the-count')
    assert.equal(articlePath({ ...a, language: 'en' }, languages), '/world/2026/11/the-count')
    assert.equal(articlePath({ ...a, language: 'ru' }), '/world/2026/11/the-count')
    // Any site path in an edition; the bare prefix with a slash is that edition's front page.
    assert.equal(editionPath('', '/politics'), '/politics')
    assert.equal(editionPath('/ru', '/politics'), '/ru/politics')
    assert.equal(editionPath('/ru', '/'), '/ru/')
  })
})
