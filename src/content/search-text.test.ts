import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { MAX_QUERY_TERMS, highlight, queryTerms, searchTerms, snippet } from './search-text.js'

const marks = (parts: { text: string; mark: boolean }[]) =>
  parts.filter((p) => p.mark).map((p) => p.text)

describe('search text', () => {
  it('stems Russian and English word forms to one term', () => {
    assert.deepEqual(searchTerms('выборы выборах выборов'), ['выбор', 'выбор', 'выбор'])
    assert.deepEqual(searchTerms('Elections election'), ['elect', 'elect'])
    assert.deepEqual(searchTerms('ЁЛКА'), searchTerms('елки'))
  })

  it('stems by script, so mixed text works either way', () => {
    assert.deepEqual(searchTerms('Выборы: elections'), ['выбор', 'elect'])
    assert.deepEqual(searchTerms('東京 2026'), ['東京', '2026'])
  })

  it('reads query syntax as separators and bounds the query', () => {
    assert.deepEqual(queryTerms('"harbour* NEAR(ships, 3) OR -x ^y: z"'), [
      'harbour',
      'near',
      'ship',
      '3',
      'x',
      'y',
      'z',
    ])
    assert.deepEqual(queryTerms('" * ( ) : ^ -'), [])
    assert.deepEqual(queryTerms('the and of'), [])
    assert.ok(queryTerms('word '.repeat(10_000)).length <= 1)
    const many = queryTerms('alpha bravo charlie delta echo foxtrot golf hotel india juliet')
    assert.equal(many.length, MAX_QUERY_TERMS)
    for (const t of queryTerms('a\'b "c" d;e <f> g%h')) assert.match(t, /^[\p{L}\p{N}]+$/u)
  })

  it('marks every form of a searched word, and no stop word', () => {
    const parts = highlight('The elections: an election, electing the elected.', ['elect'])
    assert.deepEqual(marks(parts), ['elections', 'election', 'electing', 'elected'])
    assert.equal(
      parts.map((p) => p.text).join(''),
      'The elections: an election, electing the elected.',
    )
  })

  it('cuts a snippet around the words found, with ellipses where it cuts', () => {
    const text = `${'filler '.repeat(100)}the harbour ships left the harbour ${'tail '.repeat(100)}`
    const parts = snippet(text, ['harbour', 'ship'])
    const shown = parts.map((p) => p.text).join('')
    assert.ok(shown.startsWith('… '))
    assert.ok(shown.endsWith(' …'))
    assert.deepEqual(marks(parts), ['harbour', 'ships', 'harbour'])
    assert.deepEqual(snippet('', ['x']), [])
    assert.equal(
      snippet('short text', ['none'])
        .map((p) => p.text)
        .join(''),
      'short text',
    )
  })
})
