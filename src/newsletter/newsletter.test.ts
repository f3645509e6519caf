import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { afterSignUp, consentText, mayResendConfirmation } from './newsletter.js'

describe('newsletter rules', () => {
  it('sends a confirmation at most once a day', () => {
    const now = new Date('2026-11-27T12:00:00Z')
    assert.equal(mayResendConfirmation(null, now), true)
    assert.equal(mayResendConfirmation(new Date('2026-11-27T01:00:00Z'), now), false)
    assert.equal(mayResendConfirmation(new Date('2026-11-26T11:59:00Z'), now), true)
  })

  it('keeps a confirmed subscription and re-asks everyone else', () => {
    assert.deepEqual(afterSignUp('confirmed'), { status: 'confirmed', sendConfirmation: false })
    assert.deepEqual(afterSignUp('unsubscribed'), { status: 'pending', sendConfirmation: true })
    assert.deepEqual(afterSignUp(undefined), { status: 'pending', sendConfirmation: true })
  })

  it('words the consent with the newsletter and the publication', () => {
    assert.match(
      consentText('The Lantern Weekly', 'The Lantern'),
      /^I want to receive The Lantern Weekly by email\. The Lantern keeps only my address/,
    )
  })
})
