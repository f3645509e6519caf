/**
 * The signed list (`/reach.json`, ADR 019): the addresses as a canonical JSON string, signed
 * with the newsroom's Ed25519 key, so a reader or an app can tell the newsroom's list from one
 * a hostile mirror wrote. Pure apart from node:crypto.
 */
import { createPublicKey, type KeyObject, sign, verify } from 'node:crypto'
import type { ReachAddress, ReachKind } from './address.js'
import { isReachKind } from './address.js'

/** What the payload says it is; a signature over anything else is not a list of ours. */
export const PAYLOAD_TYPE = 'masthead.reach'
export const PAYLOAD_VERSION = 1

/** One address as the payload carries it: `url` for web addresses, `text` for other ways. */
export type PayloadAddress =
  | { kind: Exclude<ReachKind, 'other'>; label?: string; url: string }
  | { kind: 'other'; label?: string; text: string }

/** What is signed. */
export interface ReachPayload {
  type: typeof PAYLOAD_TYPE
  version: typeof PAYLOAD_VERSION
  /** The publication's name. */
  name: string
  /** When the newsroom last changed the list (ISO 8601), null if never: newer wins. */
  updatedAt: string | null
  /** When this copy was signed (ISO 8601). */
  issuedAt: string
  addresses: PayloadAddress[]
}

/** The document served at /reach.json. */
export type SignedDocument =
  | {
      signed: true
      algorithm: 'Ed25519'
      /** The raw 32-byte public key, base64. */
      publicKey: string
      /** Ed25519 over the UTF-8 bytes of `payload`, base64. */
      signature: string
      /** The canonical JSON of a ReachPayload: verify these bytes, then parse them. */
      payload: string
    }
  | { signed: false; payload: string }

/**
 * JSON with object keys sorted and no spaces: the same value always gives the same bytes, so
 * every instance signs the same text and a person can reproduce it. Only plain data goes in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

export function payloadOf(o: {
  name: string
  addresses: readonly ReachAddress[]
  updatedAt: Date | null
  issuedAt: Date
}): ReachPayload {
  return {
    type: PAYLOAD_TYPE,
    version: PAYLOAD_VERSION,
    name: o.name,
    updatedAt: o.updatedAt ? o.updatedAt.toISOString() : null,
    issuedAt: o.issuedAt.toISOString(),
    addresses: o.addresses.map((a): PayloadAddress => {
      const label = a.label ? { label: a.label } : {}
      return a.kind === 'other'
        ? { kind: 'other', ...label, text: a.value }
        : { kind: a.kind, ...label, url: a.value }
    }),
  }
}

/** The raw public key (32 bytes) of an Ed25519 key, base64. */
export function publicKeyText(key: KeyObject): string {
  const jwk = (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'jwk' })
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new Error('not an Ed25519 key')
  return Buffer.from(jwk.x, 'base64url').toString('base64')
}

/** The public key a base64 (or base64url) text of 32 raw bytes names, or null. */
export function publicKeyFrom(text: string): KeyObject | null {
  const t = text.trim()
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) return null
  const raw = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
  if (raw.length !== 32) return null
  try {
    return createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
      format: 'jwk',
    })
  } catch {
    return null
  }
}

/** The document for a payload: signed with `key`, or marked unsigned when there is none. */
export function signedDocument(payload: ReachPayload, key: KeyObject | null): SignedDocument {
  const text = canonicalJson(payload)
  if (!key) return { signed: false, payload: text }
  return {
    signed: true,
    algorithm: 'Ed25519',
    publicKey: publicKeyText(key),
    signature: sign(null, Buffer.from(text, 'utf8'), key).toString('base64'),
    payload: text,
  }
}

/** Why a document does not verify; the codes are in docs/errors.md. */
export type VerifyFailure =
  'REACH_FORMAT_INVALID' | 'REACH_UNSIGNED' | 'REACH_SIGNATURE_INVALID' | 'REACH_KEY_MISMATCH'

export type VerifyResult =
  | { valid: true; payload: ReachPayload; publicKey: string; pinned: boolean }
  | { valid: false; code: VerifyFailure; message: string }

const fail = (code: VerifyFailure, message: string): VerifyResult => ({
  valid: false,
  code,
  message,
})

/**
 * Checks a document as fetched (text). With `expectedKey` (base64) the signature must be by
 * that key; without it the document's own key is used and `pinned` is false: anyone can sign a
 * list with a key of their own, so only a key learned elsewhere proves who wrote it.
 */
export function verifyDocument(text: string, expectedKey?: string): VerifyResult {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    return fail('REACH_FORMAT_INVALID', 'not JSON')
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc))
    return fail('REACH_FORMAT_INVALID', 'not a signed list (expected a JSON object)')
  const d = doc as Record<string, unknown>
  if (typeof d['payload'] !== 'string')
    return fail('REACH_FORMAT_INVALID', 'not a signed list (no payload)')
  if (d['signed'] !== true)
    return fail('REACH_UNSIGNED', 'the list is not signed: nothing proves who wrote it')
  if (d['algorithm'] !== 'Ed25519')
    return fail('REACH_FORMAT_INVALID', 'unknown algorithm (expected Ed25519)')
  if (typeof d['publicKey'] !== 'string' || typeof d['signature'] !== 'string')
    return fail('REACH_FORMAT_INVALID', 'publicKey or signature missing')
  const own = publicKeyFrom(d['publicKey'])
  if (!own) return fail('REACH_FORMAT_INVALID', 'publicKey is not an Ed25519 public key')
  let key = own
  if (expectedKey !== undefined) {
    const expected = publicKeyFrom(expectedKey)
    if (!expected) return fail('REACH_FORMAT_INVALID', 'the expected key is not an Ed25519 key')
    if (publicKeyText(expected) !== publicKeyText(own))
      return fail(
        'REACH_KEY_MISMATCH',
        `signed with ${publicKeyText(own)}, not the expected key ${publicKeyText(expected)}`,
      )
    key = expected
  }
  const signature = Buffer.from(d['signature'], 'base64')
  if (signature.length !== 64 || !verify(null, Buffer.from(d['payload'], 'utf8'), key, signature))
    return fail('REACH_SIGNATURE_INVALID', 'the signature does not match the list: it was altered')
  const payload = parsePayload(d['payload'])
  if (!payload) return fail('REACH_FORMAT_INVALID', `the payload is not a ${PAYLOAD_TYPE} list`)
  return { valid: true, payload, publicKey: publicKeyText(key), pinned: expectedKey !== undefined }
}

/** The payload's fields, checked for shape (a signed payload of ours always passes). */
function parsePayload(text: string): ReachPayload | null {
  let p: unknown
  try {
    p = JSON.parse(text)
  } catch {
    return null
  }
  if (p === null || typeof p !== 'object') return null
  const o = p as Record<string, unknown>
  const okAddress = (a: unknown) => {
    if (a === null || typeof a !== 'object') return false
    const x = a as Record<string, unknown>
    if (typeof x['kind'] !== 'string' || !isReachKind(x['kind'])) return false
    return x['kind'] === 'other' ? typeof x['text'] === 'string' : typeof x['url'] === 'string'
  }
  const ok =
    o['type'] === PAYLOAD_TYPE &&
    o['version'] === PAYLOAD_VERSION &&
    typeof o['name'] === 'string' &&
    typeof o['issuedAt'] === 'string' &&
    (o['updatedAt'] === null || typeof o['updatedAt'] === 'string') &&
    Array.isArray(o['addresses']) &&
    o['addresses'].every(okAddress)
  return ok ? (o as unknown as ReachPayload) : null
}
