import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { ArticleSummary } from '../../content/index.js'
import { cardKey } from './kept-keys.js'

const summary = (): ArticleSummary => ({
  id: 7,
  slug: 'court-refuses',
  section: { id: 2, slug: 'world', name: 'World' },
  kicker: 'Exile',
  headline: 'Court refuses to send the blogger home',
  summary: 'The judges called the charges political.',
  wordCount: 640,
  language: 'en',
  leadImage: {
    id: 3,
    storageKey: 'abc123',
    alt: 'A courthouse',
    caption: 'The court, in the morning',
    credit: 'Staff',
    width: 1600,
    height: 900,
    widths: [400, 800],
  },
  publishedAt: new Date('2026-12-01T10:00:00Z'),
  updatedAt: new Date('2026-12-02T10:00:00Z'),
  credits: [
    { kind: 'author', author: { id: 1, slug: 'aren-holub', name: 'Aren Holub' } },
    { kind: 'guest', name: 'A guest' },
    { kind: 'agency', agency: { id: 4, slug: 'north-wire', name: 'North Wire', url: null } },
  ],
})

const shape = { siteLanguage: 'en', image: true, headingLevel: 3 as const, showSection: true }

/** Every leaf of a value, as a path and a way to change it to something else. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value instanceof Date || value === null || typeof value !== 'object') return [path]
  return Object.entries(value).flatMap(([k, v]) =>
    leaves(v, [...path, Array.isArray(value) ? Number(k) : k]),
  )
}

function changed(v: unknown): unknown {
  if (v instanceof Date) return new Date(v.getTime() + 1)
  if (typeof v === 'number') return v + 1
  if (typeof v === 'string') return `${v}x`
  if (v === null) return ''
  throw new Error(`no change for ${typeof v}`)
}

test('every field of a story changes its card key, so no edit can show an old card', () => {
  const base = cardKey(shape, summary())
  const paths = leaves(summary())
  // Guard against a walk that finds nothing: the sample has every field, three bylines deep.
  assert.ok(paths.length >= 30, `${paths.length} fields`)
  for (const path of paths) {
    const s = summary() as unknown as Record<string | number, unknown>
    let at: Record<string | number, unknown> = s
    for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>
    const last = path[path.length - 1]!
    at[last] = changed(at[last])
    assert.notEqual(cardKey(shape, s as unknown as ArticleSummary), base, path.join('.'))
  }
})

test('a null and an empty text, and a text moved between fields, are different cards', () => {
  const a = summary()
  assert.notEqual(cardKey(shape, { ...a, kicker: null }), cardKey(shape, { ...a, kicker: '' }))
  assert.notEqual(
    cardKey(shape, { ...a, headline: 'ab', summary: 'c' }),
    cardKey(shape, { ...a, headline: 'a', summary: 'bc' }),
  )
  assert.notEqual(
    cardKey(shape, { ...a, leadImage: null }),
    cardKey(shape, { ...a, leadImage: { ...a.leadImage!, alt: '' } }),
  )
  assert.notEqual(
    cardKey(shape, { ...a, credits: [] }),
    cardKey(shape, { ...a, credits: [{ kind: 'guest', name: '' }] }),
  )
})

test('how a card is drawn is part of its key', () => {
  const a = summary()
  const keys = new Set(
    [
      shape,
      { ...shape, image: false },
      { ...shape, headingLevel: 2 as const },
      { ...shape, showSection: false },
      { ...shape, siteLanguage: 'ru' },
    ].map((s) => cardKey(s, a)),
  )
  assert.equal(keys.size, 5)
})
