import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { authorLinksText, parseAuthorLinks, storedAuthorLinks } from './author-profile.js'

describe("an author's links", () => {
  it('reads one address per line, labels each, drops blanks and repeats', () => {
    const r = parseAuthorLinks(
      'https://www.example.org/\n\n  https://mastodon.social/@ana  \r\nhttps://example.org/',
    )
    assert.deepEqual(r, {
      ok: true,
      links: [
        { url: 'https://www.example.org/', label: 'example.org' },
        { url: 'https://mastodon.social/@ana', label: 'mastodon.social/@ana' },
        { url: 'https://example.org/', label: 'example.org' },
      ],
    })
    assert.deepEqual(parseAuthorLinks(''), { ok: true, links: [] })
  })

  it('names the line that is not a web address', () => {
    assert.deepEqual(parseAuthorLinks('https://a.example/\nnot an address'), {
      ok: false,
      problem: 'line 2 is not a web address (https://…)',
    })
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'https://u:p@a.example/'])
      assert.equal(parseAuthorLinks(bad).ok, false, bad)
    assert.equal(parseAuthorLinks(`https://a.example/${'x'.repeat(300)}`).ok, false)
  })

  it('takes at most eight', () => {
    const nine = Array.from({ length: 9 }, (_, i) => `https://a${i}.example/`).join('\n')
    assert.deepEqual(parseAuthorLinks(nine), {
      ok: false,
      problem: 'at most 8 links, one per line',
    })
  })

  it('reads stored links back, refusing what is not a link', () => {
    const json = JSON.stringify([
      { url: 'https://a.example/', label: 'a.example' },
      { url: 'javascript:alert(1)', label: 'x' },
      { url: 3 },
    ])
    assert.deepEqual(storedAuthorLinks(json), [{ url: 'https://a.example/', label: 'a.example' }])
    assert.deepEqual(storedAuthorLinks('{'), [])
    assert.deepEqual(storedAuthorLinks(null), [])
    assert.equal(authorLinksText(json), 'https://a.example/')
  })
})
