import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { PageCache, etagOf } from './page-cache.js'
import { buildEntry } from './responses.js'

const entry = (body: string, keys: string[]) => buildEntry({ body, type: 'text/html', keys })

describe('page cache', () => {
  it('purges exactly the pages tagged with a changed key', () => {
    const c = new PageCache(1_000_000)
    c.set('a', entry('A', ['article:1', 'list']), c.currentGeneration())
    c.set('b', entry('B', ['article:2']), c.currentGeneration())
    c.set('c', entry('C', ['topic:3', 'article:1']), c.currentGeneration())
    assert.equal(c.purge(['article:1']), 2)
    assert.equal(c.get('a'), undefined)
    assert.equal(c.get('c'), undefined)
    assert.equal(c.get('b')?.body.toString(), 'B')
    assert.equal(c.purge(['all']), 1)
    assert.equal(c.stats().entries, 0)
  })

  it('does not store a page rendered before a purge', () => {
    const c = new PageCache(1_000_000)
    const gen = c.currentGeneration()
    c.purge(['article:9'])
    c.set('late', entry('stale', ['article:9']), gen)
    assert.equal(c.get('late'), undefined)
  })

  it('stays within its byte budget, dropping the least recently used', () => {
    const c = new PageCache(7000)
    for (const id of ['1', '2', '3']) c.set(id, entry('x'.repeat(1000), []), c.currentGeneration())
    c.get('1')
    for (const id of ['4', '5']) c.set(id, entry('x'.repeat(1000), []), c.currentGeneration())
    assert.ok(c.stats().bytes <= 7000)
    assert.ok(c.get('1'), 'recently used survives')
    assert.equal(c.get('2'), undefined)
  })

  it('gzips once and counts it', () => {
    const c = new PageCache(1_000_000)
    const e = entry('hello '.repeat(500), [])
    c.set('g', e, c.currentGeneration())
    const gz = c.gzipOf(e)
    assert.equal(c.gzipOf(e), gz)
    assert.ok(gz.length < 200)
  })

  it('derives a strong ETag from the bytes', () => {
    assert.equal(etagOf(Buffer.from('a')), etagOf(Buffer.from('a')))
    assert.notEqual(etagOf(Buffer.from('a')), etagOf(Buffer.from('b')))
    assert.match(etagOf(Buffer.from('a')), /^"[A-Za-z0-9_-]{22}"$/)
  })
})
