import assert from 'node:assert/strict'
import fs from 'node:fs'
import { describe, it } from 'node:test'
import { ERROR_CATALOGUE, type ErrorCode, sentenceFor, statusOf } from './error-catalogue.js'

/** One row of the codes table in docs/errors.md: `CODE` or `CODE` (410), then its status. */
interface DocRow {
  code: string
  /** The status in parentheses after the code, for a code documented under a second status. */
  variant: number | null
  status: number
}

function documentedRows(): DocRow[] {
  const doc = fs.readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8')
  const rows: DocRow[] = []
  for (const line of doc.split('\n')) {
    const m = /^\|\s*`([A-Z][A-Z0-9_]*)`\s*(?:\((\d{3})\))?\s*\|\s*(\d{3})\s*\|/.exec(line)
    if (m) rows.push({ code: m[1]!, variant: m[2] ? Number(m[2]) : null, status: Number(m[3]) })
  }
  return rows
}

const codes = Object.keys(ERROR_CATALOGUE) as ErrorCode[]
const isCode = (s: string): s is ErrorCode => Object.hasOwn(ERROR_CATALOGUE, s)

describe('the error catalogue and docs/errors.md', () => {
  const rows = documentedRows()

  it('finds the codes table in the document', () => {
    assert.ok(rows.length >= codes.length, `only ${rows.length} rows read`)
  })

  it('documents every code with the status the catalogue gives it', () => {
    for (const code of codes) {
      const main = rows.filter((r) => r.code === code && r.variant === null)
      assert.equal(main.length, 1, `${code}: documented ${main.length} times without a status`)
      assert.equal(main[0]!.status, statusOf(code), `${code}: status in docs/errors.md`)
    }
  })

  it("documents each code's other statuses as a row of their own", () => {
    for (const code of codes) {
      for (const status of Object.keys(ERROR_CATALOGUE[code].alsoAs ?? {}).map(Number)) {
        const row = rows.filter((r) => r.code === code && r.variant === status)
        assert.equal(row.length, 1, `${code} (${status}) is documented ${row.length} times`)
        assert.equal(row[0]!.status, status, `${code} (${status}): the HTTP column`)
      }
    }
  })

  it('documents no code or status that the catalogue lacks', () => {
    for (const row of rows) {
      assert.ok(isCode(row.code), `${row.code} is documented but not in the catalogue`)
      if (row.variant === null) continue
      assert.equal(row.status, row.variant, `${row.code} (${row.variant}): the HTTP column`)
      assert.ok(
        ERROR_CATALOGUE[row.code].alsoAs?.[row.variant],
        `${row.code} (${row.variant}) is documented but the catalogue has no such status for it`,
      )
    }
  })

  it('models the withdrawn article honestly: NOT_FOUND, answered 404 or 410', () => {
    assert.equal(statusOf('NOT_FOUND'), 404)
    assert.deepEqual(Object.keys(ERROR_CATALOGUE.NOT_FOUND.alsoAs ?? {}), ['410'])
  })
})

describe('the sentences people read', () => {
  it('gives every code a headline and a message that says what to do', () => {
    for (const code of codes) {
      const { title, message, status } = ERROR_CATALOGUE[code]
      assert.ok(status >= 400 && status < 600, code)
      assert.ok(title.length > 0 && !title.endsWith('.'), `${code}: a headline, no full stop`)
      assert.match(message, /[.!]$/, `${code}: the message is a sentence`)
      for (const other of codes) assert.ok(!`${title} ${message}`.includes(other), code)
    }
  })

  it("reads a code by its own words at its own statuses, else by the status's", () => {
    assert.equal(sentenceFor('NOT_FOUND', 404).title, 'Page not found')
    assert.equal(sentenceFor('NOT_FOUND', 410).title, 'This article was withdrawn')
    assert.equal(sentenceFor('CSRF_FAILED', 403).title, 'The form could not be sent')
    // A framework error reported as BAD_REQUEST with another client status.
    assert.equal(sentenceFor('BAD_REQUEST', 413).title, 'That is too large')
    assert.equal(sentenceFor('BAD_REQUEST', 415).title, 'That address could not be read')
    assert.equal(sentenceFor('INTERNAL', 503).title, 'Something went wrong on our side')
    assert.equal(sentenceFor('NOT_FOUND', 405).title, 'Not allowed')
  })
})
