import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import nodemailer from 'nodemailer'
import type { NodemailerError, SendMailOptions, SMTPSentMessageInfo, Transporter } from 'nodemailer'
import { type Clock, systemClock } from '../lib/clock.js'
import { AppError } from '../lib/errors.js'
import type { RawMessage } from './bulk.js'
import { type Message, newMessageId, validateMessage } from './message.js'

/** What a transport reports for a message it took. */
export interface SendResult {
  /** The Message-ID header the mail went out with, `<id@domain>`. */
  messageId: string
  /** True when the receiving side took responsibility for the mail. */
  accepted: boolean
  /** The server's last reply, or where the file transport wrote the mail. */
  response?: string
  /** Which transport took it; a fail-over names the member that succeeded. */
  transport?: string
}

/**
 * Something that takes a Message and delivers it somewhere. `send` validates first (a bad
 * message is a VALIDATION_FAILED error on every transport) and throws on any other failure.
 */
/** The parts of a message that carry its text: what a footer is added to. */
export interface MessageBody {
  text: string
  html?: string | undefined
  /** The language of the words (Message.language): what an added footer is written in. */
  language?: string | undefined
}

export interface MailTransport {
  readonly name: string
  send(m: Message): Promise<SendResult>
  /**
   * Sends bytes made by a bulk template (bulk.ts), checked there as `send` checks a Message.
   * The memory transport has none: tests read its Message objects.
   */
  sendRaw?(m: RawMessage): Promise<SendResult>
  /** Waits for messages in flight, then lets go of connections. */
  close(): Promise<void>
}

/** The two log calls the email module makes; a pino logger fits. */
export interface MailLog {
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
}

export const silentLog: MailLog = { info: () => {}, warn: () => {} }

/** A DKIM signing key: the public half is published at `<keySelector>._domainkey.<domainName>`. */
export interface DkimKey {
  domainName: string
  keySelector: string
  /** PEM. */
  privateKey: string
}

function toMailOptions(m: Message, messageId: string): SendMailOptions {
  return {
    to: m.to,
    from: m.from,
    replyTo: m.replyTo,
    subject: m.subject,
    text: m.text,
    html: m.html,
    // Checked by messageProblems: a language tag, nothing that could break the header line.
    headers: m.language ? { ...m.headers, 'Content-Language': m.language } : m.headers,
    messageId,
    ...(m.attachments?.length
      ? { attachments: m.attachments.map((a) => ({ ...a, contentDisposition: 'attachment' })) }
      : {}),
    // Attachments are given by their contents only: these stop any input from reading the disk.
    disableFileAccess: true,
    disableUrlAccess: true,
  }
}

/** Tracks sends in flight so close() does not cut one off halfway. */
function inFlight() {
  const running = new Set<Promise<unknown>>()
  return {
    track<T>(p: Promise<T>): Promise<T> {
      running.add(p)
      const done = () => running.delete(p)
      p.then(done, done)
      return p
    },
    async settle(): Promise<void> {
      await Promise.allSettled([...running])
    },
  }
}

export interface SmtpTransportOptions {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://user:pass@host:465`. */
  url: string
  /** Keep connections open and reuse them (default true); off only for one-off scripts. */
  pool?: boolean
  /** Connections open at once to this server (default 5). */
  maxConnections?: number
  /** Messages per second at most, to stay under a provider's sending limit. */
  rateLimit?: number
  dkim?: DkimKey
  /**
   * Milliseconds to wait for a connection and for the greeting (default 10 s). Nodemailer waits
   * 2 minutes; behind a fail-over a silent provider would hold each message that long.
   */
  connectTimeoutMs?: number
}

/** The URL without its credentials, fit for logs and error messages. */
function smtpName(url: string): string {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    u = new URL('invalid:')
  }
  if ((u.protocol !== 'smtp:' && u.protocol !== 'smtps:') || u.hostname === '') {
    // The URL itself is never echoed: it usually carries a password.
    throw new AppError('VALIDATION_FAILED', {
      status: 422,
      message: 'An SMTP URL must look like smtp://user:password@host:587 or smtps://…@host:465.',
      details: ['url: not an smtp:// or smtps:// address'],
    })
  }
  const port = u.port || (u.protocol === 'smtps:' ? '465' : '587')
  return `${u.protocol}//${u.hostname}:${port}`
}

