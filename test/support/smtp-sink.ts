import net from 'node:net'
import { SMTPServer } from 'smtp-server'

/** One message as the sink received it. */
export interface Received {
  to: string[]
  messageId: string
  raw: string
}

export interface SmtpSink {
  port: number
  url: string
  received: Received[]
  /** Messages per recipient address, counting every SMTP-level copy. */
  copiesTo(address: string): Received[]
  close(): Promise<void>
}

/**
 * A real SMTP server (smtp-server) on a random loopback port, keeping every message. It can
 * refuse chosen recipients with 550, or everything with 421, and wait before each answer.
 */
export async function startSmtpSink(
  opts: {
    refuse?: (rcpt: string) => boolean
    down?: () => boolean
    delayMs?: number
  } = {},
): Promise<SmtpSink> {
  const received: Received[] = []
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    closeTimeout: 200,
    size: 10 * 1024 * 1024,
    onMailFrom(_a, _s, cb) {
      if (opts.down?.())
        return cb(Object.assign(new Error('4.3.2 Try again later'), { responseCode: 421 }))
      cb()
    },
    onRcptTo(address, _s, cb) {
      if (opts.refuse?.(address.address.toLowerCase()))
        return cb(Object.assign(new Error('5.1.1 No such mailbox'), { responseCode: 550 }))
      cb()
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        const id = /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? ''
        const done = () => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            messageId: id,
            raw,
          })
          cb()
        }
        if (opts.delayMs) setTimeout(done, opts.delayMs)
        else done()
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  // A client that dies mid-message (the kill test does that on purpose) resets its connection;
  // smtp-server reports it as an 'error' event, which must not crash the test process.
  server.on('error', () => {})
  const address = server.server.address() as net.AddressInfo
  return {
    port: address.port,
    url: `smtp://127.0.0.1:${address.port}`,
    received,
    copiesTo: (a) => received.filter((r) => r.to.includes(a.toLowerCase())),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** A loopback port nothing listens on: bound once, then released. */
export async function closedPort(): Promise<number> {
  const s = net.createServer()
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', () => resolve()))
  const { port } = s.address() as net.AddressInfo
  await new Promise<void>((resolve) => s.close(() => resolve()))
  return port
}

/** Waits until `check` is true, polling; fails with `what` after `ms`. */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  ms = 20_000,
): Promise<void> {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}
