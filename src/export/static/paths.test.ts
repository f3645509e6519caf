import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { absoluteLink, fileOf, mirrorBase, relativeLink } from './paths.js'

describe('where pages live in the mirror', () => {
  it('makes a folder with index.html of each page, keeps files, and puts ?page=N under page/N', () => {
    assert.equal(fileOf('/'), 'index.html')
    assert.equal(fileOf('/?page=1'), 'index.html')
    assert.equal(fileOf('/?page=3'), 'page/3/index.html')
    assert.equal(fileOf('/world'), 'world/index.html')
    assert.equal(fileOf('/world?page=2'), 'world/page/2/index.html')
    assert.equal(fileOf('/world/2026/11/a-story'), 'world/2026/11/a-story/index.html')
    assert.equal(fileOf('/topic/courts/feed.atom'), 'topic/courts/feed.atom')
    assert.equal(fileOf('/media/abc/800.webp'), 'media/abc/800.webp')
  })

  it('refuses what is not a page of ours', () => {
    for (const p of [
      'world',
      '/../etc',
      '//x',
      '/support?currency=EUR',
      '/world?page=0',
      '/feed.xml?page=2',
    ])
      assert.equal(fileOf(p), null, p)
  })

  it('links one file to another relatively, keeping the fragment', () => {
    assert.equal(relativeLink('world/2026/11/s/index.html', 'index.html'), '../../../../index.html')
    assert.equal(relativeLink('index.html', 'reach/index.html', '#key'), 'reach/index.html#key')
    assert.equal(relativeLink('world/index.html', 'world/index.html'), 'index.html')
    assert.equal(relativeLink('world/index.html', 'world/feed.xml'), 'feed.xml')
    assert.equal(
      absoluteLink('https://m.example/a/', 'world/index.html'),
      'https://m.example/a/world/index.html',
    )
  })

  it('checks --url', () => {
    assert.deepEqual(mirrorBase('https://m.example/path'), { base: 'https://m.example/path/' })
    assert.deepEqual(mirrorBase('http://m.example'), { base: 'http://m.example/' })
    for (const bad of [
      'ftp://m.example/',
      'm.example',
      'https://u:p@m.example/',
      'https://m.example/?q=1',
    ])
      assert.ok('problem' in mirrorBase(bad), bad)
  })
})
