import { randomUUID } from 'node:crypto'
import { AppError } from '../lib/errors.js'

/**
 * A mailbox: an address, with the name a mail client shows beside it. A bare string is an
 * address only; "Name <a@b.c>" strings are refused rather than parsed, so a name typed into a
 * form can never smuggle a second address in.
 */
export type Mailbox = string | { readonly name: string; readonly address: string }

/** One email to one recipient, before any transport has turned it into bytes. */
export interface Message {
  readonly to: Mailbox
  readonly from: Mailbox
  readonly replyTo?: Mailbox
  readonly subject: string
  readonly text: string
  readonly html?: string
  /** Extra header fields, such as List-Unsubscribe. Fields the message owns are refused here. */
  readonly headers?: Readonly<Record<string, string>>
  /** `<id@domain>`. Chosen before sending so a retry or a fail-over carries the same id. */
  readonly messageId?: string
  /** Files sent with it, given by their contents (never a path or a URL). */
  readonly attachments?: Attachment[]
  /**
   * The language of its words (BCP 47): sent as Content-Language, and the newsroom's footer
   * (reach/footer.ts) is written in it. Unset: English.
   */
  readonly language?: string
}

/** A file carried by a message: SOS mode's emergency edition attaches the offline edition. */
export interface Attachment {
  readonly filename: string
  readonly content: string
  readonly contentType: string
}

// RFC 5321 caps a path at 256 octets including the angle brackets, so 254 for the address.
const MAX_ADDRESS = 254
const MAX_LOCAL_PART = 64
// RFC 5322's hard line limit; folding makes longer values legal, but nothing we send needs them.
const MAX_HEADER_VALUE = 998
const MAX_NAME = 200

// Dot-atom only: quoted local parts ("a,b"@c) are legal but are where parsers disagree, and
// disagreement between our check and the relay's parser is exactly how injection happens.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/
// Letters beyond ASCII are allowed in the domain (nodemailer sends them as punycode); address
// literals like [127.0.0.1] and dotless hosts are not places our readers and staff get mail.
const DOMAIN_LABEL = /^(?!-)[\p{L}\p{M}\p{Nd}-]{1,63}(?<!-)$/u
// CR and LF split header lines; NEL and the Unicode separators are treated as line breaks by
// enough software that a header containing one is never what a person meant.
const LINE_BREAK = /[\r\n\u0085\u2028\u2029]/
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/
// RFC 5322 field name: printable ASCII except the colon.
const FIELD_NAME = /^[!-9;-~]+$/

// Header fields the Message sets from its own validated fields (or that describe the MIME
// structure); setting them through `headers` would bypass those checks or break the body.
const OWNED_HEADERS = new Set([
  'to',
  'from',
  'cc',
  'bcc',
  'reply-to',
  'sender',
  'subject',
  'message-id',
  'date',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'dkim-signature',
  'return-path',
])

/** What is wrong with one string bound for a header line, or undefined. */
function headerTextProblem(value: string, max: number): string | undefined {
  if (LINE_BREAK.test(value)) return 'contains a line break'
  if (CONTROL.test(value)) return 'contains a control character'
  if (value.length > max) return 'too long'
  return undefined
}

/** True for one plain address (dot-atom@domain), the only form we hand to a relay. */
export function isEmailAddress(value: string): boolean {
  if (value.length > MAX_ADDRESS) return false
  const at = value.lastIndexOf('@')
  if (at <= 0 || at === value.length - 1) return false
  const local = value.slice(0, at)
  const domain = value.slice(at + 1)
  if (local.length > MAX_LOCAL_PART || !LOCAL_PART.test(local)) return false
  const labels = domain.split('.')
  // An all-digit last label means a bare IP address, not a domain that receives mail.
  const tld = labels[labels.length - 1] ?? ''
  return labels.length >= 2 && !/^\d+$/.test(tld) && labels.every((l) => DOMAIN_LABEL.test(l))
}

function addressProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return 'required'
  if (LINE_BREAK.test(value)) return 'contains a line break'
  if (value.length > MAX_ADDRESS) return 'too long'
  return isEmailAddress(value) ? undefined : 'not an email address'
}

function mailboxProblems(field: string, box: unknown): string[] {
  if (typeof box === 'string' || box === undefined || box === null) {
    const p = addressProblem(box)
    return p ? [`${field}: ${p}`] : []
  }
  if (typeof box !== 'object') return [`${field}: not an email address`]
  const { name, address } = box as { name?: unknown; address?: unknown }
  const problems: string[] = []
  const a = addressProblem(address)
  if (a) problems.push(`${field}: ${a}`)
  if (typeof name !== 'string') problems.push(`${field}.name: required`)
  else {
    const n = headerTextProblem(name, MAX_NAME)
    if (n) problems.push(`${field}.name: ${n}`)
  }
  return problems
}

/**
 * Every problem with a message, as stable `field: reason` strings (the same list the
 * VALIDATION_FAILED error carries); empty when it may be sent. One reason per field, the first
 * that applies, so the list does not change when an unrelated check is added.
 */
export function messageProblems(m: Message): string[] {
  const problems = [...mailboxProblems('to', m.to), ...mailboxProblems('from', m.from)]
  if (m.replyTo !== undefined) problems.push(...mailboxProblems('replyTo', m.replyTo))

  if (typeof m.subject !== 'string' || m.subject.trim() === '') problems.push('subject: required')
  else {
    const p = headerTextProblem(m.subject, MAX_HEADER_VALUE)
    if (p) problems.push(`subject: ${p}`)
  }

  for (const a of m.attachments ?? []) {
    const p = headerTextProblem(a.filename, MAX_NAME)
    if (p) problems.push(`attachment: ${p}`)
    else if (/[/\\]/.test(a.filename)) problems.push('attachment: a file name, not a path')
  }
  if (m.language !== undefined && !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(m.language))
    problems.push('language: not a language tag')
  if (typeof m.text !== 'string' || m.text.trim() === '') problems.push('text: required')
  if (m.html !== undefined && typeof m.html !== 'string') problems.push('html: not text')

  for (const [name, value] of Object.entries(m.headers ?? {})) {
    // The name is echoed back only once it is known to be a plain field name.
    if (!FIELD_NAME.test(name)) {
      problems.push('headers: not a header name')
      continue
    }
    if (OWNED_HEADERS.has(name.toLowerCase())) {
      problems.push(`headers.${name}: set by the message itself`)
      continue
    }
    const p = typeof value === 'string' ? headerTextProblem(value, MAX_HEADER_VALUE) : 'not text'
    if (p) problems.push(`headers.${name}: ${p}`)
  }

  if (m.messageId !== undefined) {
    const id = m.messageId
    if (typeof id !== 'string' || LINE_BREAK.test(id))
      problems.push('messageId: contains a line break')
    else if (!/^<[^\s<>@]+@[^\s<>@]+>$/.test(id) || id.length > MAX_ADDRESS)
      problems.push('messageId: not a message id')
  }
  return problems
}

/** Throws VALIDATION_FAILED (422) listing every problem; returns when the message may be sent. */
export function validateMessage(m: Message): void {
  const details = messageProblems(m)
  if (details.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      status: 422,
      message: `This email cannot be sent: ${details.join('; ')}`,
      details,
    })
  }
}

/** The bare address of a mailbox. */
export function addressOf(box: Mailbox): string {
  return typeof box === 'string' ? box : box.address
}

/**
 * A fresh `<uuid@domain>` id under the sender's domain. Transports give a message one before
 * the first try, so every copy of it (a retry, the next provider) is recognisably the same mail.
 */
export function newMessageId(from: Mailbox): string {
  const address = addressOf(from)
  const domain = address.slice(address.lastIndexOf('@') + 1) || 'masthead.invalid'
  return `<${randomUUID()}@${domain}>`
}
