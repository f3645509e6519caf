import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ArticleInput, CorrectionText } from './article-input.js'

const valid = { sectionId: 1, headline: 'A headline', body: '<p>x</p>', status: 'draft' }

describe('article input', () => {
  it('fills the byline and topics with nothing and empties optional text to null', () => {
    const a = ArticleInput.parse({ ...valid, kicker: '  ', standfirst: undefined })
    assert.deepEqual(a.credits, [])
    assert.deepEqual(a.topicIds, [])
    assert.equal(a.kicker, null)
    assert.equal(a.standfirst, null)
  })

  it('takes a credit as exactly one of author, agency or guest', () => {
    const ok = ArticleInput.safeParse({
      ...valid,
      credits: [{ authorId: 1 }, { agencyId: 2 }, { guest: ' Dr Varn ' }],
    })
    assert.ok(ok.success)
    assert.deepEqual(ok.data.credits, [{ authorId: 1 }, { agencyId: 2 }, { guest: 'Dr Varn' }])
    assert.equal(
      ArticleInput.safeParse({ ...valid, credits: [{ authorId: 1, guest: 'x' }] }).success,
      false,
    )
  })

  it('checks slugs, language tags, statuses and bounds', () => {
    const bad = (over: object) => ArticleInput.safeParse({ ...valid, ...over }).success === false
    assert.ok(bad({ slug: 'Not A Slug' }))
    assert.ok(bad({ language: 'english' }))
    assert.ok(bad({ status: 'archived' }))
    assert.ok(bad({ headline: 'x'.repeat(301) }))
    assert.ok(bad({ topicIds: Array.from({ length: 13 }, (_, i) => i + 1) }))
    assert.ok(!bad({ language: 'pt-BR', slug: 'a-story' }))
  })

  it('wants a correction to say something', () => {
    assert.equal(CorrectionText.safeParse('  ').success, false)
    assert.equal(CorrectionText.parse(' Fixed. '), 'Fixed.')
  })
})
