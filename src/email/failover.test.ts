import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, it } from 'node:test'
import { fixedClock } from '../lib/clock.js'
import { closedPort, startSmtpSink } from '../../test/support/smtp-sink.js'
import { createFailoverTransport, transportFromSettings } from './failover.js'
import type { Message } from './message.js'
import { type MailLog, type MailTransport, createSmtpTransport } from './transport.js'

const message = (i = 0): Message => ({
  to: { name: 'Reader', address: `reader${i}@example.org` },
  from: { name: 'The Lantern', address: 'newsroom@lantern.example' },
  subject: 'The week',
  text: 'Plain text.',
})

function recordingLog() {
  const warnings: object[] = []
  const log: MailLog = { info: () => {}, warn: (o) => void warnings.push(o) }
  return { log, warnings }
}

function stub(name: string, down: () => boolean) {
  const calls = { count: 0 }
  const t: MailTransport = {
    name,
    async send(m) {
      calls.count++
      if (down()) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNECTION' })
      return { messageId: m.messageId ?? '<none@x>', accepted: true }
    },
    async close() {},
  }
  return Object.assign(t, { calls })
}

describe('fail-over cool-down', () => {
  it('doubles the cool-down with each failure in a row, up to the longest, and resets on success', async () => {
    const clock = fixedClock('2026-03-01T10:00:00Z')
    let down = true
    const a = stub('a', () => down)
    const b = stub('b', () => false)
    const { log, warnings } = recordingLog()
    const t = createFailoverTransport([a, b], {
      clock,
      log,
      cooldownMs: 30_000,
      maxCooldownMs: 100_000,
    })
    const at = (s: number) => clock.set(new Date(Date.parse('2026-03-01T10:00:00Z') + s * 1000))
    await t.send(message())
    // Probed again only when each cool-down is over: 30 s, then 60 s, then the 100 s cap.
    for (const [s, tries] of [
      [29, 1],
      [30, 2],
      [89, 2],
      [90, 3],
      [189, 3],
      [190, 4],
      [289, 4],
      [290, 5],
    ] as const) {
      at(s)
      assert.equal((await t.send(message())).transport, 'b')
      assert.equal(a.calls.count, tries, `at ${s} s`)
    }
    assert.deepEqual(
      warnings.map((w) => (w as { setAsideMs: number }).setAsideMs),
      [30_000, 60_000, 100_000, 100_000, 100_000],
    )
    down = false
    at(390)
    assert.equal((await t.send(message())).transport, 'a')
    down = true
    at(391)
    await t.send(message())
    assert.equal((warnings.at(-1) as { setAsideMs: number }).setAsideMs, 30_000, 'reset')
  })

  it('lets one message probe a transport whose cool-down is over while the others go elsewhere', async () => {
    let release: () => void = () => {}
    const gate = new Promise<void>((r) => (release = r))
    let probes = 0
    const a: MailTransport = {
      name: 'a',
      async send() {
        probes++
        await gate
        throw Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })
      },
      async close() {},
    }
    const b = stub('b', () => false)
    const t = createFailoverTransport([a, b], { cooldownMs: 1 })
    const all = Array.from({ length: 20 }, (_, i) => t.send(message(i)))
    // The first message took the first try; the other 19 went to b without waiting.
    await new Promise((r) => setImmediate(r))
    assert.equal(probes, 20, 'before any failure is known, every message tries the first')
    release()
    await Promise.all(all)
    const more = Array.from({ length: 20 }, (_, i) => t.send(message(i)))
    await Promise.all(more)
    assert.ok(probes <= 21, `${probes} tries of the dead transport`)
  })

  it('a dead first server costs a handful of warnings for a whole send, not one per message', async () => {
    const sink = await startSmtpSink()
    const dead = createSmtpTransport({
      url: `smtp://127.0.0.1:${await closedPort()}`,
      connectTimeoutMs: 2000,
    })
    const live = createSmtpTransport({ url: sink.url })
    const { log, warnings } = recordingLog()
    const t = createFailoverTransport([dead, live], { log })
    try {
      for (let batch = 0; batch < 10; batch++) {
        await Promise.all(Array.from({ length: 20 }, (_, i) => t.send(message(batch * 20 + i))))
      }
      assert.equal(sink.received.length, 200)
      assert.ok(warnings.length <= 20, `${warnings.length} warnings for 200 messages`)
    } finally {
      await t.close()
      await sink.close()
    }
  })
})

describe('the transport the mail settings ask for', () => {
  const settings = {
    SMTP_URL: '',
    MAIL_DIR: '',
    SMTP_MAX_CONNECTIONS: 2,
    SMTP_RATE_LIMIT: 0,
    DKIM_DOMAIN: '',
    DKIM_SELECTOR: '',
    DKIM_PRIVATE_KEY_FILE: '',
  }

  it('writes files to MAIL_DIR without SMTP_URL, and sends over SMTP with it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-mail-'))
    const sink = await startSmtpSink()
    const files = transportFromSettings({ ...settings, MAIL_DIR: dir }, recordingLog().log)
    const smtp = transportFromSettings({ ...settings, SMTP_URL: sink.url }, recordingLog().log)
    try {
      await files.send(message(1))
      assert.equal(fs.readdirSync(dir).filter((f) => f.endsWith('.eml')).length, 1)
      await smtp.send(message(2))
      assert.equal(sink.received.length, 1)
    } finally {
      await files.close()
      await smtp.close()
      await sink.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('reads the DKIM key from its file, and fails at once when the file is missing', () => {
    assert.throws(
      () =>
        transportFromSettings(
          {
            ...settings,
            SMTP_URL: 'smtp://127.0.0.1:25',
            DKIM_DOMAIN: 'lantern.example',
            DKIM_SELECTOR: 'mail',
            DKIM_PRIVATE_KEY_FILE: '/nonexistent/dkim.pem',
          },
          recordingLog().log,
        ),
      /ENOENT/,
    )
  })
})
