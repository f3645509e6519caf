import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ArticleParams, Expiry, Field, PageQuery, Signature, Slug, formBody } from './schemas.js'

describe('site route schemas', () => {
  it('reads ?page= as the lists always did: junk, repeats and zero are page 1', () => {
    const page = (q: object) => PageQuery.parse(q).page
    assert.equal(page({}), 1)
    assert.equal(page({ page: '3' }), 3)
    for (const junk of ['0', 'x', '-2', '1e3', '1234567', ['2', '3']])
      assert.equal(page({ page: junk }), 1)
  })

  it('reads a missing, repeated or non-text form field as empty, never refusing the form', () => {
    const Body = formBody({ email: Field, name: Field })
    assert.deepEqual(Body.parse({ email: 'a@example.org' }), { email: 'a@example.org', name: '' })
    assert.deepEqual(Body.parse({ email: 3, name: ['a', 'b'] }), { email: '', name: '' })
    for (const none of [null, undefined, 'text', [1, 2]])
      assert.deepEqual(Body.parse(none), { email: '', name: '' }, String(none))
  })

  it("accepts an article's address only in its one shape", () => {
    const ok = { section: 'world', year: '2026', month: '11', slug: 'a-story' }
    assert.deepEqual(ArticleParams.parse(ok), ok)
    for (const bad of [
      { ...ok, section: 'World' },
      { ...ok, year: '26' },
      { ...ok, month: '1' },
      { ...ok, slug: 'a--b' },
      { ...ok, slug: 'x'.repeat(81) },
    ])
      assert.equal(ArticleParams.safeParse(bad).success, false, JSON.stringify(bad))
    assert.equal(Slug.safeParse('elections-2026').success, true)
  })

  it('bounds the parts of a signed link', () => {
    assert.equal(Expiry.safeParse('1800000000000').success, true)
    assert.equal(Expiry.safeParse('180000000000').success, false)
    assert.equal(Signature.safeParse('AbC_-09').success, true)
    for (const bad of ['', 'a b', 'a/b', 'x'.repeat(201)])
      assert.equal(Signature.safeParse(bad).success, false, bad)
  })
})
