import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { loadConfig } from '../config.js'
import { shownHost, withCacheThatFits } from './serve.js'

describe('masthead serve', () => {
  it('keeps the page cache to half the heap, and says so', () => {
    const warned: object[] = []
    const logger = { warn: (o: object) => void warned.push(o) }
    const config = loadConfig({ PAGE_CACHE_MAX_MB: '200' })
    assert.equal(withCacheThatFits(config, logger, 256).PAGE_CACHE_MAX_MB, 128)
    assert.deepEqual(warned, [{ requested: 200, heapLimitMb: 256, using: 128 }])
    assert.equal(withCacheThatFits(config, logger, 400), config)
    assert.equal(warned.length, 1)
  })

  it('prints localhost for a wildcard or loopback address, else the address itself', () => {
    for (const h of ['0.0.0.0', '127.0.0.1', '::']) assert.equal(shownHost(h), 'localhost')
    assert.equal(shownHost('192.0.2.7'), '192.0.2.7')
  })
})
