// One message for many recipients: nodemailer composes it once; each copy redoes only its own
// header lines and the encoded tail of each part from where its values start (ADR 017).
import nodemailer from 'nodemailer'
import * as base64 from 'nodemailer/lib/base64'
import { foldLines, hasLongerLines, isPlainText } from 'nodemailer/lib/mime-funcs'
import MimeNode from 'nodemailer/lib/mime-node'
import * as qp from 'nodemailer/lib/qp'
import { type Message, messageProblems, validateMessage } from './message.js'
import { escapeHtml } from '../lib/text.js'
import { compileTemplate } from './template.js'

/** Bytes ready for the wire, and the envelope they go in. */
export interface RawMessage {
  /** The envelope's sender (MAIL FROM). */
  readonly from: string
  /** The one recipient (RCPT TO). */
  readonly to: string
  readonly messageId: string
  /** The whole RFC 5322 message, CRLF line ends, ASCII only. */
  readonly raw: string
}

/**
 * A message for many recipients. `html`, `text` and the values of `headers` may hold
 * `{{marker:name}}` slots, filled per copy: HTML-escaped in `html`, as they are elsewhere.
 */
export interface BulkMessage extends Omit<Message, 'to' | 'messageId'> {
  /** Random per message, so that no text in it can pose as a slot. */
  readonly marker: string
}

/** One recipient's copy. Every value must be given; slots with no value are an error. */
export interface BulkCopy {
  readonly to: string
  readonly messageId: string
  readonly values: Readonly<Record<string, string>>
}

export interface BulkTemplate {
  /** The copy as a Message, values filled: what `raw` must equal once composed. */
  message(c: BulkCopy): Message
  /**
   * The copy's bytes, the same nodemailer would make of `message(c)` at `date`; null when this
   * copy cannot be made that way (a value outside printable ASCII, an empty value, or a value that
   * changes how a part is encoded): then send `message(c)`. Throws VALIDATION_FAILED as sending
   * `message(c)` would.
   */
  raw(c: BulkCopy, date: Date): RawMessage | null
}

const same = (s: string) => s
// Printable ASCII only: such a value never changes a part's charset or makes it less "Latin".
const SIMPLE = /^[\x20-\x7e]+$/
const LATIN = /[A-Za-z]/g
const LINE_END = /[\n\r\u2028\u2029]/
const crlf = (s: string) => s.replace(/(?<!\r)\n/g, '\r\n')

interface Slotted {
  statics: string[]
  names: string[]
}

function split(source: string, marker: string): Slotted {
  const { parts, fields } = compileTemplate(source, marker)
  return { statics: parts, names: fields }
}

function fill(s: Slotted, values: (name: string) => string): string {
  return s.statics[0]! + fillTail(s, values)
}

/** Everything after the text before the first slot. */
function fillTail(s: Slotted, values: (name: string) => string): string {
  let out = ''
  for (let i = 0; i < s.names.length; i++) out += values(s.names[i]!) + s.statics[i + 1]!
  return out
}

type Encoding = '7bit' | 'quoted-printable' | 'base64'

/** One body part: its bytes up to the first slot are fixed; the rest is encoded per copy. */
interface Part {
  slots: Slotted
  escape: (s: string) => string
  encoding: Encoding
  /** For the encoding choice (see MimeNode's getTransferEncoding): counts without the slots. */
  nonLatin: number
  latin: number
  plain: boolean
  /** A line without slots is longer than 76. */
  longElsewhere: boolean
  length: number
  /** The line the first slot is on, up to the slot; the line the last slot is on, after it. */
  lineBefore: string
  lineAfterLength: number
  /** Where in the composed message this part's per-copy tail starts and ends. */
  start: number
  end: number
  /** The encoded tail of one copy. */
  tail(filled: string): string
}

function countLatin(s: string): number {
  return s.match(LATIN)?.length ?? 0
}

function nonLatinCount(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c <= 0x08 || c === 0x0b || c === 0x0c || (c >= 0x0e && c <= 0x1f) || c >= 0x80) n++
  }
  return n
}

/** The transfer encoding nodemailer picks for text content with these properties. */
function chooseEncoding(p: {
  plain: boolean
  long: boolean
  nonLatin: number
  latin: number
}): Encoding {
  if (p.plain && !p.long) return '7bit'
  return p.nonLatin < p.latin ? 'quoted-printable' : 'base64'
}

/**
 * The encoded part for `sample` (the content with stand-in values) split into the bytes every
 * copy shares and a function that encodes a copy's tail (from the first slot's text on).
 */
