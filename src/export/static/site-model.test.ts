import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { type SiteModel, liveBase, resolver } from './site-model.js'

const model: SiteModel = {
  articles: new Map([['/world/2026/01/a', 1]]),
  lists: ['/', '/world', '/topic/courts'],
  feedScopes: ['', '/world', '/topic/courts'],
  setSignature: 's',
}
const list = (addresses: { kind: 'primary' | 'mirror' | 'onion'; value: string }[]) => ({
  addresses: addresses.map((a) => ({ ...a, label: '' })),
  updatedAt: null,
})

describe('what the mirror holds and where the rest goes', () => {
  it('picks the main address, else the first mirror that is not this copy', () => {
    const both = list([
      { kind: 'mirror', value: 'https://m1.example/' },
      { kind: 'primary', value: 'https://main.example/' },
    ])
    assert.equal(liveBase(both, null), 'https://main.example/')
    assert.equal(liveBase(both, 'https://main.example/copy/'), 'https://m1.example/')
    assert.equal(liveBase(list([{ kind: 'onion', value: 'http://x.onion/' }]), null), null)
  })

  it('resolves held pages to files and the rest to the live site', () => {
    const r = resolver(model, { live: 'https://main.example/', sitemaps: false })
    assert.deepEqual(r('/world?page=3'), { kind: 'file', file: 'world/page/3/index.html' })
    assert.deepEqual(r('/topic/courts/feed.json'), { kind: 'file', file: 'topic/courts/feed.json' })
    assert.deepEqual(r('/world/2026/01/a'), { kind: 'file', file: 'world/2026/01/a/index.html' })
    assert.deepEqual(r('/support?currency=EUR'), {
      kind: 'live',
      url: 'https://main.example/support?currency=EUR',
    })
    assert.deepEqual(r('/sitemap.xml'), { kind: 'live', url: 'https://main.example/sitemap.xml' })
    assert.deepEqual(r('/world/2026/01/gone'), {
      kind: 'live',
      url: 'https://main.example/world/2026/01/gone',
    })
    const none = resolver(model, { live: null, sitemaps: true })
    assert.deepEqual(none('/newsletters'), { kind: 'none' })
    assert.deepEqual(none('/sitemaps/articles-1.xml'), {
      kind: 'file',
      file: 'sitemaps/articles-1.xml',
    })
  })
})
