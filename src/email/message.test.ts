import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { AppError } from '../lib/errors.js'
import { type Message, isEmailAddress, messageProblems, validateMessage } from './message.js'

const ok: Message = {
  to: 'anna@example.org',
  from: { name: 'The Lantern', address: 'newsroom@lantern.example' },
  subject: 'You are invited',
  text: 'Follow the link to set your password.',
}

const CRLF_FIXTURE = '/work/shared/fixtures/hostile/crlf/crlfinjection.txt'

/** Every way a fixture line might reach us: as typed, and percent-decoded once, twice, thrice. */
function variants(line: string): string[] {
  const out = [line]
  let s = line
  for (let i = 0; i < 3; i++) {
    try {
      s = decodeURIComponent(s.replace(/%u([0-9a-f]{4})/gi, (_, h: string) => `%${h.slice(2)}`))
    } catch {
      // A stray % ("%%0a") stops decoding; decode what is decodable so the payload still counts.
      s = s.replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    }
    out.push(s)
  }
  return [...new Set(out)]
}

describe('email message validation', () => {
  it('accepts a plain message, names, IDN domains and sub-addresses', () => {
    assert.deepEqual(messageProblems(ok), [])
    assert.deepEqual(
      messageProblems({
        ...ok,
        to: { name: 'Анна Иванова', address: 'anna.ivanova+invites@пример.рф' },
        replyTo: 'desk@lantern.example',
        headers: { 'List-Unsubscribe': '<https://lantern.example/u/abc>' },
        messageId: '<abc-123@lantern.example>',
      }),
      [],
    )
  })

  it('refuses malformed addresses, one reason per field', () => {
    const refused: [string, string][] = [
      ['a@b.c\r\nBcc: x@y.z', 'contains a line break'],
      ['a@b.c\nBcc: x@y.z', 'contains a line break'],
      ['"a,b"@c.d', 'not an email address'],
      ['a@b.c, x@y.z', 'not an email address'],
      ['Anna <a@b.c>', 'not an email address'],
      ['anna.example.org', 'not an email address'],
      ['@example.org', 'not an email address'],
      ['anna@', 'not an email address'],
      ['.anna@example.org', 'not an email address'],
      ['an..na@example.org', 'not an email address'],
      ['anna@-example.org', 'not an email address'],
      ['anna@localhost', 'not an email address'],
      ['anna@1.2.3.4', 'not an email address'],
      ['anna@[127.0.0.1]', 'not an email address'],
      [`${'a'.repeat(65)}@example.org`, 'not an email address'],
      [`a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(60)}.org`, 'too long'],
      ['', 'required'],
    ]
    for (const [to, reason] of refused) {
      assert.deepEqual(messageProblems({ ...ok, to }), [`to: ${reason}`], JSON.stringify(to))
    }
    assert.equal(
      isEmailAddress(`a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.org`),
      true,
    )
  })

  it('refuses line breaks and control characters in every header field', () => {
    const m: Message = {
      to: { name: 'Anna\r\nBcc: x@y.z', address: 'anna@example.org' },
      from: { name: 'Desk', address: 'desk@lantern.example\nBcc: x@y.z' },
      replyTo: 'reply@lantern.example\r',
      subject: 'Hello\u0000',
      text: 'Body lines\r\nare fine here.',
      headers: {
        'List-Unsubscribe': '<https://x.example/u>\r\nBcc: x@y.z',
        'X-Evil\r\nBcc': 'x@y.z',
        Bcc: 'x@y.z',
        'X-Tracking': 'a\u2028b',
      },
      messageId: '<a@b>\r\nBcc: x@y.z',
    }
    assert.deepEqual(messageProblems(m), [
      'to.name: contains a line break',
      'from: contains a line break',
      'replyTo: contains a line break',
      'subject: contains a control character',
      'headers.List-Unsubscribe: contains a line break',
      'headers: not a header name',
      'headers.Bcc: set by the message itself',
      'headers.X-Tracking: contains a line break',
      'messageId: contains a line break',
    ])
  })

  it('throws VALIDATION_FAILED (422) with the same list as details', () => {
    assert.doesNotThrow(() => validateMessage(ok))
    assert.throws(
      () => validateMessage({ ...ok, to: 'nobody', subject: ' ', text: '' }),
      (e: unknown) =>
        e instanceof AppError &&
        e.code === 'VALIDATION_FAILED' &&
        e.status === 422 &&
        JSON.stringify(e.details) ===
          JSON.stringify(['to: not an email address', 'subject: required', 'text: required']),
    )
  })

  it('refuses every hostile CRLF-injection payload in every header field', (t) => {
    if (!existsSync(CRLF_FIXTURE)) {
      t.skip(`${CRLF_FIXTURE} is absent: hostile fixtures are not on this machine`)
      return
    }
    const lines = readFileSync(CRLF_FIXTURE, 'utf8').split('\n').filter(Boolean)
    assert.ok(lines.length > 0)
    let injections = 0
    for (const line of lines) {
      for (const v of variants(line)) {
        const hasBreak = /[\r\n]/.test(v)
        if (hasBreak) injections++
        // Subjects and header values may hold odd text; they are refused only for a line break.
        const subject = messageProblems({ ...ok, subject: `Invite ${v}` })
        assert.deepEqual(subject, hasBreak ? ['subject: contains a line break'] : [], v)
        const header = messageProblems({ ...ok, headers: { 'X-Ref': v } })
        assert.deepEqual(header, hasBreak ? ['headers.X-Ref: contains a line break'] : [], v)
        const name = messageProblems({ ...ok, to: { name: v, address: 'a@b.example' } })
        assert.deepEqual(name, hasBreak ? ['to.name: contains a line break'] : [], v)
        // Appended to an address, every payload is refused one way or the other.
        assert.equal(messageProblems({ ...ok, to: `anna@example.org${v}` }).length, 1, v)
        assert.equal(messageProblems({ ...ok, from: `${v}@example.org` }).length, 1, v)
      }
    }
    assert.ok(injections >= lines.length, 'every payload decodes to a real line break')
  })
})