/** Sends through one SMTP server with nodemailer: pooled connections, optional DKIM signature. */
export function createSmtpTransport(opts: SmtpTransportOptions): MailTransport {
  const name = smtpName(opts.url)
  const timeout = opts.connectTimeoutMs ?? 10_000
  const common = {
    url: opts.url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: 60_000,
    dkim: opts.dkim,
    disableFileAccess: true,
    disableUrlAccess: true,
  }
  const transporter: Transporter<SMTPSentMessageInfo> =
    opts.pool === false
      ? nodemailer.createTransport(common)
      : nodemailer.createTransport({
          ...common,
          pool: true,
          maxConnections: opts.maxConnections ?? 5,
          ...(opts.rateLimit ? { rateLimit: opts.rateLimit, rateDelta: 1000 } : {}),
        })
  const running = inFlight()

  return {
    name,
    async send(m) {
      validateMessage(m)
      const messageId = m.messageId ?? newMessageId(m.from)
      const info = await running.track(transporter.sendMail(toMailOptions(m, messageId)))
      return {
        messageId: info.messageId || messageId,
        accepted: info.accepted.length > 0 && info.rejected.length === 0,
        response: info.response,
        transport: name,
      }
    },
    async sendRaw(m) {
      const info = await running.track(
        // The id is the one in the bytes; given here, nodemailer does not make one up for its log.
        transporter.sendMail({
          envelope: { from: m.from, to: [m.to] },
          raw: m.raw,
          messageId: m.messageId,
        }),
      )
      return {
        messageId: m.messageId,
        accepted: info.accepted.length > 0 && info.rejected.length === 0,
        response: info.response,
        transport: name,
      }
    },
    async close() {
      await running.settle()
      transporter.close()
    },
  }
}

/** Turns a message into the RFC 5322 bytes a server would receive, without sending it. */
interface Composer {
  /** Validates the message first (no header injection), as every transport does. */
  compose(m: Message): Promise<{ messageId: string; raw: Buffer }>
}

function createComposer(): Composer {
  const builder = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
  })
  return {
    async compose(m) {
      validateMessage(m)
      const messageId = m.messageId ?? newMessageId(m.from)
      const info = await builder.sendMail(toMailOptions(m, messageId))
      if (!Buffer.isBuffer(info.message))
        throw new Error('nodemailer returned a stream, not a buffer')
      return { messageId: info.messageId || messageId, raw: info.message }
    },
  }
}

/**
 * Writes each message to `dir` as a .eml file that any mail client opens, instead of sending
 * it: what a machine without SMTP_URL does, so invitations and resets can still be followed.
 */
export function createFileTransport(
  dir: string,
  opts: { log?: MailLog; clock?: Clock } = {},
): MailTransport {
  const log = opts.log ?? silentLog
  const clock = opts.clock ?? systemClock
  const composer = createComposer()
  const running = inFlight()
  const name = `file:${dir}`

  async function write(m: Message): Promise<SendResult> {
    const { messageId, raw } = await composer.compose(m)
    return writeRaw(raw, messageId, m.subject)
  }

  async function writeRaw(raw: Buffer | string, messageId: string, subject: string) {
    await mkdir(dir, { recursive: true })
    // Time first so a listing reads in order; random so two in one millisecond do not collide.
    const stamp = clock.now().toISOString().replace(/[:.]/g, '-')
    const file = path.join(dir, `${stamp}-${randomBytes(4).toString('hex')}.eml`)
    // Rename is atomic within a folder: a reader (or a test) never sees half a message.
    const temp = path.join(dir, `.${path.basename(file)}.tmp`)
    try {
      await writeFile(temp, raw, { flag: 'wx' })
      await rename(temp, file)
    } catch (e) {
      await rm(temp, { force: true })
      throw e
    }
    log.info({ path: file, subject }, 'email written to a file, not sent')
    return { messageId, accepted: true, response: file, transport: name }
  }

  return {
    name,
    send: (m) => running.track(write(m)),
    sendRaw: (m) =>
      running.track(writeRaw(m.raw, m.messageId, /^Subject: (.*)$/m.exec(m.raw)?.[1] ?? '')),
    close: () => running.settle(),
  }
}

/** A sent message as the memory transport keeps it: what was asked, and the bytes it became. */
export interface SentMail {
  message: Message
  messageId: string
  raw: Buffer
}

/** Keeps messages in a list: for tests of modules that send email. */
export function createMemoryTransport(): MailTransport & { readonly sent: SentMail[] } {
  const composer = createComposer()
  const sent: SentMail[] = []
  return {
    name: 'memory',
    sent,
    async send(m) {
      const { messageId, raw } = await composer.compose(m)
      sent.push({ message: m, messageId, raw })
      return { messageId, accepted: true, response: `memory #${sent.length}`, transport: 'memory' }
    },
    async close() {},
  }
}

/** One line saying why a transport failed, without anything that could hold a secret. */
export function describeFailure(e: unknown): string {
  if (!(e instanceof Error)) return String(e)
  const x = e as NodemailerError
  const line = (s: string) => (s.split(/\r?\n/)[0] ?? '').slice(0, 200)
  if (x.responseCode) {
    const at = x.command ? ` at ${x.command.split(' ')[0]}` : ''
    return `refused with ${x.responseCode}${at}: ${line(x.response ?? x.message)}`
  }
  const code = x.originalCode ?? x.code
  return code ? `${code}: ${line(x.message)}` : line(x.message)
}
