import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { compareBlocks, readableBlocks } from './revision-compare.js'

describe('comparing two versions as readers see them', () => {
  it('reads a body as blocks of text: paragraphs, headings, items, quotes, pictures', () => {
    const html =
      '<h2>The vote</h2><p>The council met &amp; voted.</p><ul><li>One</li><li>Two</li></ul>' +
      '<blockquote><p>We will appeal.</p></blockquote>' +
      '<figure><img src="/media/x/800.webp" alt="The &quot;old&quot; bridge" data-image-id="3"><figcaption>Built in 1901.</figcaption></figure>'
    assert.deepEqual(readableBlocks(html), [
      { kind: 'heading', text: 'The vote' },
      { kind: 'paragraph', text: 'The council met & voted.' },
      { kind: 'item', text: 'One' },
      { kind: 'item', text: 'Two' },
      { kind: 'paragraph', text: 'We will appeal.' },
      { kind: 'picture', text: '[The "old" bridge]' },
      { kind: 'caption', text: 'Built in 1901.' },
    ])
    assert.deepEqual(readableBlocks(''), [])
  })

  it('shows an edit inside a paragraph as words in one row, and moves nothing else', () => {
    const before = readableBlocks('<p>First.</p><p>The council met on Monday.</p><p>Last.</p>')
    const after = readableBlocks(
      '<p>First.</p><p>The council met on Tuesday.</p><p>Last.</p><p>Added.</p>',
    )
    const rows = compareBlocks(before, after)
    assert.deepEqual(
      rows.map((r) => r.op),
      ['same', 'changed', 'same', 'added'],
    )
    const changed = rows[1]!
    assert.ok(changed.op === 'changed')
    assert.deepEqual(
      changed.before.filter((w) => w.op !== 'same').map((w) => w.text),
      ['Monday.'],
    )
    assert.deepEqual(
      changed.after.filter((w) => w.op !== 'same').map((w) => w.text),
      ['Tuesday.'],
    )
    assert.equal(changed.after.map((w) => w.text).join(''), 'The council met on Tuesday.')
  })

  it('shows a removed paragraph on the left only', () => {
    const rows = compareBlocks(readableBlocks('<p>A.</p><p>B.</p>'), readableBlocks('<p>A.</p>'))
    assert.deepEqual(rows, [
      { op: 'same', kind: 'paragraph', text: 'A.' },
      { op: 'removed', kind: 'paragraph', text: 'B.' },
    ])
  })

  it('treats markup-only changes as no change to the text', () => {
    const rows = compareBlocks(
      readableBlocks('<p>Read <a href="https://a.example/">this</a>.</p>'),
      readableBlocks('<p>Read <strong>this</strong>.</p>'),
    )
    assert.deepEqual(rows, [{ op: 'same', kind: 'paragraph', text: 'Read this.' }])
  })
})
