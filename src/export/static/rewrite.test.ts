import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fileOf } from './paths.js'
import { type RewriteContext, rewriteDocument } from './rewrite.js'

const O = 'http://render.invalid'
const held = new Set([
  '/',
  '/world',
  '/reach',
  '/world/2026/01/a',
  '/media/k/400.webp',
  '/media/k/800.webp',
])

function ctx(o: { base?: string | null; live?: string | null } = {}): RewriteContext {
  return {
    origin: O,
    base: o.base ?? null,
    fallbackFile: 'reach/index.html',
    formNote: '<p>NOTE</p>',
    resolve(p) {
      const path = p.split('?')[0]!
      if (held.has(path) || p === '/world?page=2') return { kind: 'file', file: fileOf(p)! }
      if (o.live === null) return { kind: 'none' }
      return { kind: 'live', url: new URL(p.slice(1), o.live ?? 'https://live.example/').href }
    },
  }
}

describe('rewriting a page of the mirror', () => {
  const page =
    `<link rel="canonical" href="${O}/world/2026/01/a"><a href="/">Home</a>` +
    `<a href="/world?page=2#top">2</a><img src="/media/k/400.webp" srcset="/media/k/400.webp 400w, /media/k/800.webp 800w">` +
    `<a href="https://elsewhere.example/x">x</a><a href="#main">skip</a>` +
    `<form method="post" action="/newsletters/subscribe"><button>Go</button></form>` +
    `<script type="application/ld+json">{"url":"${O}/world/2026/01/a"}</script>`

  it('makes root-relative links relative and keeps outside links', () => {
    const r = rewriteDocument(page, 'world/2026/01/a/index.html', 'html', ctx())
    assert.match(r.body, /<a href="..\/..\/..\/..\/index.html">Home/)
    assert.match(r.body, /href="..\/..\/..\/page\/2\/index.html#top"/)
    assert.match(
      r.body,
      /srcset="..\/..\/..\/..\/media\/k\/400.webp 400w, ..\/..\/..\/..\/media\/k\/800.webp 800w"/,
    )
    assert.match(r.body, /href="https:\/\/elsewhere.example\/x"/)
    assert.match(r.body, /href="#main"/)
    assert.match(r.body, /rel="canonical" href="index.html"/)
    assert.match(r.body, /"url":"index.html"/)
    assert.ok(!r.body.includes(O))
    assert.deepEqual([...r.refs].sort(), [
      '/',
      '/media/k/400.webp',
      '/media/k/800.webp',
      '/world/2026/01/a',
      '/world?page=2',
    ])
  })

  it('sends forms to the live address', () => {
    const r = rewriteDocument(page, 'index.html', 'html', ctx())
    assert.match(r.body, /action="https:\/\/live.example\/newsletters\/subscribe"/)
  })

  it('makes absolute links absolute on --url', () => {
    const r = rewriteDocument(page, 'index.html', 'html', ctx({ base: 'https://m.example/p/' }))
    assert.match(
      r.body,
      /rel="canonical" href="https:\/\/m.example\/p\/world\/2026\/01\/a\/index.html"/,
    )
    assert.match(r.body, /<a href="index.html">Home/)
  })

  it('without a live address: a note instead of the form, missing pages lead to /reach', () => {
    const later = '<form method="post" action="/support/later"><button>Later</button></form>'
    const r = rewriteDocument(
      `${page}<form method="post" action="/support/checkout"></form> ${later}<a href="/support">s</a>`,
      'index.html',
      'html',
      ctx({ live: null }),
    )
    assert.ok(!r.body.includes('<form'))
    // One for the newsletter's form, one for the two forms side by side.
    assert.equal(r.body.split('<p>NOTE</p>').length - 1, 2)
    assert.match(r.body, /<a href="reach\/index.html">s/)
  })

  it('rewrites absolute links in feeds, escaped or not', () => {
    const feed = `<link>${O}/world</link><content>&lt;img src=&quot;${O}/media/k/800.webp&quot;&gt;</content>`
    const r = rewriteDocument(feed, 'world/feed.xml', 'text', ctx({ base: 'https://m.example/' }))
    assert.equal(
      r.body,
      '<link>https://m.example/world/index.html</link><content>&lt;img src=&quot;https://m.example/media/k/800.webp&quot;&gt;</content>',
    )
  })
})