function encoder(
  encoding: Encoding,
  head: string,
  sampleTail: string,
): { full: string; fixed: string; tail: (t: string) => string } {
  if (encoding === '7bit') {
    return { full: crlf(head + sampleTail), fixed: crlf(head), tail: crlf }
  }
  const headBytes = Buffer.from(head, 'utf8')
  if (encoding === 'base64') {
    // Base64 lines hold 57 bytes each: the lines wholly before the first slot never change.
    const cut = Math.floor(headBytes.length / 57) * 57
    const rest = headBytes.subarray(cut)
    const lines = base64.wrap(base64.encode(headBytes.subarray(0, cut)), 76)
    const fixed = cut > 0 ? lines + '\r\n' : ''
    const tail = (t: string) =>
      base64.wrap(base64.encode(Buffer.concat([rest, Buffer.from(t, 'utf8')])), 76)
    return { full: base64.wrap(base64.encode(head + sampleTail), 76), fixed, tail }
  }
  // Quoted-printable: encoding is per byte (a space is kept unless a line end follows it, and a
  // slot's value is never empty and starts no line end), and wrap() decides each line from the
  // 76 characters it starts with. So the lines that start 76 characters or more before the
  // first slot are the same for every copy; a copy re-wraps from the soft break after them.
  const encHead = qp.encode(Buffer.concat([headBytes, Buffer.from('x')])).slice(0, -1)
  const full = qp.wrap(encHead + qp.encode(sampleTail), 76)
  let cutIn = 0
  let cutOut = 0
  let soft = 0
  for (let at = full.indexOf('=\r\n'); at !== -1; at = full.indexOf('=\r\n', at + 3)) {
    soft++
    const inPos = at + 3 - 3 * soft
    if (inPos > encHead.length - 76) break
    cutIn = inPos
    cutOut = at + 3
  }
  const restHead = encHead.slice(cutIn)
  return {
    full: crlf(full),
    fixed: crlf(full.slice(0, cutOut)),
    tail: (t: string) => crlf(qp.wrap(restHead + qp.encode(t), 76)),
  }
}

/** Header fields as nodemailer wrote them: [key, whole folded field]. */
function headerFields(block: string): [string, string][] {
  return block
    .split(/\r\n(?![ \t])/)
    .map((f) => [f.slice(0, f.indexOf(':')), f] as [string, string])
}

// One node for every header line: MimeNode.encodeHeaderValue makes a node (and draws random
// bytes for its boundary) on each call.
const headerNode = new MimeNode()
const headerLine = (key: string, value: string) =>
  foldLines(`${key}: ${headerNode.encodeHeaderValue(key, value)}`, 76)

