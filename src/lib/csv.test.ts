import assert from 'node:assert/strict'
import fs from 'node:fs'
import { describe, it } from 'node:test'
import { csvCell, csvLine, parseCsv } from './csv.js'

const BLNS = new URL('../../../shared/fixtures/hostile/blns/blns.json', import.meta.url)
const CRLF = new URL('../../../shared/fixtures/hostile/crlf/crlfinjection.txt', import.meta.url)

const rows = (text: string) => {
  const r = parseCsv(text)
  assert.ok(r.ok, JSON.stringify(r))
  return r.records.map((x) => x.fields)
}

describe('CSV parser (RFC 4180)', () => {
  it('reads plain records with CRLF, LF and no final line break', () => {
    assert.deepEqual(rows('a,b\r\nc,d\r\n'), [
      ['a', 'b'],
      ['c', 'd'],
    ])
    assert.deepEqual(rows('a,b\nc,d'), [
      ['a', 'b'],
      ['c', 'd'],
    ])
    assert.deepEqual(rows('a,,\n'), [['a', '', '']])
    assert.deepEqual(rows('a,'), [['a', '']])
  })

  it('reads quoted fields with commas, doubled quotes and line breaks, and drops a BOM', () => {
    assert.deepEqual(rows('\uFEFF"x,y","say ""hi""","two\r\nlines"\r\nz,"",w\r\n'), [
      ['x,y', 'say "hi"', 'two\r\nlines'],
      ['z', '', 'w'],
    ])
  })

  it('numbers records by the line they start on, skipping blank lines', () => {
    const r = parseCsv('h\n\n"a\nb"\nc\n')
    assert.ok(r.ok)
    assert.deepEqual(
      r.records.map((x) => x.line),
      [1, 3, 5],
    )
  })

  it('counts lines as an editor does, after quoted line breaks and with any line ends mixed', () => {
    const r = parseCsv('"a\r\nb",ü\r\n\r\nc\nd\re\r\n"f\rg"\nh')
    assert.ok(r.ok)
    assert.deepEqual(
      r.records.map((x) => [x.line, x.fields[0]]),
      [
        [1, 'a\r\nb'],
        [4, 'c'],
        [5, 'd'],
        [6, 'e'],
        [7, 'f\rg'],
        [9, 'h'],
      ],
    )
  })

  it('names the line of the record a refusal is in, after multi-line records', () => {
    const r = parseCsv('h\r\n"two\r\nlines"\r\n\r\nok\r\nbad"quote\r\n')
    assert.equal(r.ok, false)
    assert.equal(!r.ok && r.line, 6)
    assert.equal(!r.ok && r.message, 'a quote inside an unquoted field (quote the whole field)')
  })

  it('refuses broken quoting with the line it is on', () => {
    assert.deepEqual(parseCsv('a\n"open'), {
      ok: false,
      code: 'quote-not-closed',
      line: 2,
      message: 'a quoted field is never closed',
    })
    const mid = parseCsv('a\nb"c,d')
    assert.equal(mid.ok, false)
    assert.equal(!mid.ok && mid.line, 2)
    assert.equal(!mid.ok && mid.code, 'quote-in-field')
    const after = parseCsv('"a"b,c')
    assert.equal(after.ok, false)
    assert.equal(!after.ok && after.line, 1)
    assert.equal(!after.ok && after.code, 'text-after-quote')
  })

  it('caps the number of fields in a record', () => {
    const r = parseCsv('a,b,c,d', { maxFields: 3 })
    assert.equal(r.ok, false)
    assert.equal(!r.ok && r.code, 'too-many-fields')
  })

  it('round-trips what the writer writes, hostile strings included', () => {
    const values = [
      'plain',
      'comma, inside',
      'quote " inside',
      'line\r\nbreak',
      '=HYPERLINK("http://evil")',
      '+1',
      '-2',
      '@SUM(A1)',
      '\tTab',
      '\rCR',
      ' padded ',
      '',
      'ünïcødé ✓ 𝔘',
    ]
    const text = csvLine(values) + csvLine(['x'])
    const back = rows(text)
    assert.equal(back.length, 2)
    assert.deepEqual(
      back[0],
      values.map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v)),
    )
  })

  it('defuses formula cells as OWASP advises', () => {
    assert.equal(csvCell('=1+1'), "'=1+1")
    assert.equal(csvCell('@x'), "'@x")
    assert.equal(csvCell('-x'), "'-x")
    assert.equal(csvCell('+x'), "'+x")
    assert.equal(csvCell('\tx'), "'\tx")
    assert.equal(csvCell('a@b.org'), 'a@b.org')
  })

  it(
    'round-trips the CRLF-injection strings, decoded and not',
    { skip: fs.existsSync(CRLF) ? false : 'shared/fixtures/hostile/crlf is absent here' },
    () => {
      const raw = fs.readFileSync(CRLF, 'utf8').split('\n').filter(Boolean)
      const decoded = raw.map((v) => {
        try {
          return decodeURIComponent(v)
        } catch {
          // Not valid percent-encoding (a stray %): kept as written.
          return v
        }
      })
      const values = [...raw, ...decoded]
      assert.ok(decoded.some((v) => /\r\n/.test(v)))
      const r = parseCsv(values.map((v) => csvLine(['x', v])).join(''))
      assert.ok(r.ok)
      assert.deepEqual(
        r.records.map((x) => x.fields[1]),
        values.map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v)),
      )
    },
  )

  it(
    'round-trips every string of the big list of naughty strings',
    { skip: fs.existsSync(BLNS) ? false : 'shared/fixtures/hostile/blns is absent here' },
    () => {
      const list = JSON.parse(fs.readFileSync(BLNS, 'utf8')) as string[]
      assert.ok(list.length > 400)
      const text = list.map((v) => csvLine([v, 'end'])).join('')
      const r = parseCsv(text)
      assert.ok(r.ok)
      // Blank strings make a record of one empty field and one 'end': none is lost or merged.
      assert.equal(r.records.length, list.length)
      r.records.forEach((rec, i) => {
        const v = list[i]!
        assert.deepEqual(rec.fields, [/^[=+\-@\t\r]/.test(v) ? `'${v}` : v, 'end'], `string ${i}`)
      })
    },
  )
})
