// Several providers behind one transport: the order SMTP_URL gives, with dead ones set aside.
import { readFileSync } from 'node:fs'
import type { NodemailerError } from 'nodemailer'
import { type Clock, systemClock } from '../lib/clock.js'
import { AppError, isAppError } from '../lib/errors.js'
import type { RawMessage } from './bulk.js'
import { newMessageId, validateMessage } from './message.js'
import {
  type MailLog,
  type MailTransport,
  type SendResult,
  type SmtpTransportOptions,
  createFileTransport,
  createSmtpTransport,
  describeFailure,
  silentLog,
} from './transport.js'

/**
 * The server is up and talking but refused this recipient: another provider may take the mail,
 * but the server should not be set aside for everyone else's messages.
 */
function isRecipientRefusal(e: unknown): boolean {
  if (!(e instanceof Error)) return false
  const x = e as NodemailerError
  return x.code === 'EENVELOPE' && x.responseCode !== undefined
}

class NotAccepted extends Error {
  override readonly name = 'NotAccepted'
}

export interface FailoverOptions {
  /**
   * How long a transport that failed is tried only after the others (default 30 s); each
   * further failure in a row doubles it, up to `maxCooldownMs`.
   */
  cooldownMs?: number
  /** The longest cool-down (default 10 minutes). */
  maxCooldownMs?: number
  clock?: Clock
  log?: MailLog
}

/** Where one member of a fail-over stands. */
interface Health {
  /** Failures in a row (connection-level: a refused recipient does not count). */
  failures: number
  /** Tried only after the others until then. */
  until: number
  /** A message is finding out whether it is back: the others do not pile onto it meanwhile. */
  probing: boolean
}

/**
 * Tries each transport in order until one takes the message. A transport that could not be
 * reached or refused the connection is set aside for a cool-down that doubles with each
 * failure in a row (30 s, 1 min, 2 min … 10 min), so a dead provider costs one timeout per
 * cool-down, not one per message; when it ends, one message probes it while the rest keep going
 * elsewhere. A cooling transport is still tried last, in case everything else is down too.
 * Every try carries the same Message-ID, so a duplicate (a provider that took the mail but
 * dropped the line before saying so) is recognisable. Closing it closes its transports.
 */
export function createFailoverTransport(
  transports: readonly MailTransport[],
  opts: FailoverOptions = {},
): MailTransport {
  if (transports.length === 0)
    throw new Error('createFailoverTransport needs at least one transport')
  const cooldownMs = opts.cooldownMs ?? 30_000
  const maxCooldownMs = Math.max(cooldownMs, opts.maxCooldownMs ?? 10 * 60_000)
  const clock = opts.clock ?? systemClock
  const log = opts.log ?? silentLog
  const health = new Map<MailTransport, Health>()

  /** Whether `t` should wait behind the others now; claims the probe when its time is up. */
  function setAside(t: MailTransport, now: number): boolean {
    const h = health.get(t)
    if (!h) return false
    if (h.probing || h.until > now) return true
    h.probing = true
    return false
  }

  function failed(t: MailTransport, why: string) {
    const h = health.get(t) ?? { failures: 0, until: 0, probing: false }
    h.failures++
    h.probing = false
    const wait = Math.min(cooldownMs * 2 ** (h.failures - 1), maxCooldownMs)
    h.until = clock.now().getTime() + wait
    health.set(t, h)
    log.warn(
      { transport: t.name, reason: why, failuresInARow: h.failures, setAsideMs: wait },
      'email transport failed; set aside, trying the next',
    )
  }

  /** Tries each transport in turn (cooling ones last) until one takes the message. */
  async function attempt(run: (t: MailTransport) => Promise<SendResult>): Promise<SendResult> {
    const now = clock.now().getTime()
    const aside = new Set(transports.filter((t) => setAside(t, now)))
    const order = [...transports.filter((t) => !aside.has(t)), ...aside]

    const failures: string[] = []
    const errors: unknown[] = []
    for (const t of order) {
      try {
        const r = await run(t)
        if (!r.accepted) throw new NotAccepted(r.response ?? 'not accepted')
        if (health.delete(t) && !aside.has(t))
          log.info({ transport: t.name }, 'email transport is back')
        return { ...r, transport: r.transport ?? t.name }
      } catch (e) {
        // A message that fails validation fails it everywhere; trying on would only repeat it.
        if (isAppError(e) && e.code === 'VALIDATION_FAILED') throw e
        const why = describeFailure(e)
        failures.push(`${t.name}: ${why}`)
        errors.push(e)
        if (!(e instanceof NotAccepted) && !isRecipientRefusal(e)) failed(t, why)
        else {
          const h = health.get(t)
          if (h) h.probing = false
          log.warn(
            { transport: t.name, reason: why },
            'email transport refused this message; trying the next',
          )
        }
      }
    }
    throw new AppError('INTERNAL', {
      message: `No email transport took the message. ${failures.join('; ')}`,
      details: failures,
      cause: new AggregateError(errors, 'every email transport failed'),
    })
  }

  // Prepared bytes go only where every member can take them.
  const raw = transports.every((t) => t.sendRaw)
  return {
    name: `failover(${transports.map((t) => t.name).join(', ')})`,
    async send(m) {
      validateMessage(m)
      const message = m.messageId ? m : { ...m, messageId: newMessageId(m.from) }
      return attempt((t) => t.send(message))
    },
    ...(raw ? { sendRaw: (m: RawMessage) => attempt((t) => t.sendRaw!(m)) } : {}),
    async close() {
      await Promise.all(transports.map((t) => t.close()))
    },
  }
}