/** Composes `m` once (nodemailer, as every transport does) and returns its copies' maker. */
export async function prepareBulk(given: BulkMessage): Promise<BulkTemplate> {
  // The language travels as a header of the template, so raw copies carry it as composed ones do.
  const m: BulkMessage = given.language
    ? { ...given, headers: { ...given.headers, 'Content-Language': given.language } }
    : given
  const html = m.html === undefined ? null : split(m.html, m.marker)
  const text = split(m.text, m.marker)
  const headers = Object.entries(m.headers ?? {}).map(
    ([k, v]) => [k, split(v, m.marker)] as [string, Slotted],
  )
  const lookup = (c: BulkCopy, escape: (s: string) => string) => (name: string) => {
    const v = c.values[name]
    if (v === undefined) throw new Error(`bulk message: no value for the slot "${name}"`)
    return escape(v)
  }
  const message = (c: BulkCopy): Message => ({
    to: c.to,
    from: m.from,
    ...(m.replyTo ? { replyTo: m.replyTo } : {}),
    subject: m.subject,
    text: fill(text, lookup(c, same)),
    ...(html ? { html: fill(html, lookup(c, escapeHtml)) } : {}),
    headers: Object.fromEntries(headers.map(([k, s]) => [k, fill(s, lookup(c, same))])),
    messageId: c.messageId,
    ...(m.language ? { language: m.language } : {}),
  })

  // Stand-ins: letters and digits only, which no encoding or escaping changes.
  const names = new Set([
    ...text.names,
    ...(html?.names ?? []),
    ...headers.flatMap(([, s]) => s.names),
  ])
  const stand = Object.fromEntries([...names].map((n, i) => [n, `${m.marker}S${i}X`]))
  const sample: BulkCopy = {
    to: `bulk-${m.marker}@example.invalid`,
    messageId: `<bulk-${m.marker}@example.invalid>`,
    values: stand,
  }
  // Without the fast way every copy is composed whole, and refused as a Message would be.
  const slow = { message, raw: () => null }
  const sampleMessage = message(sample)
  if (messageProblems(sampleMessage).length > 0) return slow
  const composer = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
  })
  const info = await composer.sendMail({
    ...sampleMessage,
    disableFileAccess: true,
    disableUrlAccess: true,
  })
  const composed = (info.message as Buffer).toString('latin1')
  const envelopeFrom = (info.envelope as { from: string }).from
  // Anything but ASCII (nodemailer encodes everything it writes) means we do not know this form.
  if (!isPlainText(composed)) return slow

  const bodyAt = composed.indexOf('\r\n\r\n')
  const fields = headerFields(composed.slice(0, bodyAt))
  const partDefs: [Slotted, (s: string) => string][] = [[text, same]]
  if (html) partDefs.push([html, escapeHtml])
  const parts: Part[] = []
  let searchFrom = bodyAt
  for (const [slots, escape] of partDefs) {
    const statics = slots.statics.join('')
    const head = slots.statics[0]!
    const lastStatic = slots.statics[slots.statics.length - 1]!
    let firstLine = 0
    for (const x of head.matchAll(/[\n\r\u2028\u2029]/g)) firstLine = x.index + 1
    const lineEnd = LINE_END.exec(lastStatic)?.index ?? lastStatic.length
    const p: Omit<Part, 'start' | 'end' | 'tail' | 'encoding'> = {
      slots,
      escape,
      nonLatin: nonLatinCount(statics),
      latin: countLatin(statics),
      plain: isPlainText(statics),
      longElsewhere:
        hasLongerLines(head.slice(0, firstLine), 76) ||
        hasLongerLines(lastStatic.slice(lineEnd), 76) ||
        slots.statics.slice(1, -1).some((x) => hasLongerLines(x, 76)),
      length: statics.length,
      lineBefore: head.slice(firstLine),
      lineAfterLength: lastStatic.length - lineEnd,
    }
    if (slots.names.length === 0) continue
    const sampleTail = fillTail(slots, lookup(sample, escape))
    const encoding = encodingOf(p, sampleTail, sample)
    const e = encoder(encoding, head, sampleTail)
    const at = composed.indexOf(e.full, searchFrom)
    if (at === -1 || composed.indexOf(e.full, at + 1) !== -1) return slow
    if (e.fixed + e.tail(sampleTail) !== e.full) return slow
    parts.push({
      ...p,
      encoding,
      start: at + e.fixed.length,
      end: at + e.full.length,
      tail: e.tail,
    })
    searchFrom = at + e.full.length
  }

  // The header lines: fixed ones as composed, the copy's own built as nodemailer builds them.
  const own = new Map(headers.map(([k, s]) => [k.toLowerCase(), s]))
  // A copy's own header values are filled once per copy (`own`), for its lines and its checks.
  type Line = string | ((c: BulkCopy, date: Date, own: ReadonlyMap<string, string>) => string)
  const lines: Line[] = []
  for (const [key, field] of fields) {
    const k = key.toLowerCase()
    if (k === 'date')
      lines.push((_c, d) => headerLine(key, d.toUTCString().replace(/GMT/, '+0000')))
    else if (k === 'to') lines.push((c) => headerLine(key, c.to))
    else if (k === 'message-id') lines.push((c) => headerLine(key, c.messageId))
    else if (own.get(k)?.names.length)
      lines.push((_c, _d, values) => headerLine(key, values.get(k)!))
    else if (Object.values(stand).some((v) => field.includes(v))) return slow
    else lines.push(field)
  }
  const bodyParts = parts
  const pieces: string[] = []
  let from = bodyAt
  for (const p of bodyParts) {
    pieces.push(composed.slice(from, p.start))
    from = p.end
  }
  pieces.push(composed.slice(from))

  return {
    message,
    raw(c, date) {
      for (const n of names) {
        const v = c.values[n]
        if (v === undefined) throw new Error(`bulk message: no value for the slot "${n}"`)
        if (!SIMPLE.test(v)) return null
      }
      if (!SIMPLE.test(c.to)) return null
      const values = new Map(headers.map(([k, s]) => [k.toLowerCase(), fill(s, lookup(c, same))]))
      let out = ''
      for (const l of lines) out += (typeof l === 'string' ? l : l(c, date, values)) + '\r\n'
      // The checks a composed message gets: addresses, header values, the id.
      validateMessage({
        to: c.to,
        from: m.from,
        subject: m.subject,
        text: '-',
        headers: Object.fromEntries(headers.map(([k]) => [k, values.get(k.toLowerCase())!])),
        messageId: c.messageId,
      })
      out = out.slice(0, -2) + pieces[0]
      for (let i = 0; i < bodyParts.length; i++) {
        const p = bodyParts[i]!
        const tail = fillTail(p.slots, lookup(c, p.escape))
        if (encodingOf(p, tail, c) !== p.encoding) return null
        out += p.tail(tail) + pieces[i + 1]!
      }
      const toLine = headerNode.encodeHeaderValue('To', c.to)
      return {
        from: envelopeFrom,
        to: toLine.replace(/^<|>$/g, ''),
        messageId: c.messageId,
        raw: out,
      }
    },
  }
}

/** The encoding nodemailer would pick for a part (with slots) given this copy's tail. */
function encodingOf(
  p: Omit<Part, 'start' | 'end' | 'tail' | 'encoding'>,
  tail: string,
  c: BulkCopy,
): Encoding {
  let latin = p.latin
  let added = 0
  for (const n of p.slots.names) {
    const v = p.escape(c.values[n]!)
    latin += countLatin(v)
    added += v.length
  }
  // hasLongerLines gives up on strings over 128 kB and calls them long.
  const long =
    p.length + added > 128 * 1024 ||
    p.longElsewhere ||
    hasLongerLines(p.lineBefore + tail.slice(0, tail.length - p.lineAfterLength), 76)
  return chooseEncoding({ plain: p.plain, long, nonLatin: p.nonLatin, latin })
}
