import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { escapeHtml } from './text.js'

describe('escapeHtml', () => {
  it('escapes the five characters HTML gives meaning to, and nothing else', () => {
    assert.equal(
      escapeHtml(`<a href="x" title='y'>Tom & Jerry</a> — «ок»`),
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt; — «ок»',
    )
    assert.equal(escapeHtml('&amp;'), '&amp;amp;', 'escapes what is already escaped, once more')
  })
})