export interface TransportFromUrlsOptions extends Omit<SmtpTransportOptions, 'url'> {
  /** Where the file transport writes when no URL is given. */
  dir: string
  log: MailLog
  cooldownMs?: number
  clock?: Clock
}

/**
 * The transport a deployment asked for: SMTP_URL's comma-separated URLs become a fail-over in
 * that order; no URL at all means the file transport, and the log says where the files go.
 */
export function transportFromUrls(
  urls: readonly string[],
  opts: TransportFromUrlsOptions,
): MailTransport {
  const { dir, log, cooldownMs, clock, ...smtp } = opts
  const list = urls
    .flatMap((u) => u.split(','))
    .map((u) => u.trim())
    .filter((u) => u !== '')
  if (list.length === 0) {
    log.info({ dir }, 'SMTP_URL is not set: email is written to files here instead of being sent')
    return createFileTransport(dir, { log, clock })
  }
  const transports = list.map((url) => createSmtpTransport({ ...smtp, url }))
  log.info({ transports: transports.map((t) => t.name) }, 'email goes out over SMTP, in this order')
  return createFailoverTransport(transports, { cooldownMs, clock, log })
}

/** The mail settings of config.ts this module reads, by their names there. */
export interface MailSettings {
  SMTP_URL: string
  MAIL_DIR: string
  SMTP_MAX_CONNECTIONS: number
  SMTP_RATE_LIMIT: number
  DKIM_DOMAIN: string
  DKIM_SELECTOR: string
  DKIM_PRIVATE_KEY_FILE: string
}

/** SMTP_URL when set (a pool, DKIM-signed when a key is given), else files in MAIL_DIR. */
export function transportFromSettings(s: MailSettings, log: MailLog): MailTransport {
  return transportFromUrls(s.SMTP_URL ? [s.SMTP_URL] : [], {
    dir: s.MAIL_DIR,
    log,
    maxConnections: s.SMTP_MAX_CONNECTIONS,
    ...(s.SMTP_RATE_LIMIT > 0 ? { rateLimit: s.SMTP_RATE_LIMIT } : {}),
    ...(s.DKIM_DOMAIN
      ? {
          dkim: {
            domainName: s.DKIM_DOMAIN,
            keySelector: s.DKIM_SELECTOR,
            privateKey: readFileSync(s.DKIM_PRIVATE_KEY_FILE, 'utf8'),
          },
        }
      : {}),
  })
}
