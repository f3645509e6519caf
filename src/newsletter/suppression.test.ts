import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  parseMailEvents,
  parseSuppressionCsv,
  webhookAuthorized,
  webhookSignature,
} from './suppression.js'

const sns = (message: unknown) => ({
  Type: 'Notification',
  MessageId: 'x',
  Message: JSON.stringify(message),
})

describe('suppression rules', () => {
  it('reads our generic shape; a soft bounce is ignored', () => {
    const r = parseMailEvents({
      events: [
        { type: 'bounce', email: ' Gone@Example.org ', detail: '550 no such user' },
        { type: 'bounce', email: 'full@example.org', permanent: false },
        { type: 'complaint', email: 'angry@example.org' },
      ],
    })
    assert.ok(r.ok)
    assert.deepEqual(r.events, [
      { email: 'gone@example.org', reason: 'bounce', detail: '550 no such user' },
      { email: 'angry@example.org', reason: 'complaint', detail: '' },
    ])
    assert.equal(r.ignored, 1)
  })

  it('rejects the whole report when one event is wrong', () => {
    const r = parseMailEvents({
      events: [
        { type: 'bounce', email: 'ok@example.org' },
        { type: 'bounce', email: 'x@y.org\r\nBcc: all@example.org' },
        { type: 'unsubscribe', email: 'a@example.org' },
      ],
    })
    assert.equal(r.ok, false)
    assert.deepEqual(!r.ok && r.problems, [
      'events[1].email: not an email address',
      'events[2].type: must be bounce or complaint',
    ])
    assert.equal(parseMailEvents([]).ok, false)
    assert.equal(parseMailEvents({ events: new Array(1001).fill({}) }).ok, false)
    assert.equal(parseMailEvents({ events: 'x' }).ok, false)
  })

  it('reads Amazon SES bounces and complaints through SNS; transient bounces stop nothing', () => {
    const hard = parseMailEvents(
      sns({
        notificationType: 'Bounce',
        bounce: {
          bounceType: 'Permanent',
          bounceSubType: 'General',
          bouncedRecipients: [{ emailAddress: 'Hard@Example.org' }],
        },
      }),
    )
    assert.ok(hard.ok)
    assert.deepEqual(hard.events, [
      { email: 'hard@example.org', reason: 'bounce', detail: 'General' },
    ])
    const soft = parseMailEvents(
      sns({
        notificationType: 'Bounce',
        bounce: { bounceType: 'Transient', bouncedRecipients: [{ emailAddress: 's@example.org' }] },
      }),
    )
    assert.ok(soft.ok)
    assert.deepEqual(soft.events, [])
    const complaint = parseMailEvents({
      eventType: 'Complaint',
      complaint: {
        complaintFeedbackType: 'abuse',
        complainedRecipients: [{ emailAddress: 'Reader <c@example.org>' }],
      },
    })
    assert.ok(complaint.ok)
    assert.deepEqual(complaint.events, [
      { email: 'c@example.org', reason: 'complaint', detail: 'abuse' },
    ])
    const delivery = parseMailEvents(sns({ notificationType: 'Delivery' }))
    assert.ok(delivery.ok && delivery.events.length === 0)
    const confirm = parseMailEvents({
      Type: 'SubscriptionConfirmation',
      SubscribeURL: 'https://sns.example/confirm',
    })
    assert.ok(confirm.ok && confirm.subscribeUrl === 'https://sns.example/confirm')
    assert.equal(parseMailEvents({ Type: 'Notification', Message: '{not json' }).ok, false)
  })

  it('accepts the HMAC signature or the Basic password, nothing else', () => {
    const secret = 'a-secret-of-enough-length-1234'
    const body = '{"events":[]}'
    const sig = webhookSignature(secret, body)
    assert.match(sig, /^sha256=[0-9a-f]{64}$/)
    assert.equal(webhookAuthorized(secret, body, { signature: sig }), true)
    assert.equal(webhookAuthorized(secret, body + ' ', { signature: sig }), false)
    assert.equal(webhookAuthorized(secret, body, { signature: 'sha256=00' }), false)
    const basic = (p: string) => `Basic ${Buffer.from(`sns:${p}`).toString('base64')}`
    assert.equal(webhookAuthorized(secret, body, { authorization: basic(secret) }), true)
    assert.equal(webhookAuthorized(secret, body, { authorization: basic('guess') }), false)
    assert.equal(webhookAuthorized(secret, body, {}), false)
  })

  it('reads a CSV of bounces, leaving soft ones out, and names bad lines', () => {
    const ok = parseSuppressionCsv(
      'Email,Reason,Detail\r\nA@example.org,hard,550\r\nb@example.org,soft,\r\nc@example.org,complaint,"abuse, twice"\r\n',
    )
    assert.ok(ok.ok)
    assert.deepEqual(ok.events, [
      { email: 'a@example.org', reason: 'bounce', detail: '550' },
      { email: 'c@example.org', reason: 'complaint', detail: 'abuse, twice' },
    ])
    const bad = parseSuppressionCsv('email,reason\nnot-an-address,bounce\nx@example.org,maybe\n')
    assert.deepEqual(!bad.ok && bad.problems, [
      'Line 2: email is not an email address',
      'Line 3: reason must be bounce, complaint or manual',
    ])
    assert.equal(parseSuppressionCsv('address\nx@example.org').ok, false)
    assert.equal(parseSuppressionCsv('').ok, false)
  })
})
