import assert from 'node:assert/strict'
import { generateKeyPairSync } from 'node:crypto'
import { describe, it } from 'node:test'
import type { ReachAddress } from './address.js'
import {
  canonicalJson,
  payloadOf,
  publicKeyFrom,
  publicKeyText,
  signedDocument,
  verifyDocument,
} from './signed-list.js'

const addresses: ReachAddress[] = [
  { kind: 'primary', label: '', value: 'https://lantern.example/' },
  { kind: 'mirror', label: 'Europe', value: 'https://lantern-eu.example/' },
  { kind: 'other', label: 'Messenger', value: '@lantern "quoted" </script>' },
]
const payload = payloadOf({
  name: 'The Lantern',
  addresses,
  updatedAt: new Date('2026-12-01T10:00:00Z'),
  issuedAt: new Date('2026-12-06T10:00:00Z'),
})
const key = generateKeyPairSync('ed25519').privateKey
const other = generateKeyPairSync('ed25519').privateKey
const text = (doc: unknown) => JSON.stringify(doc)

describe('the signed list', () => {
  it('writes canonical JSON: sorted keys, no spaces, the same bytes every time', () => {
    assert.equal(
      canonicalJson({ b: 1, a: [{ d: null, c: 'x' }], e: undefined }),
      '{"a":[{"c":"x","d":null}],"b":1}',
    )
    assert.equal(canonicalJson(payload), canonicalJson(JSON.parse(canonicalJson(payload))))
  })

  it('carries the addresses as url or text, the times, the name and what it is', () => {
    assert.deepEqual(JSON.parse(signedDocument(payload, null).payload), {
      addresses: [
        { kind: 'primary', url: 'https://lantern.example/' },
        { kind: 'mirror', label: 'Europe', url: 'https://lantern-eu.example/' },
        { kind: 'other', label: 'Messenger', text: '@lantern "quoted" </script>' },
      ],
      issuedAt: '2026-12-06T10:00:00.000Z',
      name: 'The Lantern',
      type: 'masthead.reach',
      updatedAt: '2026-12-01T10:00:00.000Z',
      version: 1,
    })
  })

  it('verifies a signed list, pinned to its key, and reads the public key both ways', () => {
    const doc = signedDocument(payload, key)
    assert.ok(doc.signed)
    assert.equal(doc.publicKey, publicKeyText(key))
    assert.equal(Buffer.from(doc.publicKey, 'base64').length, 32)
    const r = verifyDocument(text(doc), publicKeyText(key))
    assert.ok(r.valid)
    assert.equal(r.pinned, true)
    assert.deepEqual(r.payload, JSON.parse(doc.payload))
    const unpinned = verifyDocument(text(doc))
    assert.ok(unpinned.valid && !unpinned.pinned)
    const url = publicKeyText(key).replace(/\+/g, '-').replace(/\//g, '_').replace(/=$/, '')
    assert.ok(publicKeyFrom(url))
    assert.ok(verifyDocument(text(doc), url).valid)
  })

  it('refuses a list changed after signing, in the payload or in its signature', () => {
    const doc = signedDocument(payload, key)
    assert.ok(doc.signed)
    const forged = { ...doc, payload: doc.payload.replace('lantern-eu', 'hostile-eu') }
    const r = verifyDocument(text(forged), publicKeyText(key))
    assert.deepEqual(r.valid ? null : r.code, 'REACH_SIGNATURE_INVALID')
    const sig = Buffer.from(doc.signature, 'base64')
    sig[0] = sig[0]! ^ 1
    const bad = { ...doc, signature: sig.toString('base64') }
    assert.equal(verifyDocument(text(bad)).valid, false)
  })

  it('tells a list re-signed with another key from ours when the key is pinned', () => {
    // What a hostile mirror can do: write its own list and sign it with its own key.
    const theirs = signedDocument({ ...payload, addresses: [] }, other)
    const r = verifyDocument(text(theirs), publicKeyText(key))
    assert.deepEqual(r.valid ? null : r.code, 'REACH_KEY_MISMATCH')
    // Or keep our key in the document and sign with theirs.
    assert.ok(theirs.signed)
    const swapped = { ...theirs, publicKey: publicKeyText(key) }
    const s = verifyDocument(text(swapped), publicKeyText(key))
    assert.deepEqual(s.valid ? null : s.code, 'REACH_SIGNATURE_INVALID')
  })

  it('marks a list without a key as unsigned, and the check says so', () => {
    const doc = signedDocument(payload, null)
    assert.deepEqual(Object.keys(doc), ['signed', 'payload'])
    const r = verifyDocument(text(doc))
    assert.deepEqual(r.valid ? null : r.code, 'REACH_UNSIGNED')
  })

  it('refuses what is not a signed list with a clear code', () => {
    const signed = signedDocument(payload, key)
    const cases: [string, string][] = [
      ['not json', 'REACH_FORMAT_INVALID'],
      ['[1,2]', 'REACH_FORMAT_INVALID'],
      ['{"signed":true}', 'REACH_FORMAT_INVALID'],
      [text({ ...signed, algorithm: 'RSA' }), 'REACH_FORMAT_INVALID'],
      [text({ ...signed, publicKey: 'short' }), 'REACH_FORMAT_INVALID'],
    ]
    for (const [t, code] of cases) {
      const r = verifyDocument(t)
      assert.equal(r.valid ? null : r.code, code, t.slice(0, 40))
    }
    // Signed correctly, but not a list of ours: a signature over something else proves nothing.
    const notOurs = signedDocument({ ...payload, type: 'other.thing' } as never, key)
    const r = verifyDocument(text(notOurs), publicKeyText(key))
    assert.equal(r.valid ? null : r.code, 'REACH_FORMAT_INVALID')
    assert.equal(verifyDocument(text(signed), 'not-a-key').valid, false)
  })
})
