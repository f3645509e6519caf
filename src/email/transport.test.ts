import assert from 'node:assert/strict'
import { generateKeyPairSync } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { dkimVerify } from 'mailauth'
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser'
import { pino } from 'pino'
import { SMTPServer, type SMTPServerOptions } from 'smtp-server'
import { fixedClock } from '../lib/clock.js'
import { AppError } from '../lib/errors.js'
import { prepareBulk } from './bulk.js'
import type { Message } from './message.js'
import {
  type MailLog,
  type MailTransport,
  type SendResult,
  createFileTransport,
  createMemoryTransport,
  createSmtpTransport,
} from './transport.js'
import { createFailoverTransport, transportFromUrls } from './failover.js'

// The app passes its pino logger; this line breaks the build if MailLog stops fitting it.
const _pinoFits: MailLog = pino({ enabled: false })

interface TestServer {
  port: number
  /** Raw bytes of each message the server took, in order. */
  received: Buffer[]
  connections: number
  rcptAttempts: number
  close(): Promise<void>
}

/** A real SMTP server on a random loopback port that keeps what it is sent. */
async function startServer(opts: {
  refuseRcpt?: boolean
  auth?: { user: string; pass: string }
  secure?: boolean
}): Promise<TestServer> {
  const state = { received: [] as Buffer[], connections: 0, rcptAttempts: 0 }
  const options: SMTPServerOptions = {
    secure: opts.secure ?? false,
    // Our test servers have no certificate a client would trust, so no STARTTLS offer.
    disabledCommands: opts.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    authOptional: !opts.auth,
    logger: false,
    closeTimeout: 500,
    onConnect(_session, cb) {
      state.connections++
      cb()
    },
    onAuth(auth, _session, cb) {
      const good = auth.username === opts.auth?.user && auth.password === opts.auth?.pass
      if (good) cb(null, { user: auth.username })
      else cb(new Error('Invalid username or password'))
    },
    onRcptTo(_address, _session, cb) {
      state.rcptAttempts++
      if (!opts.refuseRcpt) return cb()
      const refusal = Object.assign(new Error('5.1.1 Mailbox unavailable'), { responseCode: 550 })
      cb(refusal)
    },
    onData(stream, _session, cb) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        state.received.push(Buffer.concat(chunks))
        cb()
      })
    },
  }
  const server = new SMTPServer(options)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const address = server.server.address()
  assert.ok(address && typeof address === 'object')
  return Object.assign(state, {
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  })
}

/** A loopback port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const s = net.createServer()
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', () => resolve()))
  const address = s.address()
  assert.ok(address && typeof address === 'object')
  await new Promise<void>((resolve) => s.close(() => resolve()))
  return address.port
}

function message(overrides: Partial<Message> = {}): Message {
  return {
    to: { name: 'Anna Field', address: 'anna@example.org' },
    from: { name: 'The Lantern', address: 'newsroom@lantern.example' },
    replyTo: 'desk@lantern.example',
    subject: 'You are invited to The Lantern',
    text: 'Set your password: https://lantern.example/admin/invite/abc\n\nThe Lantern',
    html: '<p>Set your password: <a href="https://lantern.example/admin/invite/abc">here</a></p>',
    headers: {
      'List-Unsubscribe': '<https://lantern.example/u/abc>, <mailto:u+abc@lantern.example>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    ...overrides,
  }
}

function firstAddress(a: AddressObject | AddressObject[] | undefined) {
  const first = Array.isArray(a) ? a[0] : a
  return first?.value[0]
}

function rawHeader(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line
  // Unfolded as RFC 5322 says: a long value may come back split over lines.
  return line
    ?.slice(line.indexOf(':') + 1)
    .replace(/\r?\n(?=[ \t])/g, '')
    .trim()
}

/** What one kind of transport needs for the contract suite: itself, and where its mail lands. */
interface Harness {
  transport: MailTransport
  delivered(): Promise<Buffer[]>
  stop(): Promise<void>
}

