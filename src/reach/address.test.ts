import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  type AddressRow,
  checkAddresses,
  checkUrl,
  isOnionHost,
  MAX_ADDRESSES,
  problemLine,
  reachPageUrl,
} from './address.js'

const ONION = 'abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvwx.onion'
const row = (kind: string, value: string, label = ''): AddressRow => ({ kind, label, value })
const codes = (rows: AddressRow[]) => {
  const r = checkAddresses(rows)
  return 'problems' in r ? r.problems.map((p) => `${p.row}:${p.code}`) : []
}

describe('the rules of the newsroom’s addresses', () => {
  it('accepts every kind, normalises URLs, trims, and drops blank rows', () => {
    const r = checkAddresses([
      row('primary', ' https://Lantern.EXAMPLE ', ' Main '),
      row('', '', ''),
      row('mirror', 'http://mirror.example/path/?x=1'),
      row('onion', `http://${ONION}/`),
      row('feed', `http://${ONION}/feed.xml`),
      row('newsletter', 'https://lantern.example/newsletters'),
      row('other', '@lantern on a messenger', 'Messenger'),
    ])
    assert.ok('addresses' in r)
    assert.deepEqual(
      r.addresses.map((a) => [a.kind, a.label, a.value]),
      [
        ['primary', 'Main', 'https://lantern.example/'],
        ['mirror', '', 'http://mirror.example/path/?x=1'],
        ['onion', '', `http://${ONION}/`],
        ['feed', '', `http://${ONION}/feed.xml`],
        ['newsletter', '', 'https://lantern.example/newsletters'],
        ['other', 'Messenger', '@lantern on a messenger'],
      ],
    )
  })

  it('refuses schemes other than http(s), credentials, and things that are not URLs', () => {
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'ftp://files.example/',
      'file:///etc/passwd',
      'mailto:desk@example.org',
    ])
      assert.deepEqual(codes([row('mirror', bad)]), ['1:REACH_URL_SCHEME'], bad)
    assert.deepEqual(codes([row('mirror', 'https://u:p@mirror.example/')]), [
      '1:REACH_URL_CREDENTIALS',
    ])
    for (const bad of ['mirror.example', '//mirror.example', 'https://', 'https://exa mple.org'])
      assert.deepEqual(codes([row('mirror', bad)]), ['1:REACH_URL_INVALID'], bad)
    assert.deepEqual(codes([row('mirror', `https://x.example/${'a'.repeat(2000)}`)]), [
      '1:REACH_TOO_LONG',
    ])
  })

  it('takes only v3 onion addresses, and only onion addresses under Onion', () => {
    assert.ok(isOnionHost(ONION))
    assert.ok(isOnionHost(`www.${ONION}`))
    assert.equal(isOnionHost('expyuzz4wqqyqhjn.onion'), false, 'v2 is gone')
    assert.deepEqual(codes([row('onion', 'http://expyuzz4wqqyqhjn.onion/')]), [
      '1:REACH_ONION_INVALID',
    ])
    assert.deepEqual(codes([row('onion', 'https://lantern.example/')]), ['1:REACH_ONION_INVALID'])
    assert.deepEqual(codes([row('mirror', 'http://short.onion/')]), ['1:REACH_ONION_INVALID'])
    assert.ok('url' in checkUrl(`https://${ONION.toUpperCase()}/`, true))
  })

  it('keeps free text to one line, labels short, and asks for the address of a labelled row', () => {
    assert.deepEqual(codes([row('other', 'line one\nline two')]), ['1:REACH_CONTROL_CHARACTER'])
    assert.deepEqual(codes([row('other', 'ok', 'la\u2028bel')]), ['1:REACH_CONTROL_CHARACTER'])
    assert.deepEqual(codes([row('other', 'x'.repeat(301))]), ['1:REACH_TOO_LONG'])
    assert.deepEqual(codes([row('mirror', 'https://m.example/', 'l'.repeat(81))]), [
      '1:REACH_TOO_LONG',
    ])
    assert.deepEqual(codes([row('mirror', '', 'A label alone')]), ['1:REACH_VALUE_REQUIRED'])
    assert.deepEqual(codes([row('campaign', 'https://m.example/')]), ['1:REACH_KIND_UNKNOWN'])
  })

  it('allows one main address, no repeated address, and a bounded list', () => {
    assert.deepEqual(
      codes([row('primary', 'https://a.example/'), row('primary', 'https://b.example/')]),
      ['2:REACH_PRIMARY_TWICE'],
    )
    assert.deepEqual(
      codes([row('mirror', 'https://a.example'), row('mirror', 'https://A.example/')]),
      ['2:REACH_DUPLICATE'],
    )
    // The same URL under two kinds is fine: the home page may be the newsletter's sign-up too.
    assert.deepEqual(
      codes([row('primary', 'https://a.example/'), row('newsletter', 'https://a.example/')]),
      [],
    )
    const many = Array.from({ length: MAX_ADDRESSES + 1 }, (_, i) =>
      row('mirror', `https://m${i}.example/`),
    )
    assert.deepEqual(codes(many), ['0:REACH_TOO_MANY'])
  })

  it('says each problem on one line with its row, field and code', () => {
    const r = checkAddresses([row('mirror', 'javascript:alert(1)')])
    assert.ok('problems' in r)
    assert.equal(
      problemLine(r.problems[0]!),
      'row 1 address: must start with https:// or http:// [REACH_URL_SCHEME]',
    )
  })

  it('points at the whole list under the main address, else the first mirror', () => {
    assert.equal(reachPageUrl([]), null)
    assert.equal(
      reachPageUrl([
        { kind: 'mirror', label: '', value: 'https://m.example/lantern?x=1' },
        { kind: 'primary', label: '', value: 'https://lantern.example/' },
      ]),
      'https://lantern.example/reach',
    )
    assert.equal(
      reachPageUrl([{ kind: 'mirror', label: '', value: 'https://m.example/lantern' }]),
      'https://m.example/lantern/reach',
    )
  })
})
