import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import vm from 'node:vm'
// @ts-expect-error: a build script in plain JavaScript, without declarations
import { escapeNonAscii } from '../scripts/ascii-bundle.mjs'

const escape = escapeNonAscii as (source: string) => string

/** Runs a script and returns what it evaluates to. */
const run = (source: string): unknown => vm.runInNewContext(source)

describe('the server bundle in ASCII only (scripts/ascii-bundle.mjs)', () => {
  it('leaves an ASCII source exactly as it is, escapes included', () => {
    const source = String.raw`const a = "\u0435\\u0435"; /* plain */ const r = /\d+\//g`
    assert.equal(escape(source), source)
  })

  it('writes every other character as \\uXXXX, and the code means the same', () => {
    const cases = [
      // comments, and strings esbuild already escapes
      `// Отказы — dash\n"ok"`,
      // a regex literal without the u flag, in and out of a class
      `"ёлка".replace(/ё/g, "е")`,
      `"12 €, 3 £".replace(/[€$£¥\\s]/g, "")`,
      // with the u flag and property escapes
      `"l’été d’or".match(/[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*/gu).join("|")`,
      // a character escaped by a backslash means itself
      `/\\ё/.test("ё") + "," + "a\\ё"`,
      // an even run of backslashes escapes the backslash, not the letter
      `"\\\\ё"`,
      // outside the basic plane: a surrogate pair, in a comment, a string and a u regex
      `/* 🦉 */ "🦉".length + "," + /^🦉$/u.test("🦉") + "," + /^.$/u.test("🦉")`,
    ]
    for (const source of cases) {
      const escaped = escape(source)
      assert.notEqual(escaped, source)
      assert.doesNotMatch(escaped, /[\u0080-\uffff]/, `ASCII only: ${escaped}`)
      assert.deepEqual(run(escaped), run(source), source)
    }
  })
})