const harnesses: Record<string, () => Promise<Harness>> = {
  async smtp() {
    const server = await startServer({})
    const transport = createSmtpTransport({ url: `smtp://127.0.0.1:${server.port}` })
    return {
      transport,
      delivered: async () => server.received,
      async stop() {
        await transport.close()
        await server.close()
      },
    }
  },
  async file() {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'masthead-mail-'))
    const transport = createFileTransport(dir)
    return {
      transport,
      async delivered() {
        const names = (await readdir(dir)).sort()
        // Only finished files: a temporary one would mean a reader could see half a message.
        assert.ok(
          names.every((n) => n.endsWith('.eml') && !n.startsWith('.')),
          names.join(),
        )
        return Promise.all(names.map((n) => readFile(path.join(dir, n))))
      },
      async stop() {
        await transport.close()
        await rm(dir, { recursive: true, force: true })
      },
    }
  },
  async memory() {
    const transport = createMemoryTransport()
    return {
      transport,
      delivered: async () => transport.sent.map((s) => s.raw),
      stop: () => transport.close(),
    }
  },
}

for (const [kind, start] of Object.entries(harnesses)) {
  describe(`${kind} transport: the contract every transport keeps`, () => {
    let h: Harness
    before(async () => {
      h = await start()
    })
    after(() => h.stop())

    /** Sends, then finds and parses the one delivered copy of that message. */
    async function sendAndFetch(m: Message): Promise<{ result: SendResult; mail: ParsedMail }> {
      const result = await h.transport.send(m)
      assert.equal(result.accepted, true)
      const copies = []
      for (const raw of await h.delivered()) {
        // RFC 5322: every line ends in CRLF, whichever way the mail travelled.
        assert.doesNotMatch(raw.toString('latin1'), /[^\r]\n/)
        const mail = await simpleParser(raw)
        if (mail.messageId === result.messageId) copies.push(mail)
      }
      assert.equal(copies.length, 1, 'delivered exactly once')
      const [mail] = copies
      assert.ok(mail)
      return { result, mail }
    }

    it('delivers subject, text, html, reply-to and extra headers as sent', async () => {
      const m = message()
      const { mail } = await sendAndFetch(m)
      assert.equal(mail.subject, m.subject)
      assert.equal(mail.text?.trim(), m.text.trim())
      assert.equal(typeof mail.html === 'string' && mail.html.trim(), m.html)
      assert.deepEqual(firstAddress(mail.to), { name: 'Anna Field', address: 'anna@example.org' })
      assert.deepEqual(firstAddress(mail.from), {
        name: 'The Lantern',
        address: 'newsroom@lantern.example',
      })
      assert.equal(firstAddress(mail.replyTo)?.address, 'desk@lantern.example')
      assert.equal(rawHeader(mail, 'List-Unsubscribe'), m.headers?.['List-Unsubscribe'])
      assert.equal(rawHeader(mail, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click')
    })

    it('keeps a Cyrillic subject and display names intact', async () => {
      const m = message({
        to: { name: 'Анна Полевая', address: 'anna@example.org' },
        from: { name: 'Редакция «Фонаря»', address: 'newsroom@lantern.example' },
        subject: 'Приглашение в редакцию «Фонаря» — задайте пароль',
        text: 'Здравствуйте! Ссылка действует 7 дней.',
        html: undefined,
      })
      const { mail } = await sendAndFetch(m)
      assert.equal(mail.subject, m.subject)
      assert.equal(firstAddress(mail.to)?.name, 'Анна Полевая')
      assert.equal(firstAddress(mail.from)?.name, 'Редакция «Фонаря»')
      assert.equal(mail.text?.trim(), m.text)
      assert.equal(mail.html, false, 'no HTML part when none was given')
    })

    it("keeps the caller's Message-ID, or makes one under the sender's domain", async () => {
      const given = '<invite-42@lantern.example>'
      const { result } = await sendAndFetch(message({ messageId: given }))
      assert.equal(result.messageId, given)
      const { result: made } = await sendAndFetch(message())
      assert.match(made.messageId, /^<[0-9a-f-]{36}@lantern\.example>$/)
    })

    it('refuses a header injection with VALIDATION_FAILED and delivers nothing', async () => {
      const before = (await h.delivered()).length
      await assert.rejects(
        h.transport.send(message({ to: 'a@b.example\r\nBcc: victim@c.example' })),
        (e: unknown) => e instanceof AppError && e.code === 'VALIDATION_FAILED',
      )
      assert.equal((await h.delivered()).length, before)
    })
  })
}

describe('SMTP transport', () => {
  it('signs in with the credentials in the URL, and fails on wrong ones', async () => {
    const server = await startServer({ auth: { user: 'mailer', pass: 'p@ss:word' } })
    const good = createSmtpTransport({
      url: `smtp://mailer:${encodeURIComponent('p@ss:word')}@127.0.0.1:${server.port}`,
    })
    const bad = createSmtpTransport({ url: `smtp://mailer:nope@127.0.0.1:${server.port}` })
    try {
      assert.equal(good.name, `smtp://127.0.0.1:${server.port}`, 'no password in the name')
      await good.send(message())
      await assert.rejects(bad.send(message()), { code: 'EAUTH' })
      assert.equal(server.received.length, 1)
    } finally {
      await good.close()
      await bad.close()
      await server.close()
    }
  })

  it('speaks TLS from the first byte with smtps://', async () => {
    const server = await startServer({ secure: true })
    // The test server's certificate is self-signed; a real provider's is not.
    const t = createSmtpTransport({
      url: `smtps://127.0.0.1:${server.port}?tls.rejectUnauthorized=false`,
    })
    try {
      await t.send(message())
      assert.equal(server.received.length, 1)
    } finally {
      await t.close()
      await server.close()
    }
  })

  it('refuses a URL that is not smtp:// or smtps:// without repeating it', () => {
    assert.throws(
      () => createSmtpTransport({ url: 'http://user:secret@mail.example' }),
      (e: unknown) =>
        e instanceof AppError && e.code === 'VALIDATION_FAILED' && !e.message.includes('secret'),
    )
  })

  it('signs with DKIM so that a verifier finds the signature valid', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const server = await startServer({})
    const t = createSmtpTransport({
      url: `smtp://127.0.0.1:${server.port}`,
      dkim: {
        domainName: 'lantern.example',
        keySelector: 'mail2026',
        privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      },
    })
    const spki = publicKey.export({ type: 'spki', format: 'der' }).toString('base64')
    const record = `v=DKIM1; k=rsa; p=${spki}`
    // Stands in for DNS: only the selector's TXT record exists.
    const resolver = async (name: string, type: string) => {
      if (name === 'mail2026._domainkey.lantern.example' && type === 'TXT') return [[record]]
      throw Object.assign(new Error(`no ${type} for ${name}`), { code: 'ENOTFOUND' })
    }
    try {
      await t.send(message({ subject: 'Подпись DKIM' }))
      const [raw] = server.received
      assert.ok(raw)
      const result = await dkimVerify(raw, { resolver })
      assert.equal(result.results.length, 1)
      assert.equal(result.results[0]?.status.result, 'pass', result.results[0]?.info)
      assert.equal(result.results[0]?.signingDomain, 'lantern.example')

      // The same check on a doctored copy fails, so the pass above means something.
      const doctored = Buffer.from(
        raw.toString('latin1').replace('Set your', 'Send your'),
        'latin1',
      )
      const tampered = await dkimVerify(doctored, { resolver })
      // mailauth calls a body hash mismatch 'neutral' (body hash did not verify), not 'fail'.
      assert.notEqual(tampered.results[0]?.status.result, 'pass', tampered.results[0]?.info)

      // A bulk copy, sent as raw bytes, is signed the same way (ADR 017).
      const bulk = await prepareBulk({
        from: { name: 'Фонарь', address: 'news@lantern.example' },
        subject: 'Подпись DKIM',
        text: 'Hello {{c0ffee:name}}, this is yours.\n',
        html: '<p>Hello {{c0ffee:name}} · yours</p>',
        headers: { 'List-Unsubscribe': '<https://lantern.example/u/{{c0ffee:name}}>' },
        marker: 'c0ffee',
      })
      const copy = bulk.raw(
        {
          to: 'reader+news@example.net',
          messageId: '<c1@lantern.example>',
          values: { name: 'Ann' },
        },
        new Date(),
      )
      assert.ok(copy)
      await t.sendRaw!(copy)
      const signed = server.received[1]!
      assert.equal(signed.toString('latin1').match(/^DKIM-Signature:/gm)?.length, 1)
      const bulkResult = await dkimVerify(signed, { resolver })
      assert.equal(bulkResult.results[0]?.status.result, 'pass', bulkResult.results[0]?.info)
    } finally {
      await t.close()
      await server.close()
    }
  })

  it('delivers 200 messages over one pool of connections', async () => {
    const server = await startServer({})
    const t = createSmtpTransport({ url: `smtp://127.0.0.1:${server.port}`, maxConnections: 5 })
    try {
      const started = performance.now()
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          t.send(message({ to: `reader${i}@example.org`, subject: `Issue ${i}` })),
        ),
      )
      const ms = performance.now() - started
      const rate = ((200 / ms) * 1000).toFixed(0)
      console.log(
        `pool: 200 messages in ${ms.toFixed(0)} ms (${rate}/s), ${server.connections} connections`,
      )
      assert.equal(server.received.length, 200)
      assert.equal(new Set(results.map((r) => r.messageId)).size, 200)
      assert.ok(server.connections <= 5, `pooled: ${server.connections} connections`)
    } finally {
      await t.close()
      await server.close()
    }
  })
})

