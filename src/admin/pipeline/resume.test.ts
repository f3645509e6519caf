import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isResumable, keepForm, readKeptForm } from './resume.js'

describe('a form kept through sign-in', () => {
  it('is kept for the article forms only', () => {
    assert.equal(isResumable('/admin/articles'), true)
    assert.equal(isResumable('/admin/articles/12'), true)
    assert.equal(isResumable('/admin/articles/12/corrections'), false)
    assert.equal(isResumable('/admin/staff'), false)
  })

  it('comes back as it was sent: text fields and lists, with the article it was editing', () => {
    const token = keepForm('/admin/articles/12', { headline: 'H', topicIds: ['1', '2'], n: 5 })
    assert.ok(token)
    assert.deepEqual(readKeptForm(token), {
      url: '/admin/articles/12',
      articleId: 12,
      form: { headline: 'H', topicIds: ['1', '2'] },
    })
    const fresh = readKeptForm(keepForm('/admin/articles', { headline: 'New' })!)
    assert.equal(fresh?.articleId, undefined)
  })

  it('is not carried when too large, and a token it did not write reads as nothing', () => {
    assert.equal(keepForm('/admin/articles', { body: 'x'.repeat(2_000_001) }), undefined)
    assert.equal(readKeptForm('not base64 json'), null)
    const elsewhere = Buffer.from(JSON.stringify({ url: '/admin/staff', form: {} })).toString(
      'base64url',
    )
    assert.equal(readKeptForm(elsewhere), null)
  })
})