describe('fail-over transport', () => {
  it('sends through the secondary, exactly once, when the primary refuses with 550', async () => {
    const primary = await startServer({ refuseRcpt: true })
    const secondary = await startServer({})
    const t = createFailoverTransport([
      createSmtpTransport({ url: `smtp://127.0.0.1:${primary.port}` }),
      createSmtpTransport({ url: `smtp://127.0.0.1:${secondary.port}` }),
    ])
    try {
      const r = await t.send(message())
      assert.equal(r.transport, `smtp://127.0.0.1:${secondary.port}`)
      assert.equal(primary.received.length, 0)
      assert.equal(secondary.received.length, 1)
      // A refused recipient says nothing about the provider: the next message tries it again.
      await t.send(message({ to: 'bob@example.org' }))
      assert.equal(primary.rcptAttempts, 2)
      assert.equal(secondary.received.length, 2)
    } finally {
      await t.close()
      await primary.close()
      await secondary.close()
    }
  })

  it('sends through the secondary, exactly once, when the primary is unreachable', async () => {
    const deadPort = await closedPort()
    const secondary = await startServer({})
    const t = transportFromUrls(
      [`smtp://127.0.0.1:${deadPort}, smtp://127.0.0.1:${secondary.port}`],
      { dir: '/nonexistent', log: pino({ enabled: false }) },
    )
    try {
      const r = await t.send(message())
      assert.equal(r.transport, `smtp://127.0.0.1:${secondary.port}`)
      assert.equal(secondary.received.length, 1)
      const [mail] = await Promise.all(secondary.received.map((raw) => simpleParser(raw)))
      assert.equal(mail?.messageId, r.messageId)
    } finally {
      await t.close()
      await secondary.close()
    }
  })

  /** A transport that fails on demand and counts how often it is asked. */
  function stub(name: string, fail: () => Error | undefined) {
    const calls = { count: 0 }
    const t: MailTransport = {
      name,
      async send(m) {
        calls.count++
        const e = fail()
        if (e) throw e
        return { messageId: m.messageId ?? '<none@x>', accepted: true }
      },
      async close() {},
    }
    return Object.assign(t, { calls })
  }
  const refused = () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNECTION' })

  it('sets a failing primary aside for the cool-down, then tries it first again', async () => {
    const clock = fixedClock('2026-03-01T10:00:00Z')
    let primaryDown = true
    const a = stub('a', () => (primaryDown ? refused() : undefined))
    const b = stub('b', () => undefined)
    const t = createFailoverTransport([a, b], { clock, cooldownMs: 30_000 })
    assert.equal((await t.send(message())).transport, 'b')
    clock.set('2026-03-01T10:00:20Z')
    assert.equal((await t.send(message())).transport, 'b')
    assert.equal(a.calls.count, 1, 'not retried within the cool-down')
    primaryDown = false
    clock.set('2026-03-01T10:00:31Z')
    assert.equal((await t.send(message())).transport, 'a')
    assert.equal(a.calls.count, 2)
  })

  it('still tries a cooling transport when every other one fails', async () => {
    const clock = fixedClock('2026-03-01T10:00:00Z')
    let primaryDown = true
    const a = stub('a', () => (primaryDown ? refused() : undefined))
    const b = stub('b', () => (primaryDown ? undefined : refused()))
    const t = createFailoverTransport([a, b], { clock })
    await t.send(message())
    primaryDown = false
    assert.equal((await t.send(message())).transport, 'a')
    assert.deepEqual([a.calls.count, b.calls.count], [2, 2])
  })

  it('throws one error naming every transport and why it failed when all fail', async () => {
    const a = stub('smtp://a.example:587', refused)
    const b = stub('smtp://b.example:587', () =>
      Object.assign(new Error('Mailbox unavailable'), {
        code: 'EENVELOPE',
        responseCode: 550,
        command: 'RCPT TO',
        response: '550 5.1.1 Mailbox unavailable',
      }),
    )
    const t = createFailoverTransport([a, b])
    await assert.rejects(t.send(message()), (e: unknown) => {
      assert.ok(e instanceof AppError)
      assert.equal(e.code, 'INTERNAL')
      assert.deepEqual(e.details, [
        'smtp://a.example:587: ECONNECTION: connect ECONNREFUSED',
        'smtp://b.example:587: refused with 550 at RCPT: 550 5.1.1 Mailbox unavailable',
      ])
      return true
    })
  })

  it('gives every try the same Message-ID and tries nothing for an invalid message', async () => {
    const seen: string[] = []
    const record = (fail: boolean): MailTransport => ({
      name: `t${seen.length}`,
      async send(m) {
        seen.push(m.messageId ?? 'none')
        if (fail) throw refused()
        return { messageId: m.messageId ?? 'none', accepted: true }
      },
      async close() {},
    })
    const t = createFailoverTransport([record(true), record(false)])
    const r = await t.send(message())
    assert.deepEqual(seen, [r.messageId, r.messageId])
    await assert.rejects(t.send(message({ subject: 'a\r\nBcc: x@y.example' })), {
      code: 'VALIDATION_FAILED',
    })
    assert.equal(seen.length, 2)
  })
})

describe('transport from SMTP_URL', () => {
  it('writes files, and says where, when no URL is set', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'masthead-mail-'))
    const lines: { obj: object; msg: string }[] = []
    const log: MailLog = {
      info: (obj, msg) => lines.push({ obj, msg }),
      warn: (obj, msg) => lines.push({ obj, msg }),
    }
    const t = transportFromUrls([' '], { dir, log })
    try {
      const r = await t.send(message())
      assert.equal(path.dirname(r.response ?? ''), dir)
      assert.match(r.response ?? '', /\.eml$/)
      assert.deepEqual(lines[0]?.obj, { dir })
      assert.deepEqual(lines[1]?.obj, { path: r.response, subject: message().subject })
    } finally {
      await t.close()
      await rm(dir, { recursive: true, force: true })
    }
  })
})
